"""Plain data of the sandbox: limits, scripts, errors, results and the variable store."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

ENGINE_EXTRA = "scripts"

# Postman's substitution syntax: {{name}}, no braces inside the name.
_VAR = re.compile(r"\{\{([^{}]*?)\}\}")
# Postman resolves variables that expand to more variables, up to a fixed depth.
_MAX_DEPTH = 20


class EngineMissing(ImportError):
    """The JavaScript engine (PyPI distribution quickjs-ng) is not installed."""


@dataclass(frozen=True)
class Limits:
    """Per script execution: wall time spent running JavaScript, and engine memory."""

    time_s: float = 10.0
    memory_bytes: int = 128 * 2**20


@dataclass(frozen=True)
class Script:
    source: str
    event: Literal["prerequest", "test"]
    level: Literal["collection", "folder", "request"]
    owner: str


class ScriptError(Exception):
    """A script threw (or could not be compiled); the chain stopped there.

    ``result`` holds what the chain did up to the error (the request as changed so far,
    test results, console lines); variables set before the error are kept in the scopes.
    """

    result: RunResult | None

    def __init__(
        self,
        message: str,
        *,
        request: str = "",
        level: str = "",
        owner: str = "",
        event: str = "",
        line: int | None = None,
    ) -> None:
        self.request = request
        self.level = level
        self.owner = owner
        self.event = event
        self.line = line
        self.message = message
        self.result = None
        where = f"{level} {event} script" if level else f"{event} script"
        if owner and level != "request":
            where += f" of {owner!r}"
        at = f", line {line}" if line is not None else ""
        super().__init__(f"request {request!r}: {where}{at}: {message}")


class ScriptTimeout(ScriptError):
    """The script ran past Limits.time_s."""


class ScriptMemoryError(ScriptError):
    """The script needed more than Limits.memory_bytes."""


@dataclass
class TestResult:
    name: str
    passed: bool
    error: str | None
    skipped: bool = False


@dataclass
class RunResult:
    request: dict[str, Any]
    tests: list[TestResult] = field(default_factory=list)
    skip_request: bool = False
    # Ellipsis: setNextRequest was not called; None: called with null (stop the run).
    next_request: Any = ...
    console: list[tuple[str, str]] = field(default_factory=list)


def js_string(value: Any) -> str:
    """String(value) as JavaScript computes it, for values that came through JSON."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        text = repr(value)
        if "e" in text:
            mant, exp = text.split("e")
            text = f"{mant}e{'+' if not exp.startswith('-') else ''}{exp.lstrip('+')}"
        return text
    if isinstance(value, list):
        return ",".join("" if v is None else js_string(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


class VariableScopes:
    """Postman's variable scopes for one client, shared by every operation, mutated in place."""

    def __init__(
        self,
        *,
        globals: dict[str, Any] | None = None,
        collection: dict[str, Any] | None = None,
        environment: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        local: dict[str, Any] | None = None,
    ) -> None:
        self.globals: dict[str, Any] = {} if globals is None else globals
        self.collection: dict[str, Any] = {} if collection is None else collection
        self.environment: dict[str, Any] = {} if environment is None else environment
        self.data: dict[str, Any] = {} if data is None else data
        self.local: dict[str, Any] = {} if local is None else local

    def _chain(self) -> tuple[dict[str, Any], ...]:
        return (self.local, self.data, self.environment, self.collection, self.globals)

    def get(self, name: str) -> Any:
        for scope in self._chain():
            if name in scope:
                return scope[name]
        return None

    def has(self, name: str) -> bool:
        return any(name in scope for scope in self._chain())

    def replace_in(
        self, text: str, dynamic: Callable[[str], str | None] | None = None
    ) -> str:
        """Substitute {{name}} as Postman does; unknown names stay as written."""

        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            if self.has(name):
                return js_string(self.get(name))
            if name.startswith("$") and dynamic is not None:
                value = dynamic(name)
                if value is not None:
                    return value
            return match.group(0)

        for _ in range(_MAX_DEPTH):
            new = _VAR.sub(one, text)
            if new == text:
                break
            text = new
        return text
