"""What each request's pre-request scripts do to it, found by running them at generation
time in pmgen's own sandbox (`pmgen.sandbox`, the one the generated client uses).

    effects = analyse(collection)            # CollectionEffects, or None without an engine
    build_request(collection, op, effects=effects)

A request's chain (collection, folders, request) runs twice, with the collection's
variables and the chosen environment's, under two frozen clocks, with the variables
earlier requests' scripts capture set to two different stand-ins, and, in the second run,
the secret variables too. What the chain leaves (the request, the variables it set) is
then rewritten in terms of what is known to vary:

- the frozen time (`Date.now()`, whole seconds, ISO, `toUTCString()`) becomes a value the
  snippet computes when it runs (`Local`), and so does an HMAC the script made (the
  sandbox's HMAC helper is watched: its key and message are rewritten the same way, so the
  snippet computes the signature over the same text); where runs still differ, a date at
  the same distance from each run's day becomes that distance (`moment().add(30, 'day')`);
- a stand-in for a captured variable becomes that variable (the snippet reads it from the
  environment); the value or stand-in of a secret variable becomes that variable (idem),
  so what a script derives from a secret some other way differs, and is never inlined;
- what is then the same in both runs is what Postman sends on every run: it is written
  into the snippet; what still differs (random values, a response of `pm.sendRequest`,
  which never reaches the network here, ...) is read from an environment variable named
  after it (`Fallback`), never a value computed now.

Scripts are untrusted: the sandbox's time and memory limits apply per run (a chain that
hits one is not run again), all runs of a collection get `TOTAL_SECONDS`, and
`pm.sendRequest` gets an error. Requests without a pre-request script (or with comments
only) run nothing; the result of a chain is cached by its scripts and request.
"""

from __future__ import annotations

import base64
import datetime as _dt
import email.utils
import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pmgen import scriptinfo, secrets
from pmgen.importer.fields import key_values
from pmgen.importer.requests import parse_body, parse_request
from pmgen.importer.urls import parse_url
from pmgen.model import Collection, Operation, RequestSpec, Script, Variable
from pmgen.wire.effects import (
    CollectionEffects,
    Effects,
    Fallback,
    Local,
    env_ref,
    local_ref,
)
from pmgen.wire.values import env_var_name, is_secret_variable

# Two moments that differ in every field (year to millisecond): text made from one is
# told apart from the other's.
CLOCKS = (1765432109876, 1798765432109)
# Per script run (the sandbox's limit), and for all of a collection's runs together
SCRIPT_SECONDS = 2.0
TOTAL_SECONDS = 120.0
_STAND_IN = "pmgenCaptured{run}x{index}z"
_SECRET_STAND_IN = "pmgenSecret1x{index}z"
_MIN_SECRET = 6  # shorter secret values are not looked for in script output
_HMAC_ENCODINGS = ("hex", "HEX", "base64")
_DATE = re.compile(r"(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")
_MAX_DAYS = 3660
_HMAC_HASHES = {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"}
_LOCAL_REF = re.compile(r"\{\{\$pmgen\.local\.(pm_[a-z0-9_]+)\}\}")


# what the scripts print while pmgen generates (console.log) is not shown
_QUIET = logging.getLogger("pmgen.script_effects.console")
_QUIET.addHandler(logging.NullHandler())
_QUIET.propagate = False


@dataclass
class _Run:
    """One run of a chain: what it left and what the watched helpers saw."""

    request: dict[str, Any]
    variables: dict[str, Any]
    hmacs: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)
    sent: bool = False
    error: str = ""


