"""Postman's wire semantics: what its runner sends for a request (`pmgen.wire.request`).

    from pmgen.wire import build_request, WireRequest, Value, ...

The names are loaded on first use (PEP 562), so `python -m pmgen.wire.send FILE.http`
(the raw HTTP style's sender) starts without the model and pydantic: ~0.1 s, not ~1 s.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pmgen.wire.request import (
        BODYLESS_METHODS,
        DYNAMIC_VARIABLES,
        RAW_CONTENT_TYPES,
        FilePart,
        Part,
        RuntimeAuth,
        Secret,
        TextPart,
        Value,
        WireBody,
        WireRequest,
        build_request,
        is_literal,
        literal,
        path_and_query,
    )

__all__ = [
    "BODYLESS_METHODS",
    "DYNAMIC_VARIABLES",
    "RAW_CONTENT_TYPES",
    "FilePart",
    "Part",
    "RuntimeAuth",
    "Secret",
    "TextPart",
    "Value",
    "WireBody",
    "WireRequest",
    "build_request",
    "is_literal",
    "literal",
    "path_and_query",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("pmgen.wire.request"), name)
    raise AttributeError(f"module 'pmgen.wire' has no attribute {name!r}")
