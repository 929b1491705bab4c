"""Library shims for the script sandbox (placeholder; the shims' own branch replaces this file).

Contract with the loader in ``..._core``:

- ``module_sources()``: require name -> JS source, the BODY of
  ``function (module, exports, require) { ... }``.
- ``native_functions()``: ``__native_*`` name -> Python callable, registered before any JS
  runs; arguments and results only str/int/float/bool/None.
- ``globals_source()``: JS run once per fresh global scope (indirect eval at global level, so
  declare globals with ``var`` or ``globalThis.x = ...``; ``let``/``const`` stay local to it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def module_sources() -> dict[str, str]:
    return {}


def native_functions() -> dict[str, Callable[..., Any]]:
    return {}


def globals_source() -> str:
    return ""
