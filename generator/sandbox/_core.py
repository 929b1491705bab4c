"""The sandbox: runs Postman scripts in QuickJS (PyPI distribution quickjs-ng).

One engine context per Sandbox and thread, reused across scripts: each script runs as the
body of a fresh async function, and what it adds to or changes on the global object and the
built-in prototypes is undone afterwards (js/runtime.js). A context that could not be
restored, or that hit a limit, is thrown away and rebuilt.

Between JavaScript and Python only str/int/float/bool/None cross (JSON text for structures):
the engine has no std/os modules, and every Python callable is wrapped by ``_guard``.
"""

from __future__ import annotations

import base64
import copy
import datetime as _dt
import json
import logging
import random
import re
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from . import _limit, modules
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

# Must match runtime.js: the script's line 1 is at line SCRIPT_BASE + 1 of its eval.
_SCRIPT_BASE = 10000
_SCRIPT_SPAN = 290000
_RUNTIME_PAD = 300000
_FRAME = re.compile(r"<input>:(\d+)")
_PRIMITIVES = (str, int, float, bool, type(None))
# json.dumps(payload, default=str) without building an encoder per run
_encode = json.JSONEncoder(default=str).encode
_INT32 = 2**31 - 1
# Script texts a context keeps by number (more distinct scripts start the numbering over)
_MAX_SOURCES = 64
# Tainted bodies kept for the remote-code check (most recent first): at most this many, and
# at most _MAX_TAINTED_CHARS characters together.
_MAX_TAINTED = 64
_MAX_TAINTED_CHARS = 32 * 2**20
# A downloaded body shorter than this is only refused when eval'd verbatim (tiny bodies such
# as "ok" or "1" would otherwise refuse unrelated code that contains them).
_TAINT_MIN = 32

_LEVELS = {
    "log": logging.INFO,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "error": logging.ERROR,
    "debug": logging.DEBUG,
}


@lru_cache(maxsize=1)
def _runtime_source() -> str:
    # through the package's loader (importlib.resources), so a zipped package works too
    js = resources.files(__package__).joinpath("js")
    parts = [
        js.joinpath(name).read_text(encoding="utf-8")
        for name in ("runtime.js", "expect.js", "pm.js")
    ]
    return "\n".join(parts)


def _bootstrap(config: dict[str, Any], native_names: list[str], sentinel: str) -> str:
    natives = ",".join(
        f"{json.dumps(n)}: G[{json.dumps('__pmgen_raw' + n)}]" for n in native_names
    )
    deletes = ";".join(
        f"delete G[{json.dumps('__pmgen_raw' + n)}]" for n in native_names
    )
    return (
        "\n" * _RUNTIME_PAD
        + "(function (config) {\n'use strict';\n"
        + "const raw0 = {tainted: globalThis.__pmgen_tainted, "
        + "moduleSource: globalThis.__pmgen_module_source, dynamic: globalThis.__pmgen_dynamic,"
        + " probe: globalThis.__pmgen_probe};\n"
        # The binding cannot pass QuickJS rope strings (results of concatenation) to Python.
        + "const flat = (v) => (typeof v === 'string' ? String(v) : v);\n"
        + "const native = {};\n"
        + "for (const k of Object.keys(raw0)) { const f = raw0[k]; "
        + "native[k] = (...a) => f(...a.map(flat)); }\n"
        + "delete globalThis.__pmgen_tainted; delete globalThis.__pmgen_module_source; "
        + "delete globalThis.__pmgen_dynamic; delete globalThis.__pmgen_probe;\n"
        + _runtime_source()
        + "\n{ const G = globalThis; const raw = {"
        + natives
        + "}; "
        + deletes
        + ";\n"
        + f"const SENTINEL = {json.dumps(sentinel)};\n"
        + "for (const name of Object.keys(raw)) {\n"
        + "  const f = raw[name];\n"
        + "  const w = function (...args) { const r = f(...args.map(flat));\n"
        + "    if (typeof r === 'string' && r.startsWith(SENTINEL))\n"
        + "      throw new Error(r.slice(SENTINEL.length));\n"
        + "    return r; };\n"
        + "  defineProperty(w, 'name', {value: name});\n"
        + "  defineProperty(G, name, {value: w, writable: true, configurable: true});\n"
        + "} }\n"
        + "defineProperty(globalThis, '__pmgen', {value: Object.freeze({begin, tick, arm,"
        + " deliver: (id, text, ms) => scheduleDelivery(id, jsonParse(text), ms)}),"
        + " writable: false, configurable: false, enumerable: false});\n"
        + "installLibraries();\ntakeBaseline();\n"
        + "})("
        + json.dumps(config)
        + ");"
    )


