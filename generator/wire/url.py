"""The URL Postman's runner sends: variables resolved, path variables filled, percent-encoded
with postman-url-encoder's sets (already-encoded `%XX` kept, nothing double-encoded)."""

from __future__ import annotations

import re

from pmgen import secrets
from pmgen.model import KeyValue, Url
from pmgen.wire.values import (
    Part,
    Scope,
    Value,
    is_literal,
    join,
    literal,
    map_text,
    text_value,
)

_C0 = {chr(c) for c in range(0x20)} | {"\x7f"}
_FRAGMENT = _C0 | set(' "<>`')
PATH_SET = frozenset(_FRAGMENT | set("#?{}"))
QUERY_SET = frozenset(_C0 | set(" \"#'<>"))
PARAM_VALUE_SET = frozenset(QUERY_SET | {"&"})
PARAM_KEY_SET = frozenset(QUERY_SET | {"&", "="})
_ORIGIN = re.compile(r"^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/?#]*)(.*)$", re.S)


def percent_encode(text: str, unsafe: frozenset[str]) -> str:
    """Encode the characters of `unsafe` and everything outside printable ASCII as UTF-8."""
    out = []
    for ch in text:
        if ch in unsafe or ord(ch) > 0x7E:
            out.append(
                "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
            )
        else:
            out.append(ch)
    return "".join(out)


def _encoder(unsafe: frozenset[str]):  # type: ignore[no-untyped-def]
    return lambda text: percent_encode(text, unsafe)


def _path_segments(url: Url, scope: Scope) -> list[Value]:
    variables = {v.key: v for v in url.variables}
    out: list[Value] = []
    for segment in url.path:
        if segment.startswith(":") and segment[1:] in variables:
            raw = variables[segment[1:]].value
            # Newman leaves `:name` in place when the path variable has no value, but a
            # value that resolves to "" (an empty `{{var}}`) empties the segment
            out.append(scope.resolve(raw) if raw else text_value(segment))
        else:
            out.append(scope.resolve(segment))
    return out


def _query(params: list[KeyValue], scope: Scope) -> Value | None:
    enabled = [p for p in params if not p.disabled]
    if not enabled:
        return None
    pieces: list[Value] = []
    for i, param in enumerate(enabled):
        key = map_text(scope.resolve(param.key), _encoder(PARAM_KEY_SET))
        if i:
            pieces.append(text_value("&"))
        pieces.append(key)
        if param.value is not None:
            # `?api_key=...`, `?access_token=...`: a credential, like a secret header
            name = scope.resolve_text(param.key)
            secret_as = name if secrets.is_secret_name(name) else ""
            value = map_text(
                scope.resolve(param.value, secret_as=secret_as),
                _encoder(PARAM_VALUE_SET),
            )
            pieces.append(text_value("="))
            pieces.append(value)
    return join(pieces)


def split_raw(raw: str) -> Url:
    """A URL object from a raw string (v2.0 string URLs when the importer left no parts)."""
    base, _, fragment = raw.partition("#")
    base, qmark, query = base.partition("?")
    match = _ORIGIN.match(base)
    assert match is not None
    protocol, host, path = match.groups()
    params = []
    if qmark:
        for piece in query.split("&"):
            if piece:
                key, eq, value = piece.partition("=")
                params.append(KeyValue(key=key, value=value if eq else None))
    return Url(
        raw=raw,
        protocol=protocol,
        host=[host] if host else None,
        path=path.lstrip("/").split("/") if path else [],
        query=params,
        hash=fragment or None,
    )


def build_url(url: Url, scope: Scope) -> Value:
    """The URL as sent: `scheme://host[:port]/path?query`, fragment dropped."""
    if not url.host and not url.path and url.raw:
        parsed = split_raw(url.raw)
        url = parsed.model_copy(
            update={"variables": url.variables, "query": url.query or parsed.query}
        )
    host = scope.resolve(".".join(url.host or []))
    protocol = scope.resolve_text(url.protocol) if url.protocol else ""
    origin: Value
    extra_path: Value = ()
    if is_literal(host):
        match = _ORIGIN.match(literal(host))
        assert match is not None
        scheme, authority, rest = match.groups()
        scheme = protocol or scheme or "http"
        origin = join([text_value(f"{scheme}://"), _authority(authority, scope)])
        extra_path = map_text(text_value(rest), _encoder(PATH_SET))
    else:  # a secret or dynamic host: keep it whole
        origin = join([text_value(f"{protocol or 'http'}://"), host])
    if url.port:
        origin = join([origin, text_value(":" + scope.resolve_text(url.port))])
    segments = [map_text(s, _encoder(PATH_SET)) for s in _path_segments(url, scope)]
    path: list[Value] = [extra_path]
    if segments:
        for segment in segments:
            path += [text_value("/"), segment]
    elif not literal_text(extra_path):
        path.append(text_value("/"))
    query = _query(url.query, scope)
    tail: list[Value] = [text_value("?"), query] if query is not None else []
    return join([origin, *path, *tail])


def _authority(authority: str, scope: Scope) -> Value:
    """`user:password@host` with the password (or a lone `TOKEN@`) read from the
    environment unless secrets are revealed."""
    userinfo, at, hostport = authority.rpartition("@")
    if not at or scope.reveal:
        return text_value(authority)
    user, colon, password = userinfo.partition(":")
    if colon and not secrets.is_placeholder(password):
        hidden = scope.secret_named("url_password", password, "password in the URL")
        return join([text_value(f"{user}:"), hidden, text_value(f"@{hostport}")])
    if not colon and not secrets.is_placeholder(user):
        hidden = scope.secret_named("url_user", user, "credential in the URL")
        return join([hidden, text_value(f"@{hostport}")])
    return text_value(authority)


def literal_text(value: Value) -> str:
    return "".join(p.text for p in value if p.kind == "text")


def path_and_query(value: Value) -> tuple[Value, Value]:
    """Split a built URL into (origin, path+query) at the first `/` after the authority."""
    parts: list[Part] = list(value)
    if not parts or parts[0].kind != "text":
        return value, ()
    scheme = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", parts[0].text)
    if not scheme:
        return value, ()
    for i, part in enumerate(parts):  # the authority may hold run-time parts (secrets)
        start = scheme.end() if i == 0 else 0
        cut = re.search(r"[/?]", part.text[start:]) if part.kind == "text" else None
        if cut:
            pos = start + cut.start()
            head = join([tuple(parts[:i]), text_value(part.text[:pos])])
            return head, join([text_value(part.text[pos:]), tuple(parts[i + 1 :])])
    return value, ()
