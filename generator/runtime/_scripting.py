"""The collection's scripts around a request, run as Postman's runner runs them.

Pre-request scripts (collection, folders, request) see the request before `{{variables}}`
are substituted and may change it or set variables; test scripts see the response. All of
them share one set of variable scopes per client (`client.variables` is their merged view).
The JavaScript engine is the optional `scripts` extra; operations whose scripts only store
response values the generator recognised also run without it (the static path).
"""

from __future__ import annotations

import base64
import functools
import importlib.util
import json
import logging
import time
import weakref
from collections import ChainMap
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from . import _config
from ._base_client import AsyncAPIClient, BaseClient, SyncAPIClient
from ._exceptions import status_error
from ._request import _given, _text, same_json
from ._resource import package_data
from ._response import APIResponse, parse
from ._types import NOT_GIVEN, NotGiven, Query, TimeoutTypes
from ._variables import resolve

if TYPE_CHECKING:  # the sandbox imports its engine when the first script runs
    from pydantic import BaseModel

    from ._request import Spec
    from ._sandbox import RunResult, Sandbox, Script, TestResult, VariableScopes

EXTRA = "scripts"
log = logging.getLogger(f"{_config.PACKAGE}.scripts")
MASK = "****"


class _SecretMask(logging.Filter):
    """What scripts log never shows a secret variable's value (`_config.SECRETS`, read from
    environment variables) of any live client."""

    def __init__(self) -> None:
        super().__init__()
        self.owners: weakref.WeakSet[Scripts] = weakref.WeakSet()

    def filter(self, record: logging.LogRecord) -> bool:
        values = {v for owner in list(self.owners) for v in owner.secret_values()}
        message = record.getMessage()
        if any(v in message for v in values):
            for value in sorted(values, key=len, reverse=True):
                message = message.replace(value, MASK)
            record.msg, record.args = message, ()
        return True


_MASK_FILTER = _SecretMask()
log.addFilter(_MASK_FILTER)


class ScriptsUnavailable(ImportError):
    """An operation's scripts need the JavaScript engine, which is not installed."""


class FailedTests(Exception):
    """A test script's `pm.test` failed and the client was asked to raise for it."""

    def __init__(
        self, name: str, tests: list[TestResult], response: httpx.Response
    ) -> None:
        failed = [t for t in tests if not t.passed and not t.skipped]
        lines = "; ".join(f"{t.name}: {t.error}" for t in failed)
        super().__init__(f"{name}: {len(failed)} failed test(s): {lines}")
        self.tests = tests
        self.response = response