def _guard(name: str, fn: Callable[..., Any], sentinel: str) -> Callable[..., Any]:
    """Only primitives cross; a Python exception becomes a JS Error (message only)."""

    def guarded(*args: Any) -> Any:
        for a in args:
            if not isinstance(a, _PRIMITIVES):
                return f"{sentinel}{name}: arguments must be strings, numbers, booleans or null"
        try:
            result = fn(*args)
        except Exception as exc:  # the message goes to JS; never the object
            return f"{sentinel}{name}: {exc}"
        if not isinstance(result, _PRIMITIVES):
            return f"{sentinel}{name} returned an unsupported type"
        if (
            isinstance(result, int)
            and not isinstance(result, bool)
            and abs(result) > _INT32
        ):
            return float(
                result
            )  # the engine truncates large ints; JS numbers are doubles
        if isinstance(result, str) and "\x00" in result:
            return f"{sentinel}{name}: returned a string with NUL (the engine would truncate it)"
        return result

    return guarded


def _probe() -> bool:
    return True


def _default_dynamic(name: str) -> str | None:
    """A minimal {{$...}} resolver for when the host gives none."""
    if name in ("$guid", "$randomUUID"):
        return str(uuid.uuid4())
    if name == "$timestamp":
        return str(int(time.time()))
    if name == "$isoTimestamp":
        now = _dt.datetime.now(_dt.timezone.utc)
        return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
    if name == "$randomInt":
        return str(random.randint(0, 1000))
    return None


class _Clock:
    """Wall time a script may spend; time waiting for pm.sendRequest's HTTP is not counted."""

    def __init__(self, limit: float) -> None:
        # The engine enforces `limit` in CPU time; this wall-clock backstop is checked between
        # engine calls, with room for a machine shared by other processes.
        self.deadline = time.monotonic() + 3 * limit

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def credit(self, seconds: float) -> None:
        self.deadline += seconds


class _Driver:
    """The runtime's entry points of one context, looked up once (calls skip compiling)."""

    def __init__(self, ctx: Any) -> None:
        self.begin = ctx.eval("__pmgen.begin")
        self.tick = ctx.eval("__pmgen.tick")
        self.deliver = ctx.eval("__pmgen.deliver")


