"""What Postman's runner sends for a request, as data: the single source of truth for
Postman's wire semantics, shared by the snippet styles and the client generator.

    from pmgen.wire import build_request   # (this module, re-exported lazily)
    wire = build_request(collection, operation, reveal_secrets=False, files_dir=None)
    wire.method      # "GET", as Postman sends it
    wire.url         # Value: resolved, path variables filled, percent-encoded as Postman does
    wire.headers     # [(name, Value)]: explicit (disabled dropped), auth, then Postman's
                     #   defaults (`Accept: */*`, Content-Type per body mode/raw language)
    wire.body        # WireBody | None (raw text, urlencoded fields, multipart parts, file)
    wire.runtime_auth  # RuntimeAuth | None: digest, oauth1, awsv4, hawk, ntlm, ... (per request)
    wire.follow_redirects, wire.max_redirects, wire.verify_tls, wire.timeout (seconds or None)
    wire.secrets     # {ENV_VAR: Secret}: values a snippet reads from the environment
    wire.notes       # what the generator left out and why (missing files, ...)

A `Value` (`pmgen.wire.values`) is a tuple of `Part`s: `text` (known now), `dynamic`
(`$guid`, `$timestamp`, ...: generate when the request is sent, see `DYNAMIC_VARIABLES`),
`env` (a secret, or a value only a script can make: read `os.environ[name]` when the
request is sent) and `local` (a value a pre-request script computes, which the snippet
computes first: `wire.locals`, from `effects`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pmgen import secrets
from pmgen.model import Body, Collection, Operation
from pmgen.wire.auth import RuntimeAuth, apply
from pmgen.wire.digest import digest_header
from pmgen.wire.dynamic import DYNAMIC_VARIABLES
from pmgen.wire.effects import CollectionEffects, Effects
from pmgen.wire.jsonc import strip_json_comments
from pmgen.wire.mime import guess_type
from pmgen.wire.url import build_url, path_and_query
from pmgen.wire.values import (
    Part,
    Scope,
    Secret,
    Value,
    is_literal,
    join,
    literal,
    strip,
    text_value,
)

__all__ = [
    "DYNAMIC_VARIABLES",
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

# Postman drops the body of these methods unless `disableBodyPruning` is set.
BODYLESS_METHODS = {"GET", "HEAD", "COPY", "PURGE", "UNLOCK"}
RAW_CONTENT_TYPES = {
    "json": "application/json",
    "javascript": "application/javascript",
    "xml": "application/xml",
    "html": "text/html",
    "text": "text/plain",
}


@dataclass(frozen=True)
class TextPart:
    name: str
    value: Value
    content_type: str | None = None


@dataclass(frozen=True)
class FilePart:
    name: str
    src: str  # as written in the collection (relative to the collection's folder)
    filename: str  # what Postman puts in `filename=`
    content_type: str


@dataclass(frozen=True)
class WireBody:
    mode: Literal["raw", "urlencoded", "formdata", "file"]
    raw: Value = ()  # raw and GraphQL (JSON text) bodies
    fields: list[tuple[str, Value]] = field(default_factory=list)  # urlencoded
    parts: list[TextPart | FilePart] = field(default_factory=list)  # multipart
    file_src: str | None = None  # binary body


@dataclass(frozen=True)
class WireLocal:
    """A script-computed value (`pmgen.wire.effects.Local`) with its inputs as values."""

    name: str
    kind: str
    algorithm: str = ""
    encoding: str = ""
    key: Value = ()
    message: Value = ()
    offset: int = 0
    why: str = ""


@dataclass
class WireRequest:
    method: str
    url: Value
    headers: list[tuple[str, Value]] = field(default_factory=list)
    body: WireBody | None = None
    runtime_auth: RuntimeAuth | None = None
    follow_redirects: bool = True
    max_redirects: int = 10
    verify_tls: bool = True
    timeout: float | None = None
    secrets: dict[str, Secret] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # lower-case names of the headers the collection sets: what Postman signs (awsv4, ...)
    explicit_headers: list[str] = field(default_factory=list)
    # values the pre-request scripts compute, computed by the snippet before it sends
    locals: list[WireLocal] = field(default_factory=list)

    def header(self, name: str) -> Value | None:
        return next((v for n, v in self.headers if n.lower() == name.lower()), None)

    def _values(self) -> list[Value]:
        values = [self.url, *(v for _, v in self.headers)]
        if self.body is not None:
            values.append(self.body.raw)
            values += [v for _, v in self.body.fields]
            values += [p.value for p in self.body.parts if isinstance(p, TextPart)]
        if self.runtime_auth is not None:
            values += list(self.runtime_auth.params.values())
        for local in self.locals:
            values += [local.key, local.message]
        return values

    def env_names(self) -> set[str]:
        """Environment variables (secrets) the request reads when it is sent."""
        return {p.text for v in self._values() for p in v if p.kind == "env"}

    def dynamic_names(self) -> list[str]:
        """Every dynamic variable this request generates at run time (sorted)."""
        return sorted(
            {p.text for v in self._values() for p in v if p.kind == "dynamic"}
        )


def _bool(value: Any, default: bool) -> bool:
    return value if isinstance(value, bool) else default


POSTMAN_MAX_REDIRECTS = 10


def redirect_limit(behavior: dict[str, Any]) -> int | None:
    """The collection's own `maxRedirects` (protocolProfileBehavior, merged); None when it
    sets none (Postman's default, `POSTMAN_MAX_REDIRECTS`, applies)."""
    value = behavior.get("maxRedirects")
    return value if isinstance(value, int) and value >= 0 else None


def build_request(
    collection: Collection,
    operation: Operation,
    *,
    reveal_secrets: bool = False,
    files_dir: str | Path | None = None,
    effects: CollectionEffects | None = None,
    compute: bool = True,
) -> WireRequest:
    """The request Postman's runner sends for `operation`: scripts not run, or, with
    `effects` (`pmgen.script_effects.analyse`), as its pre-request scripts shape it
    (`compute=False`: script-computed values are read from the environment)."""
    mine = effects.get(operation.id) if effects is not None else None
    scope = Scope(
        collection,
        reveal_secrets=reveal_secrets,
        effects=mine,
        # read from the environment in requests a pre-request chain shapes; elsewhere
        # `{{name}}` stays as written (what Postman sends while nothing captured it)
        captured=effects.captured if effects is not None and mine is not None else None,
        compute=compute,
    )
    spec = operation.request
    if mine is not None:
        spec = mine.request
    behavior = operation.protocol_profile_behavior
    applied = apply(operation.auth.auth, scope)
    url = build_url(spec.url, scope)
    if applied.query:
        extra = [join([text_value(k), text_value("="), v]) for k, v in applied.query]
        sep = "&" if any(p.kind == "text" and "?" in p.text for p in url) else "?"
        url = join([url, text_value(sep), *_interleave(extra, text_value("&"))])
    method = (
        scope.resolve_text(spec.method) or "GET"
    ).upper()  # Newman sends it upper-cased
    wire = WireRequest(method=method, url=url)
    disabled_system = {
        k.lower() for k, v in (behavior.get("disabledSystemHeaders") or {}).items() if v
    }
    for header in spec.headers:
        if header.disabled:
            continue
        name = scope.resolve_text(header.key).strip()
        if not name or name.lower() == applied.replaces_header:
            continue
        secret_as = name if secrets.is_secret_name(name) else ""
        wire.headers.append(
            (name, scope.resolve(header.value or "", secret_as=secret_as))
        )
    wire.explicit_headers = sorted({name.lower() for name, _ in wire.headers})
    wire.headers += applied.headers
    # receivers drop surrounding whitespace; some clients (h11) refuse to send it
    wire.headers = [(name, strip(value)) for name, value in wire.headers]
    wire.runtime_auth = applied.runtime
    if applied.runtime is not None and applied.runtime.type == "digest":
        _apply_digest(wire, operation, scope)
    if applied.note:
        wire.notes.append(applied.note)
    if not wire.header("accept") and "accept" not in disabled_system:
        wire.headers.append(("Accept", text_value("*/*")))
    prune = method.upper() in BODYLESS_METHODS and not _bool(
        behavior.get("disableBodyPruning"), False
    )
    if spec.body is not None and not spec.body.disabled and not prune:
        base = (
            Path(files_dir)
            if files_dir
            else (Path(collection.source).parent if collection.source else None)
        )
        explicit_type = wire.header("content-type")
        json_declared = explicit_type is not None and "json" in "".join(
            p.text for p in explicit_type
        )
        wire.body, content_type = _body(
            spec.body, scope, base, wire.notes, json_declared
        )
        if (
            content_type
            and not wire.header("content-type")
            and "content-type" not in disabled_system
        ):
            wire.headers.append(("Content-Type", text_value(content_type)))
        if wire.body is not None and wire.body.mode == "formdata":
            _drop_stale_multipart_type(wire)
    wire.follow_redirects = _bool(behavior.get("followRedirects"), True)
    limit = redirect_limit(behavior)
    wire.max_redirects = POSTMAN_MAX_REDIRECTS if limit is None else limit
    wire.verify_tls = _bool(behavior.get("strictSSL"), True)
    timeout = behavior.get("timeout")  # milliseconds, like Newman's --timeout-request
    wire.timeout = (
        timeout / 1000 if isinstance(timeout, (int, float)) and timeout > 0 else None
    )
    if mine is not None:
        wire.locals = _locals(wire, mine, scope) if compute else []
        wire.notes = [*mine.notes, *wire.notes]
    used = wire.env_names()
    wire.secrets = {k: v for k, v in sorted(scope.secrets.items()) if k in used}
    return wire


def _locals(wire: WireRequest, effects: Effects, scope: Scope) -> list[WireLocal]:
    """The locals the request uses, with those they use, in the order they are made."""
    wanted = {p.text for v in wire._values() for p in v if p.kind == "local"}
    made: dict[str, WireLocal] = {}
    for local in effects.locals:
        made[local.name] = WireLocal(
            local.name,
            local.kind,
            local.algorithm,
            local.encoding,
            key=scope.resolve(local.key),
            message=scope.resolve(local.message),
            offset=local.offset,
            why=local.why,
        )
    for local in reversed(effects.locals):  # a local is made before those using it
        if local.name in wanted:
            one = made[local.name]
            wanted |= {
                p.text for v in (one.key, one.message) for p in v if p.kind == "local"
            }
    return [made[local.name] for local in effects.locals if local.name in wanted]


def _interleave(values: list[Value], sep: Value) -> list[Value]:
    out: list[Value] = []
    for i, value in enumerate(values):
        out += [sep, value] if i else [value]
    return out


def _drop_stale_multipart_type(wire: WireRequest) -> None:
    """A copied `multipart/form-data; boundary=...` header would not match the body the HTTP
    library builds: keep the type, let the library add its own boundary."""
    wire.headers = [
        (n, v)
        for n, v in wire.headers
        if not (
            n.lower() == "content-type"
            and "multipart/" in "".join(p.text for p in v).lower()
        )
    ]


def _body(
    body: Body,
    scope: Scope,
    base: Path | None,
    notes: list[str],
    json_declared: bool = False,
) -> tuple[WireBody | None, str | None]:
    if body.mode == "raw":
        # Postman strips comments from JSON bodies: declared by language or Content-Type
        is_json = (body.language or "").lower() == "json" or (
            body.language is None and json_declared
        )
        language = (body.language or "text").lower()
        text = strip_json_comments(body.raw or "") if is_json else body.raw or ""
        raw = scope.resolve(text)
        if not raw:
            return None, None
        return WireBody("raw", raw=raw), RAW_CONTENT_TYPES.get(language, "text/plain")
    if body.mode == "urlencoded":
        fields = [
            (key, scope.resolve(f.value or "", secret_as=_secret_field(key)))
            for f in body.urlencoded
            if not f.disabled
            for key in [scope.resolve_text(f.key)]
        ]
        if not fields:
            return None, None
        return (
            WireBody("urlencoded", fields=fields),
            "application/x-www-form-urlencoded",
        )
    if body.mode == "formdata":
        parts: list[TextPart | FilePart] = []
        for f in body.formdata:
            if f.disabled:
                continue
            name = scope.resolve_text(f.key)
            if f.type == "file":
                for src_template in f.src or []:
                    src = scope.resolve_text(src_template)
                    if not src or (base is not None and not (base / src).is_file()):
                        notes.append(
                            f"form-data file {src!r} not found: left out, as Postman does"
                        )
                        continue
                    ctype = f.content_type or guess_type(src)
                    parts.append(FilePart(name, src, Path(src).name, ctype))
            else:
                value = scope.resolve(f.value or "", secret_as=_secret_field(name))
                parts.append(TextPart(name, value, f.content_type or None))
        if not parts:
            return None, None
        return WireBody("formdata", parts=parts), "multipart/form-data"
    if body.mode == "file":
        src = scope.resolve_text(body.file_src or "")
        if not src or (base is not None and not (base / src).is_file()):
            if src:
                notes.append(
                    f"binary body file {src!r} not found: no body sent, as Postman does"
                )
            return None, None
        return WireBody("file", file_src=src), body.file_content_type or None
    if body.mode == "graphql":
        return _graphql(body, scope), "application/json"
    return None, None


def _secret_field(name: str) -> str:
    """`password`, `client_secret`: a form field that holds a credential, like a header."""
    return name if secrets.is_secret_name(name) else ""


def _graphql(body: Body, scope: Scope) -> WireBody:
    """`{"query": ..., "variables": ...}` as Postman serializes it (JSON.stringify)."""
    query = scope.resolve_text(body.graphql_query or "")
    variables_text = scope.resolve_text(body.graphql_variables or "")
    try:  # Postman sends `null` for empty or unparsable variables
        variables = (
            json.loads(strip_json_comments(variables_text))
            if variables_text.strip()
            else None
        )
    except ValueError:
        variables = None
    text = json.dumps(
        {"query": query, "variables": variables},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return WireBody("raw", raw=scope.resolve(text))


def _apply_digest(wire: WireRequest, operation: Operation, scope: Scope) -> None:
    """Postman computes Digest from the auth's parameters: a static header per request."""
    auth = operation.auth.auth
    assert auth is not None
    _, target = path_and_query(wire.url)
    if not is_literal(target):
        return  # run-time parts in the URL: leave it to the styles (unsupported)
    uri = literal(target) or "/"
    value = digest_header(auth, scope.resolve_text, wire.method, uri)
    password = auth.params.get("password")
    header = scope.resolve(
        value,
        secret_as=(
            "digest_authorization" if isinstance(password, str) and password else ""
        ),
    )
    wire.headers = [(n, v) for n, v in wire.headers if n.lower() != "authorization"]
    wire.headers.insert(0, ("Authorization", header))
    wire.runtime_auth = None