def text_value(value: Any) -> str:
    """A variable's value as Postman substitutes it into a request (`String(value)`)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return (
            "[object Object]"
            if isinstance(value, dict)
            else ",".join(map(text_value, value))
        )
    return str(value)


class Variables(ChainMap[str, str]):
    """`client.variables` of a client whose collection has scripts: Postman's scopes seen as
    one mapping (local > iteration data > environment > collection > globals), values as
    they are substituted. Assigning sets the environment value (as `newman --env-var`).
    """

    def __init__(
        self,
        *,
        environment: dict[str, Any],
        collection: dict[str, Any],
        globals_: dict[str, Any],
    ) -> None:
        self.local: dict[str, Any] = {}  # pm.variables
        self.data: dict[str, Any] = {}  # pm.iterationData
        self.environment = environment
        self.collection = collection
        self.globals = globals_
        super().__init__(self.local, self.data, environment, collection, globals_)

    def __getitem__(self, key: str) -> str:
        # a loop: ChainMap's own look-up raises a KeyError per scope missed
        for scope in self.maps:
            if key in scope:
                return text_value(scope[key])
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        for scope in self.maps:  # a loop: ChainMap's any() runs a generator per look-up
            if key in scope:
                return True
        return False

    def __setitem__(self, key: str, value: Any) -> None:  # scripts store numbers too
        self.environment[key] = value

    def __delitem__(self, key: str) -> None:
        found = [m for m in self.maps if key in m]
        if not found:
            raise KeyError(key)
        for scope in found:
            del scope[key]


def _read_table() -> list[dict[str, Any]]:
    data = package_data(__name__.rpartition(".")[0], "_scripts.json")
    table: list[dict[str, Any]] = json.loads(data)["scripts"]
    return table


@functools.cache  # asked on every scripted call: one look-up per process
def engine_installed() -> bool:
    return importlib.util.find_spec("quickjs") is not None


class Scripts:
    """The script runner of one client (`client.scripts`), shared by its copies.

    `time_limit` and `memory_limit` bound each script; `allow_remote_code` lets a script
    `eval` code it downloaded with `pm.sendRequest`; `raise_on_failed_tests` turns a failed
    `pm.test` into `FailedTests` (otherwise results are on `APIResponse.tests` and
    `last_tests`); `record_errors` makes a throwing script log instead of raise (as Newman,
    which still sends the request)."""

    def __init__(self, variables: Variables, *, timeout: Any) -> None:
        self.variables = variables
        self.time_limit = 10.0
        self.memory_limit = 128 * 2**20
        self.allow_remote_code = False
        self.raise_on_failed_tests = False
        self.record_errors = False
        self.timeout = timeout
        self.last_tests: list[TestResult] = []
        self.last_runs: list[RunResult] = []  # this call's pre-request and test runs
        # this call's script errors (with `record_errors`)
        self.last_errors: list[str] = []
        self.sent: list[dict[str, Any]] | None = None  # set by the runner: requests
        self._sandbox: Sandbox | None = None
        self._settings: tuple[float, int, bool] | None = None
        self._table: list[dict[str, Any]] | None = None
        self._chains: dict[tuple[int, ...], list[Script]] = {}
        self._http: httpx.Client | None = None
        self.iteration = 0
        _MASK_FILTER.owners.add(self)

    def secret_values(self) -> list[str]:
        """The current values of the collection's secret variables (4+ characters)."""
        found = (self.variables.get(name) for name in _config.SECRETS)
        return [value for value in found if value and len(value) >= 4]

    # -- what runs --------------------------------------------------------------------------
    @property
    def table(self) -> list[dict[str, Any]]:
        if self._table is None:
            self._table = _read_table()
        return self._table

    def wanted(self, spec: Mapping[str, Any]) -> bool:
        """True when the sandbox runs this operation's scripts; raises when they need the
        engine and it is missing (False: none, or the static path reproduces them)."""
        scripts = spec.get("scripts")
        if not scripts:
            return False
        if engine_installed():
            return True
        if scripts["engine"]:
            raise ScriptsUnavailable(self._missing_message(spec))
        return False

    def _missing_message(self, spec: Mapping[str, Any]) -> str:
        scripts = spec["scripts"]
        first = self.table[(scripts["prerequest"] or scripts["test"])[0]]
        event = "pre-request" if first["event"] == "prerequest" else "test"
        dist = _config.PACKAGE.replace("_", "-")
        return (
            f"{spec['name']}: its {first['level']}-level {event} script ({first['owner']}) "
            f"{first['does']}; running it needs the JavaScript engine: "
            f"pip install '{dist}[{EXTRA}]'"
        )

    def sandbox(self) -> Sandbox:
        """The sandbox for the current settings (changing a limit or `allow_remote_code`
        takes effect on the next script)."""
        settings = (self.time_limit, self.memory_limit, self.allow_remote_code)
        if self._sandbox is None or settings != self._settings:
            from . import _sandbox as sandbox  # the engine is imported only here

            self._settings = settings
            from ._variables import dynamic_value

            self._sandbox = sandbox.Sandbox(
                limits=sandbox.Limits(
                    time_s=self.time_limit, memory_bytes=self.memory_limit
                ),
                send_request=self._send_request,
                allow_remote_code=self.allow_remote_code,
                dynamic=dynamic_value,
                logger=log,
            )
        return self._sandbox

    def _scopes(self) -> VariableScopes:
        from ._sandbox import VariableScopes

        v = self.variables
        return VariableScopes(
            local=v.local,
            data=v.data,
            environment=v.environment,
            collection=v.collection,
            globals=v.globals,
        )

    def _chain(self, indices: list[int]) -> list[Script]:
        """The scripts at these places of the table (built once per chain)."""
        key = tuple(indices)
        chain = self._chains.get(key)
        if chain is None:
            from ._sandbox import Script

            chain = [
                Script(
                    source=entry["source"],
                    event=entry["event"],
                    level=entry["level"],
                    owner=entry["owner"],
                )
                for entry in (self.table[i] for i in key)
            ]
            self._chains[key] = chain
        return chain

    def run(
        self,
        spec: Mapping[str, Any],
        event: str,
        request: dict[str, Any],
        response: dict[str, Any] | None = None,
        *,
        record_errors: bool = False,
    ) -> RunResult:
        """The chain of `event` for the operation; a throwing script raises `ScriptError`
        unless errors are recorded (`record_errors` here or on the runner)."""
        chain = self._chain(spec["scripts"][event])
        info = {
            "eventName": event,
            "iteration": self.iteration,
            "iterationCount": 1,
            "requestName": spec["name"].rpartition(" / ")[2],
            "requestId": spec["name"],
        }
        try:
            result = self.sandbox().run(
                chain,
                request_name=spec["name"],
                request=request,
                scopes=self._scopes(),
                response=response,
                info=info,
            )
        except Exception as error:
            if not (self.record_errors or record_errors) or not _is_script_error(error):
                raise
            log.error("%s", error)  # as Newman: reported, and the run goes on
            self.last_errors.append(str(error))
            partial = getattr(error, "result", None)
            if partial is None:
                from ._sandbox import RunResult

                partial = RunResult(request=request)
            result = partial
        self.last_runs.append(result)
        return result

    # -- pm.sendRequest -----------------------------------------------------------------------
    def use_http(self, http: httpx.Client | None) -> None:
        """The sync client's connection pool (async clients get one of their own)."""
        self._http = http

    def _send_request(self, request: dict[str, Any]) -> dict[str, Any]:
        if self._http is None:
            self._http = httpx.Client(timeout=self.timeout)
        url = request.get("url")
        if isinstance(url, dict):
            url = url.get("raw", "")
        headers = [
            (h["key"], h.get("value") or "")
            for h in request.get("header") or []
            if not h.get("disabled")
        ]
        content = _body_bytes(request.get("body"))
        started = time.monotonic()
        if self.sent is not None:
            self.sent.append(
                {
                    "by": "script",
                    "method": request.get("method") or "GET",
                    "url": str(url),
                }
            )
        response = self._http.request(
            request.get("method") or "GET",
            str(url),
            headers=headers,
            content=content,
            extensions={"pmgen_by": "script"},
        )
        return response_dict(response, time.monotonic() - started)