def analyse(
    collection: Collection,
    *,
    operations: Iterable[Operation] | None = None,
    captured: Mapping[str, str] | None = None,
) -> CollectionEffects | None:
    """Every request's script effects (or those of `operations` only); None when the
    JavaScript engine is not installed (the snippets are then made as if the scripts did
    nothing). `captured`: `captured_variables(collection)` when the caller has it."""
    static = _static_values(collection)
    if captured is None:
        captured = captured_variables(collection)
    by_operation: dict[str, Effects] = {}
    runner: _Runner | None = None
    cache: dict[str, Effects | None] = {}
    stopped: dict[str, str] = {}  # chains that hit the time or memory limit: why
    started = time.monotonic()
    for op in collection.operations() if operations is None else operations:
        chain = scriptinfo.pre_request_chain(op)
        if not chain:
            continue  # script-free: nothing to run
        if runner is None:
            try:
                runner = _Runner()
            except ImportError:
                return None
        request = request_dict(op.request)
        sources = json.dumps([s.exec for s in chain])
        key = json.dumps([sources, request], sort_keys=True)
        if sources in stopped:  # this chain hit a limit before: not run again
            found: Effects | None = _failed(op, stopped[sources], stopped=True)
        elif time.monotonic() - started > TOTAL_SECONDS:
            found = _failed(op, f"the collection's scripts ran past {TOTAL_SECONDS} s")
        else:
            if key not in cache:
                cache[key] = _effects(
                    runner,
                    collection,
                    op,
                    chain=chain,
                    request=request,
                    static=static,
                    captured=captured,
                )
            found = cache[key]
            if found is not None and found.stopped_by:
                stopped[sources] = found.stopped_by
        if found is not None:
            by_operation[op.id] = found
    return CollectionEffects(by_operation, dict(captured))


# ---------------------------------------------------------------- inputs


def _layers(collection: Collection) -> tuple[list[Variable], ...]:
    env = collection.selected_environment()
    return (
        collection.globals,
        collection.variables,
        env.values if env is not None else [],
    )


def _static_values(collection: Collection) -> dict[str, str]:
    values: dict[str, str] = {}
    for layer in _layers(collection):
        for var in layer:
            if not var.disabled:
                values[var.key] = var.value if var.value is not None else ""
    values.update(collection.overrides)
    return values


def _all_scripts(collection: Collection) -> Iterator[Script]:
    yield from collection.scripts
    stack: list[Any] = list(collection.items)
    while stack:
        item = stack.pop()
        yield from item.scripts
        if item.kind == "folder":
            stack.extend(item.items)


def captured_variables(collection: Collection) -> dict[str, str]:
    """Variables scripts set that no static source provides: name -> env var."""
    static = _static_values(collection)
    names: set[str] = set()
    for script in _all_scripts(collection):
        names.update(v.name for v in script.sets)
        names.update(scriptinfo.sets(script.exec))
    return {
        name: env_var_name(name)
        for name in sorted(names)
        if name not in static and not name.startswith("$")
    }


def request_dict(spec: RequestSpec) -> dict[str, Any]:
    """The request in collection v2.1 form (templates kept), as scripts see it."""
    url = spec.url
    url_dict: dict[str, Any] = {"raw": url.raw}
    if url.protocol:
        url_dict["protocol"] = url.protocol
    if url.host is not None:
        url_dict["host"] = list(url.host)
    if url.port:
        url_dict["port"] = url.port
    url_dict["path"] = list(url.path)
    if url.query:
        url_dict["query"] = [_kv(q.key, q.value, q.disabled) for q in url.query]
    if url.hash:
        url_dict["hash"] = url.hash
    if url.variables:
        url_dict["variable"] = [_kv(v.key, v.value, v.disabled) for v in url.variables]
    out: dict[str, Any] = {
        "method": spec.method,
        "url": url_dict,
        "header": [_kv(h.key, h.value, h.disabled) for h in spec.headers],
    }
    body = spec.body
    if body is not None:
        b: dict[str, Any] = {"mode": body.mode}
        if body.disabled:
            b["disabled"] = True
        if body.mode == "raw":
            b["raw"] = body.raw or ""
            if body.language:
                b["options"] = {"raw": {"language": body.language}}
        elif body.mode == "urlencoded":
            b["urlencoded"] = [_kv(f.key, f.value, f.disabled) for f in body.urlencoded]
        elif body.mode == "formdata":
            b["formdata"] = [
                {
                    "key": f.key,
                    "type": f.type,
                    **({"value": f.value} if f.type == "text" else {"src": f.src}),
                    **({"contentType": f.content_type} if f.content_type else {}),
                    **({"disabled": True} if f.disabled else {}),
                }
                for f in body.formdata
            ]
        elif body.mode == "file":
            b["file"] = {"src": body.file_src}
        elif body.mode == "graphql":
            b["graphql"] = {
                "query": body.graphql_query or "",
                "variables": body.graphql_variables or "",
            }
        out["body"] = b
    if spec.auth is not None:
        t = spec.auth.type
        out["auth"] = {
            "type": t,
            t: [{"key": k, "value": v} for k, v in spec.auth.params.items()],
        }
    return out