class _LimitHit(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class Sandbox:
    """Runs the scripts of one request's chain; reusable and cheap to call repeatedly."""

    def __init__(
        self,
        *,
        limits: Limits = Limits(),  # noqa: B008 (frozen dataclass: a shared default is safe)
        send_request: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        allow_remote_code: bool = False,
        dynamic: Callable[[str], str | None] | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        try:
            # the engine is optional: imported on use; it ships no type information
            import quickjs  # type: ignore[import-untyped]  # noqa: PLC0415
        except ImportError as exc:
            raise EngineMissing(
                "running this collection's scripts needs a JavaScript engine: "
                f"install the '{ENGINE_EXTRA}' extra (pip install quickjs-ng)"
            ) from exc

        self._quickjs: Any = quickjs
        self.limits = limits
        self._send_request = send_request
        self._allow_remote_code = allow_remote_code
        self._dynamic = dynamic or _default_dynamic
        self._logger = logger or logging.getLogger("pmgen.scripts")
        self._module_sources = dict(modules.module_sources())
        self._natives = dict(modules.native_functions())
        for name in self._natives:
            if not name.startswith("__native_"):
                raise ValueError(f"native function {name!r} must be named __native_*")
        self._globals_source = modules.globals_source()
        self._tainted: list[str] = []
        self._sentinel = "\x01pmgen-error-" + secrets.token_hex(8) + ":"
        self._local = threading.local()

    # ------------------------------------------------------------------ engine context
    def _context(self) -> Any:
        ctx = getattr(self._local, "ctx", None)
        if ctx is None:
            ctx = self._new_context()
            self._local.ctx = ctx
            self._local.sources = {}
            self._local.deadline = _limit.Deadline()
            self._local.driver = _Driver(ctx)
        return ctx

    def _drop_context(self) -> None:
        self._local.ctx = None

    def _new_context(self) -> Any:
        ctx = self._quickjs.Context()
        ctx.set_memory_limit(self.limits.memory_bytes)
        s = self._sentinel
        ctx.add_callable("__pmgen_tainted", _guard("tainted", self._is_tainted, s))
        ctx.add_callable(
            "__pmgen_module_source", _guard("require", self._module_source, s)
        )
        ctx.add_callable("__pmgen_dynamic", _guard("dynamic", self._dynamic_value, s))
        ctx.add_callable("__pmgen_probe", _probe)
        names = sorted(self._natives)
        for name in names:
            ctx.add_callable("__pmgen_raw" + name, _guard(name, self._natives[name], s))
        try:
            ctx.eval(_bootstrap({"globalsSource": self._globals_source}, names, s))
        except self._quickjs.JSException as exc:
            if "out of memory" in str(exc):
                raise ScriptMemoryError(
                    f"the sandbox itself needs more than {self.limits.memory_bytes} bytes"
                ) from None
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise RuntimeError(f"the script sandbox failed to start: {first}") from None
        if not _limit.verify(ctx, self._quickjs.JSException):
            raise RuntimeError(
                "this quickjs-ng version cannot enforce the script time limit while scripts "
                "call Python; pmgen's sandbox is tested with quickjs-ng 0.17"
            )
        return ctx

    def _module_source(self, name: str) -> str | None:
        return self._module_sources.get(name)

    def _dynamic_value(self, name: str) -> str | None:
        value = self._dynamic(name)
        return None if value is None else str(value)

    def _is_tainted(self, code: str) -> bool:
        for body in self._tainted:
            if code == body:
                return True
            if len(body) >= _TAINT_MIN and body in code:
                return True
            if len(code) >= _TAINT_MIN and code in body:
                return True
        return False

    # ------------------------------------------------------------------ running
    def run(
        self,
        scripts: Sequence[Script],
        *,
        request_name: str,
        request: dict[str, Any],
        scopes: VariableScopes,
        response: dict[str, Any] | None = None,
        info: dict[str, Any] | None = None,
    ) -> RunResult:
        """Run one event's scripts of one request, in order (collection, folders, request).

        ``request``: collection v2.1 shape, unresolved (``{{var}}`` kept); the result's
        request has the same shape, ``url.raw`` recomputed when the parts changed.
        ``response`` (test scripts): ``{"code", "status", "header": [{"key", "value"}],
        "body_b64", "responseTime", "responseSize"}``. ``info``: optional ``iteration``,
        ``iterationCount``, ``requestId``, ``environmentName``. ``scopes`` is updated in
        place. A script that throws stops the chain with ScriptError (``.result`` holds what
        ran before it).
        """
        # each script's run returns a new request; a chain of blank scripts returns a copy
        result = RunResult(request=request)
        response_payload = None if response is None else _response_payload(response)
        for script in scripts:
            if not script.source.strip():
                continue
            out = self._run_one(
                script,
                request_name=request_name,
                request=result.request,
                scopes=scopes,
                response=response_payload,
                info=info,
            )
            self._apply(out, result, scopes, request_name)
            error = out.get("error")
            if error:
                exc = self._script_error(error, script, request_name)
                exc.result = _own_request(result, request)
                raise exc
        return _own_request(result, request)

    def _apply(
        self,
        out: dict[str, Any],
        result: RunResult,
        scopes: VariableScopes,
        request_name: str,
    ) -> None:
        if isinstance(out.get("request"), dict):
            result.request = out["request"]
        new_scopes = out.get("scopes")
        if isinstance(new_scopes, dict):
            for name in ("globals", "collection", "environment", "data", "local"):
                target: dict[str, Any] = getattr(scopes, name)
                fresh = new_scopes.get(name)
                if not isinstance(fresh, dict):
                    continue  # unchanged: the script left it as it was
                for key in [k for k in target if k not in fresh]:
                    del target[key]
                for key, value in fresh.items():
                    if key not in target or target[key] != value:
                        target[key] = value
        for t in out.get("tests") or []:
            result.tests.append(
                TestResult(
                    name=str(t["name"]),
                    passed=bool(t["passed"]),
                    error=t.get("error"),
                    skipped=bool(t.get("skipped")),
                )
            )
        for level, text in out.get("console") or []:
            result.console.append((str(level), str(text)))
            self._logger.log(
                _LEVELS.get(level, logging.INFO), "%s: %s", request_name, text
            )
        if out.get("skip"):
            result.skip_request = True
        if out.get("nextSet"):
            result.next_request = out.get("next")

    def _script_error(
        self, error: dict[str, Any], script: Script, request_name: str
    ) -> ScriptError:
        line = None
        for m in _FRAME.finditer(error.get("stack") or ""):
            n = int(m.group(1))
            if _SCRIPT_BASE < n <= _SCRIPT_BASE + _SCRIPT_SPAN:
                line = n - _SCRIPT_BASE
                break
        name = error.get("name") or "Error"
        message = error.get("message") or ""
        text = (
            f"{name}: {message}" if name and not message.startswith(name) else message
        )
        cls = ScriptError
        if name == "InternalError" and message == "out of memory":
            cls = ScriptMemoryError
            text = f"the script needed more than {self.limits.memory_bytes} bytes"
            if error.get("thrownNull"):
                text += " (or it threw null)"
        return cls(
            text,
            request=request_name,
            level=script.level,
            owner=script.owner,
            event=script.event,
            line=line,
        )

    def _run_one(
        self,
        script: Script,
        *,
        request_name: str,
        request: dict[str, Any],
        scopes: VariableScopes,
        response: dict[str, Any] | None,
        info: dict[str, Any] | None,
    ) -> dict[str, Any]:
        ctx = self._context()
        # A script's text crosses once per context; later runs name it by number.
        sources: dict[str, int] = self._local.sources
        sid = sources.get(script.source)
        reset = sid is None and len(sources) >= _MAX_SOURCES
        if reset:
            sources.clear()
        number = len(sources) if sid is None else sid
        payload = {
            "sid": number,
            "source": script.source if sid is None else None,
            "reset": reset,
            "event": script.event,
            "request": request,
            "response": response,
            # an empty scope goes as null: the runtime then lists no keys for it
            "scopes": {
                "globals": scopes.globals or None,
                "collection": scopes.collection or None,
                "environment": scopes.environment or None,
                "data": scopes.data or None,
                "local": scopes.local or None,
            },
            "info": info or {},
            "requestName": request_name,
            "anyTaint": bool(self._tainted),
            "allowRemote": self._allow_remote_code,
        }
        text = _encode(payload)
        driver = self._local.driver
        clock = _Clock(self.limits.time_s)
        try:
            try:
                self._local.deadline.ensure(ctx, self.limits.time_s)
            except self._quickjs.JSException as exc:
                self._classify(exc, clock)
                raise
            self._call(clock, driver.begin, text)
            # the context holds it now (a failed call drops the context)
            if sid is None:
                sources[script.source] = number
            while True:
                self._drain(ctx, clock)
                step = json.loads(self._call(clock, driver.tick))
                kind = step.get("kind")
                if kind == "done":
                    out: dict[str, Any] = step
                    break
                if kind == "send":
                    started = time.monotonic()
                    outcome = self._send(step.get("request") or {})
                    spent = time.monotonic() - started
                    clock.credit(spent)
                    # the response arrives on the virtual clock after the time it took
                    took = (outcome.get("response") or {}).get("responseTime")
                    if not isinstance(took, (int, float)) or isinstance(took, bool):
                        took = spent * 1000
                    self._call(
                        clock,
                        driver.deliver,
                        int(step["id"]),
                        json.dumps(outcome),
                        float(took),
                    )
        except _LimitHit as hit:
            self._drop_context()
            cls = ScriptTimeout if hit.kind == "time" else ScriptMemoryError
            raise cls(
                hit.message,
                request=request_name,
                level=script.level,
                owner=script.owner,
                event=script.event,
            ) from None
        except self._quickjs.JSException as exc:
            # Uncatchable engine errors (stack overflow in the runtime, internal errors).
            self._drop_context()
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ScriptError(
                first,
                request=request_name,
                level=script.level,
                owner=script.owner,
                event=script.event,
            ) from None
        except BaseException:
            # e.g. the host's send_request raised KeyboardInterrupt mid-script: the context
            # still holds this script's globals
            self._drop_context()
            raise
        if not out.pop("clean", False):
            self._drop_context()
        return out

    def _call(self, clock: _Clock, fn: Any, *args: Any) -> Any:
        """One call of a driver function (a JS function object: no source to compile)."""
        if clock.remaining() <= 0:
            raise _LimitHit(
                "time", f"the script ran longer than {self.limits.time_s:g} s"
            )
        try:
            return fn(*args)
        except self._quickjs.JSException as exc:
            self._classify(exc, clock)
            raise

    def _drain(self, ctx: Any, clock: _Clock) -> None:
        while True:
            if clock.remaining() <= 0:
                raise _LimitHit(
                    "time", f"the script ran longer than {self.limits.time_s:g} s"
                )
            try:
                if not ctx.execute_pending_job():
                    return
            except self._quickjs.JSException as exc:
                self._classify(exc, clock)
                raise

    def _classify(self, exc: Exception, clock: _Clock) -> None:
        text = str(exc)
        if text.startswith("InternalError: interrupted") or clock.remaining() <= 0:
            raise _LimitHit(
                "time", f"the script ran longer than {self.limits.time_s:g} s"
            ) from None
        if "out of memory" in text.splitlines()[0] if text else False:
            raise _LimitHit(
                "memory",
                f"the script needed more than {self.limits.memory_bytes} bytes",
            ) from None

    def _send(self, request: dict[str, Any]) -> dict[str, Any]:
        if self._send_request is None:
            return {
                "error": "pm.sendRequest is not available: this sandbox has no HTTP sender"
            }
        try:
            response = self._send_request(request)
        except Exception as exc:
            return {"error": str(exc) or type(exc).__name__}
        payload = _response_payload(response)
        body = payload["body_text"]
        if body and not self._allow_remote_code:
            self._tainted.insert(0, body)
            del self._tainted[_MAX_TAINTED:]
            total = 0
            for i, kept in enumerate(self._tainted):
                total += len(kept)
                if total > _MAX_TAINTED_CHARS and i > 0:
                    del self._tainted[i:]
                    break
        return {"response": payload}


def _own_request(result: RunResult, given: dict[str, Any]) -> RunResult:
    """The result never shares the caller's request (a script's run returns a new one)."""
    if result.request is given:
        result.request = copy.deepcopy(given)
    return result


def _response_payload(response: dict[str, Any]) -> dict[str, Any]:
    raw = base64.b64decode(response.get("body_b64") or "")
    text = raw.decode("utf-8", "replace")
    return {
        "code": response.get("code"),
        "status": response.get("status") or "",
        "header": [
            {"key": str(h.get("key")), "value": str(h.get("value"))}
            for h in response.get("header") or []
        ],
        "body_text": text,
        "responseTime": response.get("responseTime"),
        "responseSize": response.get("responseSize", len(raw)),
    }