def _is_script_error(error: Exception) -> bool:
    from ._sandbox import ScriptError

    return isinstance(error, ScriptError)


def _body_bytes(body: Mapping[str, Any] | None) -> bytes | None:
    if not body:
        return None
    mode = body.get("mode")
    if mode == "raw":
        return str(body.get("raw") or "").encode()
    if mode == "urlencoded":
        from urllib.parse import quote

        return "&".join(
            f"{quote(str(f['key']), safe='')}={quote(str(f.get('value') or ''), safe='')}"
            for f in body.get("urlencoded") or []
            if not f.get("disabled")
        ).encode()
    if mode == "graphql":
        graphql = body.get("graphql") or {}
        return json.dumps(graphql, separators=(",", ":")).encode()
    return None


def response_dict(response: httpx.Response, elapsed: float) -> dict[str, Any]:
    """A response as the sandbox's `pm.response` reads it."""
    content = response.content
    return {
        "code": response.status_code,
        "status": response.reason_phrase,
        "header": [{"key": k, "value": v} for k, v in response.headers.multi_items()],
        "body_b64": base64.b64encode(content).decode(),
        "responseTime": round(elapsed * 1000),
        "responseSize": len(content),
    }


# -- the operation spec <-> Postman's request shape ---------------------------------------
def _kv(key: str, value: str | None) -> dict[str, Any]:
    return {"key": key, "value": value, "disabled": False}