def _kv(key: str, value: str | None, disabled: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {"key": key, "value": value}
    if disabled:
        entry["disabled"] = True
    return entry


# ---------------------------------------------------------------- running


def _clock_prelude(ms: int) -> str:
    """Freezes `Date` for one script (the sandbox restores globals after each script);
    on the script's first line, so its line numbers are unchanged."""
    return (
        f"{{const __pmT={ms},__pmD=Date;class __pmFD extends __pmD{{constructor(...a){{"
        "if(a.length===0)super(__pmT);else super(...a);}static now(){return __pmT;}}"
        "globalThis.Date=__pmFD;}"
    )


class _Runner:
    """One sandbox for the whole collection, its HMAC helper and sender watched."""

    def __init__(self) -> None:
        from pmgen import sandbox  # noqa: PLC0415 (imports the engine)

        self.sandbox_module = sandbox
        cls = sandbox.Sandbox
        self.now = CLOCKS[0]
        self.run_state: _Run | None = None
        self.box = cls(
            limits=sandbox.Limits(time_s=SCRIPT_SECONDS),
            send_request=self._send,
            dynamic=self._dynamic,
            logger=_QUIET,
        )
        natives = self.box._natives  # (private: watch the sandbox's HMAC helper)
        plain_hmac: Callable[..., str] = natives["__native_hmac"]

        def hmac_watched(*args: Any) -> str:
            out = plain_hmac(*args)
            if (
                self.run_state is not None
                and len(args) == 5
                and not out.startswith("!")
            ):
                alg, key, key_enc, data, data_enc = (str(a) for a in args)
                self.run_state.hmacs.append((alg, key, key_enc, data, data_enc, out))
            return out

        natives["__native_hmac"] = hmac_watched
        # the probe below makes the engine context now (an ImportError means no engine)
        self.box.run(
            [],
            request_name="",
            request={"method": "GET", "url": {"raw": ""}, "header": []},
            scopes=sandbox.VariableScopes(),
        )

    def _send(self, request: dict[str, Any]) -> dict[str, Any]:
        if self.run_state is not None:
            self.run_state.sent = True
        raise RuntimeError("pm.sendRequest does not run while pmgen generates snippets")

    def _dynamic(self, name: str) -> str | None:
        if name == "$timestamp":
            return str(self.now // 1000)
        if name == "$isoTimestamp":
            return _iso(self.now)
        return None  # random ones: left to the sandbox's own (they differ per run)

    def run(
        self,
        op: Operation,
        chain: list[Script],
        request: dict[str, Any],
        scopes: dict[str, dict[str, Any]],
        now: int,
    ) -> _Run:
        sb = self.sandbox_module
        self.now = now
        state = _Run(request=request, variables={})
        self.run_state = state
        variables = sb.VariableScopes(
            globals=dict(scopes["globals"]),
            collection=dict(scopes["collection"]),
            environment=dict(scopes["environment"]),
            data=dict(scopes["data"]),
        )
        scripts = [
            sb.Script(_clock_prelude(now) + s.exec, "prerequest", "request", op.name)
            for s in chain
        ]
        try:
            result = self.box.run(
                scripts, request_name=op.key, request=request, scopes=variables
            )
            state.request = result.request
        except (sb.ScriptTimeout, sb.ScriptMemoryError):
            raise  # a limit: the chain is not run again (see `analyse`)
        except sb.ScriptError as exc:
            state.error = str(exc.message)
            if exc.result is not None:
                state.request = exc.result.request
        finally:
            self.run_state = None
        merged: dict[str, Any] = {}
        for layer in (
            variables.globals,
            variables.collection,
            variables.environment,
            variables.data,
            variables.local,
        ):
            merged.update(layer)
        state.variables = merged
        return state


def _http_date(ms: int) -> str:
    """`new Date().toUTCString()`."""
    return email.utils.formatdate(ms // 1000, usegmt=True)


def _iso(ms: int) -> str:
    moment = _dt.datetime.fromtimestamp(ms / 1000, _dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


# ---------------------------------------------------------------- rewriting


class _Symbols:
    """Known varying text of one run -> the template standing for it (longest first)."""

    def __init__(
        self,
        now: int,
        stand_ins: Mapping[str, str],
        secrets_by_value: Mapping[str, str],
    ) -> None:
        self.table: dict[str, str] = {}
        self.locals: dict[str, Local] = {}
        self.now = now
        for text, ref in secrets_by_value.items():
            self.table[text] = ref
        for name, stand_in in stand_ins.items():
            self.table[stand_in] = "{{" + name + "}}"
        self._time("pm_now_ms", "now_ms", str(now), "the time")
        self._time("pm_now_s", "now_s", str(now // 1000), "the time")
        self._time("pm_now_iso", "now_iso", _iso(now), "the time")
        self._time("pm_now_iso_s", "now_iso_s", _iso(now // 1000 * 1000), "the time")
        self._time("pm_now_http", "now_http", _http_date(now), "the time")
        self._pattern: re.Pattern[str] | None = None

    def _time(self, name: str, kind: str, text: str, why: str) -> None:
        self.locals[name] = Local(name, kind, why=why)  # type: ignore[arg-type]
        self.table[text] = local_ref(name)

    def add_hmac(self, alg: str, key: str, data: str, hex_out: str) -> None:
        alg = alg.lower().replace("-", "")
        if alg not in _HMAC_HASHES:
            return  # not one the snippets compute: its output stays unexplained
        number = sum(1 for local in self.locals.values() if local.kind == "hmac") + 1
        name = "pm_hmac" if number == 1 else f"pm_hmac_{number}"
        key_t, data_t = self.rewrite(key), self.rewrite(data)
        raw = bytes.fromhex(hex_out)
        outs = {
            "hex": hex_out,
            "HEX": hex_out.upper(),
            "base64": base64.b64encode(raw).decode(),
        }
        for encoding in _HMAC_ENCODINGS:
            enc_name = name if encoding == "hex" else f"{name}_{encoding.lower()}"
            if encoding == "HEX":
                enc_name = f"{name}_upper"
            self.locals[enc_name] = Local(
                enc_name,
                "hmac",
                algorithm=alg,
                encoding=encoding,
                key=key_t,
                message=data_t,
                why=f"an HMAC-{alg.upper()} signature",
            )
            self.table[outs[encoding]] = local_ref(enc_name)
        self._pattern = None

    def dated(self, text: str) -> str:
        """`text` with each date (`YYYY-MM-DD`, the local calendar, as `moment()` writes
        it) within ten years of this run's day written as a local of that distance."""
        today = _dt.datetime.fromtimestamp(self.now / 1000).date()

        def one(match: re.Match[str]) -> str:
            try:
                day = _dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return match[0]
            offset = (day - today).days
            if abs(offset) > _MAX_DAYS:
                return match[0]
            name = "pm_today" if offset == 0 else f"pm_day_{offset:+d}"
            name = name.replace("+", "plus_").replace("-", "minus_")
            self.locals[name] = Local(name, "date", offset=offset, why="the date")
            return local_ref(name)

        return _DATE.sub(one, text)

    def rewrite(self, text: str) -> str:
        if not text or not self.table:
            return text
        if self._pattern is None:
            keys = sorted(self.table, key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(k) for k in keys if k))
        return self._pattern.sub(lambda m: self.table[m.group(0)], text)


def _walk(value: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_walk(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, fn) for k, v in value.items()}
    return value


def _effects(
    runner: _Runner,
    collection: Collection,
    op: Operation,
    *,
    chain: list[Script],
    request: dict[str, Any],
    static: Mapping[str, str],
    captured: Mapping[str, str],
) -> Effects | None:
    from pmgen.sandbox._types import js_string  # noqa: PLC0415

    layers = _layers(collection)
    secret_vars = _secret_variables(collection)
    runs: list[tuple[_Run, _Symbols]] = []
    for index, now in enumerate(CLOCKS):
        stand_ins = {
            name: _STAND_IN.format(run=index, index=i)
            for i, name in enumerate(captured)
        }
        # the second run sees other secret values: what a script derives from a secret
        # in a way not recognised (btoa, a JWT, ...) differs, and is never inlined
        if index == 0:
            secret_table = {
                value: "{{" + name + "}}"
                for name, value in secret_vars.items()
                if len(value) >= _MIN_SECRET
            }
            secret_of: dict[str, str] = {}
        else:
            secret_of = {
                name: _SECRET_STAND_IN.format(index=i)
                for i, name in enumerate(secret_vars)
            }
            secret_table = {v: "{{" + name + "}}" for name, v in secret_of.items()}
        scopes = {
            "globals": _layer(layers[0], secret_of),
            "collection": _layer(layers[1], secret_of),
            "environment": {**_layer(layers[2], secret_of), **stand_ins},
            "data": dict(collection.overrides),
        }
        try:
            done = runner.run(op, chain, json.loads(json.dumps(request)), scopes, now)
        except runner.sandbox_module.ScriptError as exc:  # time or memory limit
            return _failed(op, str(exc.message), stopped=True)
        symbols = _Symbols(now, stand_ins, secret_table)
        for alg, key, key_enc, data, data_enc, out in done.hmacs:
            key_text, data_text = _as_text(key, key_enc), _as_text(data, data_enc)
            if key_text is not None and data_text is not None:
                symbols.add_hmac(alg, key_text, data_text, out)
        runs.append((done, symbols))
    (first, sym_a), (second, sym_b) = runs
    req_a = _walk(first.request, sym_a.rewrite)
    req_b = _walk(second.request, sym_b.rewrite)
    if first.sent or second.sent:
        req_b = request  # what pm.sendRequest's answer decided cannot be known now
    why = _who(collection, op, chain)
    merging = _Merge(sym_a, sym_b, why)
    fallbacks = merging.fallbacks
    merged = merging.merge(req_a, req_b, "request")
    variables: dict[str, str] = {}
    untouched = {
        name: _STAND_IN.format(run=0, index=i) for i, name in enumerate(captured)
    }
    for name in sorted(first.variables):  # (a variable a script unsets: not followed)
        a = first.variables[name]
        if name in untouched and a == untouched[name]:
            continue  # the stand-in of a captured variable
        if static.get(name) == js_string(a) and not first.sent:
            continue  # unchanged
        a_text = sym_a.rewrite(js_string(a))
        b = second.variables.get(name)
        b_text = sym_b.rewrite(js_string(b)) if name in second.variables else None
        same = None if first.sent else merging.same(a_text, b_text)
        if same is not None:
            if same != static.get(name):
                variables[name] = same
            continue
        variables[name] = _env_for(name, fallbacks, why)
    notes: list[str] = []
    if first.error:
        notes.append(f"{why} stops with an error here: {first.error}"[:300])
    spec = _changed_spec(op.request, request, merged)
    locals_ = _used_locals(merged, variables, sym_a)
    if spec is op.request and not variables and not fallbacks and not notes:
        return None  # the chain changes nothing this request sends
    return Effects(
        request=spec,
        variables=variables,
        locals=tuple(locals_),
        fallbacks=tuple(fallbacks.values()),
        notes=tuple(notes),
    )


def _normal(value: Any) -> Any:
    """`value` without the empty fields the sandbox adds (`"port": None`, `"query": []`)."""
    if isinstance(value, dict):
        out = {k: _normal(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    return value


def _changed_spec(
    spec: RequestSpec, before: dict[str, Any], after: dict[str, Any]
) -> RequestSpec:
    """`spec` with the parts the chain changed read again from its result (what it left
    alone stays as the importer read it)."""
    update: dict[str, Any] = {}
    if _normal(after.get("url")) != _normal(before.get("url")):
        update["url"] = parse_url(after.get("url"))
    if _normal(after.get("header")) != _normal(before.get("header")):
        update["headers"] = key_values(after.get("header"))
    if _normal(after.get("body")) != _normal(before.get("body")):
        update["body"] = parse_body(after.get("body"))
    if after.get("method") != before.get("method") and isinstance(
        after.get("method"), str
    ):
        update["method"] = parse_request(after).method
    return spec.model_copy(update=update) if update else spec


def _as_text(data: str, encoding: str) -> str | None:
    """The text whose UTF-8 bytes (`str.encode()` in the snippet) are the helper's input,
    or None when there is none."""
    if encoding == "utf8":
        return data
    if encoding == "latin1":
        return data if data.isascii() else None
    if encoding == "hex":
        try:
            return bytes.fromhex(data).decode("utf-8")
        except ValueError:
            return None
    return None


def _failed(op: Operation, message: str, *, stopped: bool = False) -> Effects:
    return Effects(
        request=op.request,
        notes=(
            f"its pre-request script could not run here ({message}): this snippet "
            "sends the request as the collection writes it"[:300],
        ),
        stopped_by=message if stopped else "",
    )


def _layer(variables: list[Variable], replace: Mapping[str, str]) -> dict[str, Any]:
    return {
        v.key: replace.get(v.key, v.value if v.value is not None else "")
        for v in variables
        if not v.disabled
    }


def _secret_variables(collection: Collection) -> dict[str, str]:
    """The variables whose values the snippets read from the environment (secrets with a
    real value, as `pmgen.wire.values.Scope` tells them): name -> value."""
    out: dict[str, str] = {}
    for layer in _layers(collection):
        for var in layer:
            if var.disabled:
                continue
            value = var.value or ""
            if (
                is_secret_variable(var)
                and value
                and not secrets.is_placeholder(value)
                and "{{" not in value
            ):
                out[var.key] = value
            else:
                out.pop(var.key, None)
    for name in collection.overrides:
        out.pop(name, None)
    return out


def _who(collection: Collection, op: Operation, chain: list[Script]) -> str:
    own = [s for s in chain if s in op.scripts]
    top = [s for s in chain if s in collection.scripts]
    if len(chain) == len(own):
        return "the request's pre-request script"
    if len(chain) == len(top):
        return "the collection's pre-request script"
    return "its pre-request scripts"


def _same_locals(text: str, sym_a: _Symbols, sym_b: _Symbols) -> bool:
    """Every local `text` uses is made the same way in both runs."""
    seen: set[str] = set()
    todo = _LOCAL_REF.findall(text)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        a, b = sym_a.locals.get(name), sym_b.locals.get(name)
        if a is None or a != b:
            return False
        todo += _LOCAL_REF.findall(a.key) + _LOCAL_REF.findall(a.message)
    return True


@dataclass
class _Merge:
    """Run A's request where run B agrees; an env placeholder where they differ."""

    sym_a: _Symbols
    sym_b: _Symbols
    why: str
    fallbacks: dict[str, Fallback] = field(default_factory=dict)

    def merge(self, a: Any, b: Any, label: str) -> Any:
        if isinstance(a, str):
            same = self.same(a, b if isinstance(b, str) else None)
            return (
                same if same is not None else _env_for(label, self.fallbacks, self.why)
            )
        if isinstance(a, dict):
            other = b if isinstance(b, dict) else {}
            name = a.get("key") if isinstance(a.get("key"), str) else None
            return {
                # a header's or parameter's name is kept (entries are paired by it)
                k: v if k == "key" else self.merge(v, other.get(k), name or k)
                for k, v in a.items()
            }
        if isinstance(a, list):
            pairs = _pairs(a, b if isinstance(b, list) else [])
            return [self.merge(x, y, label) for x, y in pairs]
        return a  # flags and numbers (`disabled`): run A's

    def same(self, a: str, b: str | None) -> str | None:
        """The text both runs agree on (dates at the same distance from each run's day
        written as that distance), or None."""
        if b is None:
            return None
        if a == b and _same_locals(a, self.sym_a, self.sym_b):
            return a
        if a != b and _DATE.search(a):
            a, b = self.sym_a.dated(a), self.sym_b.dated(b)
            if a == b and _same_locals(a, self.sym_a, self.sym_b):
                return a
        return None


def _pairs(a: list[Any], b: list[Any]) -> list[tuple[Any, Any]]:
    """Run A's entries with run B's: headers and parameters by name (and occurrence),
    other lists by position; an entry B lacks is paired with None (its text differs)."""

    def name(entry: Any) -> Any:
        return entry.get("key") if isinstance(entry, dict) else None

    if not any(isinstance(name(x), str) for x in a):
        return [(x, b[i] if i < len(b) else None) for i, x in enumerate(a)]
    seen: dict[str, int] = {}
    in_b: dict[tuple[str, int], Any] = {}
    for entry in b:
        key = str(name(entry))
        in_b[(key, seen.get(key, 0))] = entry
        seen[key] = seen.get(key, 0) + 1
    seen = {}
    out = []
    for entry in a:
        key = str(name(entry))
        out.append((entry, in_b.get((key, seen.get(key, 0)))))
        seen[key] = seen.get(key, 0) + 1
    return out


def _env_for(label: str, fallbacks: dict[str, Fallback], why: str) -> str:
    env_var = _fallback_name(label, fallbacks)
    fallbacks[env_var] = Fallback(env_var, f"{label}, set by {why}")
    return env_ref(env_var)


def _fallback_name(label: str, fallbacks: Mapping[str, Fallback]) -> str:
    base = env_var_name(label)[:50]
    name, counter = base, 2
    while name in fallbacks:
        name = f"{base}_{counter}"
        counter += 1
    return name


def _used_locals(
    request: Any, variables: Mapping[str, str], symbols: _Symbols
) -> list[Local]:
    texts: list[str] = []
    _walk(request, lambda t: texts.append(t) or t)  # type: ignore[func-returns-value]
    texts += list(variables.values())
    wanted: set[str] = set()
    todo = [n for t in texts for n in _LOCAL_REF.findall(t)]
    while todo:
        name = todo.pop()
        if name in wanted or name not in symbols.locals:
            continue
        wanted.add(name)
        local = symbols.locals[name]
        todo += _LOCAL_REF.findall(local.key) + _LOCAL_REF.findall(local.message)
    return [local for name, local in symbols.locals.items() if name in wanted]


__all__ = ["CLOCKS", "analyse", "request_dict"]
