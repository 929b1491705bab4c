"""The importer: any form a Postman collection comes in -> `pmgen.model.Collection`.

    load(source, env_files=..., environment=..., variables=..., globals_files=..., api_key=...)

The work is in `loading`; this package only names it, lazily, so a command that may not
need to import anything (`generate` with nothing changed) does not pay for pydantic and
the model at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pmgen.importer.limits import Limits

if TYPE_CHECKING:
    from pmgen.importer.loading import load, load_document, parse_collection

__all__ = ["Limits", "load", "load_document", "parse_collection"]

_LAZY = frozenset({"load", "load_document", "parse_collection"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from pmgen.importer import loading  # noqa: PLC0415

        return getattr(loading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