def _split_base(base: str) -> tuple[str | None, list[str], str | None]:
    protocol = None
    if "://" in base:
        protocol, _, base = base.partition("://")
    host, port = base, None
    if ":" in base and not base.endswith("}}"):
        head, _, tail = base.rpartition(":")
        if tail.isdigit() or (tail.startswith("{{") and tail.endswith("}}")):
            host, port = head, tail
    return protocol, host.split(".") if host else [], port


def to_postman(
    spec: Mapping[str, Any],
    *,
    path: Mapping[str, object],
    query: Mapping[str, object],
    body: object,
    fields: Mapping[str, object],
    headers: Mapping[str, str],
    extra_query: Query | None,
) -> dict[str, Any]:
    """The request a pre-request script sees: the spec's templates (`{{variables}}` not yet
    substituted) with the caller's arguments in place."""
    from ._urls import SEGMENT_SET, percent_encode

    protocol, host, port = _split_base(spec["base"])
    segments = list(spec["path"])
    url_vars = []
    for name, (index, pattern, default) in spec.get("path_params", {}).items():
        arg = path.get(name, NOT_GIVEN)
        if _given(arg):
            value = _text(arg)
            if not value:
                raise ValueError(
                    f"Expected a non-empty value for `{name}` but received {arg!r}"
                )
            encoded = percent_encode(value, SEGMENT_SET)
            segment = segments[index]
            segments[index] = (
                encoded if segment == pattern else segment.replace(pattern, encoded)
            )
        elif pattern.startswith(":"):
            url_vars.append(_kv(pattern[1:], default))
        elif default:
            segments[index] = segments[index].replace(pattern, default)
    pairs = []
    for key, default, param, send_default in spec.get("query", []):
        given = query.get(param, NOT_GIVEN) if param else NOT_GIVEN
        if _given(given):
            pairs.append(_kv(key, None if given is None else _text(given)))
        elif send_default:
            pairs.append(_kv(key, default))
    if extra_query:
        items = extra_query.items() if isinstance(extra_query, Mapping) else extra_query
        pairs += [_kv(k, v) for k, v in items]
    header = [_kv(k, v) for k, v in spec.get("headers", [])]
    if header and header[-1]["key"] == "Accept" and header[-1]["value"] == "*/*":
        header.pop()  # the generator's stand-in for Postman's own Accept: not the script's
    for name, value in headers.items():
        header = [h for h in header if h["key"].lower() != name.lower()] + [
            _kv(name, value)
        ]
    request = {
        "method": spec["method"],
        "url": {
            "protocol": protocol,
            "host": host,
            "port": port,
            "path": segments,
            "query": pairs,
            "variable": url_vars,
            "hash": None,
        },
        "header": header,
        "body": _body_to_postman(spec, body, fields),
        "auth": None,
    }
    request["url"]["raw"] = _raw_url(request["url"], spec)
    return request


def _raw_url(url: Mapping[str, Any], spec: Mapping[str, Any]) -> str:
    text = ".".join(url.get("host") or [])
    if url.get("protocol"):
        text = f"{url['protocol']}://{text}"
    if url.get("port"):
        text += f":{url['port']}"
    if url.get("path"):
        text += "/" + "/".join(url["path"])
    query = [q for q in url.get("query") or [] if not q.get("disabled")]
    if query or spec.get("empty_query"):
        text += "?" + "&".join(
            q["key"] if q.get("value") is None else f"{q['key']}={q['value']}"
            for q in query
        )
    return text


