"""Postman script sandbox, copied verbatim into generated clients (as ``<pkg>/_sandbox/``).

Self-contained: stdlib plus the JavaScript engine (``quickjs``, PyPI ``quickjs-ng``), imported
only when a Sandbox is created.
"""

from ._core import Sandbox
from ._types import (
    ENGINE_EXTRA,
    EngineMissing,
    Limits,
    RunResult,
    Script,
    ScriptError,
    ScriptMemoryError,
    ScriptTimeout,
    TestResult,
    VariableScopes,
)

__all__ = [
    "ENGINE_EXTRA",
    "EngineMissing",
    "Limits",
    "RunResult",
    "Sandbox",
    "Script",
    "ScriptError",
    "ScriptMemoryError",
    "ScriptTimeout",
    "TestResult",
    "VariableScopes",
]
