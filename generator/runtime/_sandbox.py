"""Stand-in for a generated package's `_sandbox/` (never copied): packages get
`pmgen.sandbox` itself, copied as it is."""

from pmgen.sandbox import (
    Limits,
    RunResult,
    Sandbox,
    Script,
    ScriptError,
    TestResult,
    VariableScopes,
)

__all__ = [
    "Limits",
    "RunResult",
    "Sandbox",
    "Script",
    "ScriptError",
    "TestResult",
    "VariableScopes",
]