def _body_to_postman(
    spec: Mapping[str, Any], body: object, args: Mapping[str, object]
) -> Any:
    b = spec.get("body")
    if not b:
        return None
    mode = b["mode"]
    if mode == "raw":
        if not _given(body):
            raw = b["raw"]
        elif isinstance(body, bytes):
            raw = body.decode("utf-8", "replace")
        elif isinstance(body, str):
            raw = body
        elif same_json(b["raw"], body):
            raw = b["raw"]  # the saved text, as the scripts (signatures) read it
        else:
            from ._request import _json_bytes

            raw = _json_bytes(body).decode()
        return {"mode": "raw", "raw": raw}
    if mode == "graphql":
        query = args.get("query", NOT_GIVEN)
        variables = args.get("variables", NOT_GIVEN)
        return {
            "mode": "graphql",
            "graphql": {
                "query": _text(query) if _given(query) else b["query"],
                "variables": (
                    json.dumps(variables) if _given(variables) else b.get("variables")
                ),
            },
        }
    if mode == "urlencoded":
        pairs = []
        for key, default, param, send_default in b["fields"]:
            value = args.get(param, NOT_GIVEN) if param else NOT_GIVEN
            if _given(value):
                pairs.append(_kv(key, _text(value)))
            elif send_default:
                pairs.append(_kv(key, default or ""))
        return {"mode": "urlencoded", "urlencoded": pairs}
    if mode == "formdata":
        parts = []
        for key, kind, default, param, send_default, content_type in b["fields"]:
            value = args.get(param, NOT_GIVEN) if param else NOT_GIVEN
            if kind == "file":
                if _given(value) or send_default:
                    src = value if _given(value) else default
                    parts.append(
                        {
                            "key": key,
                            "type": "file",
                            "src": src,
                            "disabled": False,
                            "contentType": content_type,
                        }
                    )
            elif _given(value) or send_default:
                text = _text(value) if _given(value) else default or ""
                parts.append(
                    {
                        "key": key,
                        "type": "text",
                        "value": text,
                        "disabled": False,
                        "contentType": content_type,
                    }
                )
        return {"mode": "formdata", "formdata": parts}
    if mode == "file":
        return {"mode": "file", "file": {"src": body if _given(body) else b.get("src")}}
    return None


def from_postman(request: Mapping[str, Any], spec: Mapping[str, Any]) -> dict[str, Any]:
    """The spec of the request a pre-request chain left (templates still unresolved)."""
    url = request.get("url") or {}
    if isinstance(url, str):
        url = _parse_raw(url)
    base = ".".join(url.get("host") or [])
    if url.get("protocol"):
        base = f"{url['protocol']}://{base}"
    if url.get("port"):
        base += f":{url['port']}"
    segments = [str(s) for s in url.get("path") or []]
    variables = {v["key"]: v.get("value") for v in url.get("variable") or []}
    path_params = {
        f"_{i}": [i, s, variables.get(s[1:])]
        for i, s in enumerate(segments)
        if s.startswith(":") and s[1:] in variables
    }
    headers = [
        [h["key"], "" if h.get("value") is None else str(h["value"])]
        for h in request.get("header") or []
        if not h.get("disabled") and str(h.get("key") or "").strip()
    ]
    if not any(h[0].lower() == "accept" for h in headers):
        headers.append(["Accept", "*/*"])
    new: dict[str, Any] = {
        **{k: v for k, v in spec.items() if k not in ("body", "content_type")},
        "method": request.get("method") or spec["method"],
        "base": base,
        "path": segments,
        "path_params": path_params,
        "query": [
            [q["key"], None if q.get("value") is None else str(q["value"]), None, True]
            for q in url.get("query") or []
            if not q.get("disabled")
        ],
        "headers": headers,
    }
    body = _body_from_postman(request.get("body"))
    if body is not None:
        new["body"] = body
        same_mode = (spec.get("body") or {}).get("mode") == body["mode"]
        content_type = (
            spec.get("content_type") if same_mode else _CONTENT_TYPES.get(body["mode"])
        )
        if content_type:
            new["content_type"] = content_type
    return new


_CONTENT_TYPES = {
    "urlencoded": "application/x-www-form-urlencoded",
    "raw": "text/plain",
    "graphql": "application/json",
}


def _parse_raw(raw: str) -> dict[str, Any]:
    protocol = None
    rest = raw
    if "://" in rest:
        protocol, _, rest = rest.partition("://")
    rest, _, query = rest.partition("?")
    host, _, path = rest.partition("/")
    _, hosts, port = _split_base(host)
    pairs = []
    for part in query.split("&") if query else []:
        key, eq, value = part.partition("=")
        pairs.append(_kv(key, value if eq else None))
    return {
        "protocol": protocol,
        "host": hosts,
        "port": port,
        "path": path.split("/") if path else [],
        "query": pairs,
    }


def _body_from_postman(body: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not body or body.get("disabled"):
        return None
    mode = body.get("mode")
    if mode == "raw":
        raw = body.get("raw")
        return {"mode": "raw", "raw": "" if raw is None else str(raw)} if raw else None
    if mode == "urlencoded":
        return {
            "mode": "urlencoded",
            "fields": [
                [str(f["key"]), str(f.get("value") or ""), None, True]
                for f in body.get("urlencoded") or []
                if not f.get("disabled")
            ],
        }
    if mode == "formdata":
        fields = []
        for f in body.get("formdata") or []:
            if f.get("disabled"):
                continue
            if f.get("type") == "file":
                src = f.get("src")
                srcs = src if isinstance(src, list) else [src] if src else []
                fields.append(
                    [str(f["key"]), "file", srcs, None, True, f.get("contentType")]
                )
            else:
                fields.append(
                    [
                        str(f["key"]),
                        "text",
                        str(f.get("value") or ""),
                        None,
                        True,
                        f.get("contentType"),
                    ]
                )
        return {"mode": "formdata", "fields": fields}
    if mode == "graphql":
        graphql = body.get("graphql") or {}
        return {
            "mode": "graphql",
            "query": graphql.get("query") or "",
            "variables": graphql.get("variables"),
        }
    if mode == "file":
        return {"mode": "file", "src": (body.get("file") or {}).get("src")}
    return None


def resolved_postman(value: Any, variables: Mapping[str, str]) -> Any:
    """A Postman-shaped request with `{{variables}}` substituted everywhere: what the test
    scripts see as `pm.request` (Postman resolves the whole request before sending it).
    """
    if isinstance(value, str):
        return resolve(value, variables)
    if isinstance(value, list):
        return [resolved_postman(v, variables) for v in value]
    if isinstance(value, dict):
        return {k: resolved_postman(v, variables) for k, v in value.items()}
    return value


def iter_failed(tests: list[TestResult]) -> Iterator[TestResult]:
    return (t for t in tests if not t.passed and not t.skipped)


# -- the clients' script-running layer ------------------------------------------------------
class ScriptedClient(BaseClient):
    """Postman's variable scopes (`client.variables` is their merged view) and the script
    runner (`client.scripts`), for the clients of a collection with scripts."""

    scripts: Scripts
    variables: Variables

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # the selected environment and the caller's `variables=`; everything else (the
        # collection's values, secrets from environment variables) is collection scope
        chosen = _config.ENVIRONMENTS.get(self.environment or "", {})
        explicit = options.get("variables") or {}
        environment = {
            k: v for k, v in self.variables.items() if k in chosen or k in explicit
        }
        collection = {k: v for k, v in self.variables.items() if k not in environment}
        globals_ = dict(_config.GLOBALS)
        variables = Variables(
            environment=environment, collection=collection, globals_=globals_
        )
        self.variables = variables
        self.scripts = Scripts(variables, timeout=options.get("timeout"))

    def _before_scripts(
        self, http: httpx.Client | httpx.AsyncClient, spec: Spec, call: dict[str, Any]
    ) -> tuple[dict[str, Any], httpx.Request, httpx.Auth | None] | None:
        """The pre-request chain run on the request as Postman's scripts see it, and the
        request it leaves; None when a script called `pm.execution.skipRequest()`."""
        self.scripts.last_runs = []
        self.scripts.last_errors = []
        headers = {**self.default_headers, **(call["extra_headers"] or {})}
        pm_request = to_postman(
            spec,
            path=call["path"],
            query=call["query"],
            body=call["body"],
            fields=call["fields"],
            headers=headers,
            extra_query=call["extra_query"],
        )
        if not spec["scripts"]["prerequest"]:
            request, auth = self._prepare(http, spec, **call)
            return self._sent_view(spec, pm_request), request, auth
        result = self.scripts.run(spec, "prerequest", pm_request)
        if result.skip_request:
            return None
        request, auth = self._prepare(
            http,
            from_postman(result.request, spec),
            path={},
            query={},
            body=NOT_GIVEN,
            fields={},
            extra_headers=None,
            extra_query=None,
            timeout=call["timeout"],
            with_defaults=False,
        )
        return self._sent_view(spec, result.request), request, auth

    def _sent_view(self, spec: Spec, pm_request: dict[str, Any]) -> dict[str, Any]:
        """The request as the test scripts see it: resolved with the variables it was sent
        with (nothing to resolve when the operation has no test script)."""
        if not spec["scripts"]["test"]:
            return pm_request
        resolved: dict[str, Any] = resolved_postman(pm_request, self.variables)
        return resolved

    def _after_scripts(  # noqa: PLR0917 (one private caller per client kind)
        self,
        spec: Spec,
        pm_request: dict[str, Any],
        response: httpx.Response,
        elapsed: float,
        raw: bool,
        model: type[BaseModel] | None,
    ) -> Any:
        """The test chain run on the response; its results on `APIResponse.tests`, on the
        status error and in `client.scripts.last_tests`."""
        tests: list[TestResult] = []
        if spec["scripts"]["test"]:
            response_data = response_dict(response, elapsed)
            # a script that chokes on an error response is logged: the status error is
            # what the caller gets (its `script_errors` say what the scripts said)
            failed = response.status_code >= 400
            before = len(self.scripts.last_errors)
            tests = self.scripts.run(
                spec, "test", pm_request, response_data, record_errors=failed
            ).tests
        self.scripts.last_tests = tests
        if self.scripts.raise_on_failed_tests and any(iter_failed(tests)):
            raise FailedTests(spec["name"], tests, response)
        if response.status_code >= 400:
            error = status_error(response)
            error.tests = tests
            if spec["scripts"]["test"]:
                error.script_errors = self.scripts.last_errors[before:]
            raise error
        if raw:
            wrapped = APIResponse(response, model)
            wrapped.tests = tests
            return wrapped
        return parse(response, model)


def _call(**call: Any) -> dict[str, Any]:
    for key in ("path", "query", "fields"):
        call[key] = call[key] or {}
    return call


class ScriptedSyncAPIClient(ScriptedClient, SyncAPIClient):
    def request(
        self,
        spec: Spec,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        fields: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
        model: type[BaseModel] | None = None,
    ) -> Any:
        call = _call(
            path=path,
            query=query,
            body=body,
            fields=fields,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )
        if not self.scripts.wanted(spec):
            return super().request(
                spec, max_retries=max_retries, raw=raw, model=model, **call
            )
        self.scripts.use_http(self._http)
        prepared = self._before_scripts(self._http, spec, call)
        if prepared is None:
            return None
        pm_request, request, auth = prepared
        started = time.monotonic()
        response = self._send(request, auth, max_retries)
        elapsed = time.monotonic() - started
        return self._after_scripts(spec, pm_request, response, elapsed, raw, model)


class ScriptedAsyncAPIClient(ScriptedClient, AsyncAPIClient):
    async def request(
        self,
        spec: Spec,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        fields: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        raw: bool = False,
        model: type[BaseModel] | None = None,
    ) -> Any:
        call = _call(
            path=path,
            query=query,
            body=body,
            fields=fields,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )
        if not self.scripts.wanted(spec):
            return await super().request(
                spec, max_retries=max_retries, raw=raw, model=model, **call
            )
        # the scripts run synchronously; `pm.sendRequest` uses a sync pool of its own
        prepared = self._before_scripts(self._http, spec, call)
        if prepared is None:
            return None
        pm_request, request, auth = prepared
        started = time.monotonic()
        response = await self._send(request, auth, max_retries)
        elapsed = time.monotonic() - started
        return self._after_scripts(spec, pm_request, response, elapsed, raw, model)
