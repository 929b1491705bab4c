"""Turns an operation spec plus call arguments into an `httpx.Request`, as Postman sends it."""

from __future__ import annotations

import json
import mimetypes
import os
import re
import secrets
import sys
from collections.abc import Callable, Mapping
from typing import Any, cast

import httpx

from ._auth import query_auth
from ._exceptions import InvalidHeaderError
from ._types import NOT_GIVEN, FileInput, NotGiven, Query
from ._urls import PATH_SET, SEGMENT_SET, encode_query, percent_encode, split_origin
from ._variables import resolve

Spec = Mapping[str, Any]


def _given(value: object) -> bool:
    return not isinstance(value, NotGiven)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _path(
    spec: Spec, args: Mapping[str, object], variables: Mapping[str, str]
) -> list[str]:
    segments = list(spec["path"])
    filled: dict[int, str] = {}
    for name, (index, pattern, default) in spec.get("path_params", {}).items():
        arg = args.get(name, NOT_GIVEN)
        if isinstance(arg, NotGiven) or (default is not None and arg == default):
            # the client variable, encoded like Postman; also for the collection's own
            # `{{variable}}` passed back (a required parameter's documented example)
            encoded = percent_encode(resolve(default or pattern, variables), PATH_SET)
        else:
            value = _text(arg)
            if not value:
                raise ValueError(
                    f"Expected a non-empty value for `{name}` but received {arg!r}"
                )
            # a caller's value is one segment: `/`, `?` and `#` cannot reach another route
            encoded = percent_encode(value, SEGMENT_SET)
        segment = segments[index]
        filled[index] = (
            encoded if segment == pattern else segment.replace(pattern, encoded)
        )
    return [
        filled[i] if i in filled else resolve(s, variables)
        for i, s in enumerate(segments)
    ]


def _query(
    spec: Spec,
    args: Mapping[str, object],
    variables: Mapping[str, str],
    extra: Query | None,
) -> list[tuple[str, str | None]]:
    pairs: list[tuple[str, str | None]] = []
    for key, default, param, send_default in spec.get("query", []):
        value = args.get(param, NOT_GIVEN) if param else NOT_GIVEN
        if _given(value):
            pairs.append(
                (resolve(key, variables), None if value is None else _text(value))
            )
        elif send_default:
            pairs.append(
                (
                    resolve(key, variables),
                    None if default is None else resolve(default, variables),
                )
            )
    if extra:
        items = extra.items() if isinstance(extra, Mapping) else extra
        pairs.extend((k, v) for k, v in items)
    return pairs


def _open_file(value: FileInput) -> tuple[str | None, Any]:
    if isinstance(value, (str, os.PathLike)):
        path = os.fspath(value)
        with open(path, "rb") as handle:
            return os.path.basename(path), handle.read()
    if isinstance(value, bytes):
        return None, value
    return os.path.basename(str(getattr(value, "name", ""))) or None, value.read()


def _file_part(
    value: FileInput, content_type: str | None
) -> tuple[str | None, Any, str]:
    filename, content = _open_file(value)
    return filename or "file", content, content_type or guess_type(filename or "")


_KNOWN_TYPES = {
    ".txt": "text/plain",
    ".json": "application/json",
    ".csv": "text/csv",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".xml": "application/xml",
    ".html": "text/html",
    ".zip": "application/zip",
}


def guess_type(filename: str) -> str:
    """The Content-Type Postman gives a file part (by extension, like `mime-types`)."""
    lower = filename.lower()
    for ext, ctype in _KNOWN_TYPES.items():
        if lower.endswith(ext):
            return ctype
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def _multipart(
    spec: Spec, args: Mapping[str, object], variables: Mapping[str, str]
) -> list[tuple[str, Any]]:
    parts: list[tuple[str, Any]] = []
    for key, kind, default, param, send_default, content_type in spec["fields"]:
        value = args.get(param, NOT_GIVEN) if param else NOT_GIVEN
        name = resolve(key, variables)
        if kind == "file":
            if _given(value):
                values = value if isinstance(value, (list, tuple)) else [value]
                parts.extend(
                    (name, _file_part(cast(FileInput, v), content_type)) for v in values
                )
            elif send_default:
                # no file chosen: Postman sends an empty part, `filename=""`
                if not default:
                    parts.append((name, ("", b"")))
                for src in default or []:
                    # Postman leaves out parts whose file is missing
                    if os.path.isfile(src):
                        parts.append((name, _file_part(src, content_type)))
            continue
        if _given(value):
            text = _text(value)
        elif send_default:
            text = resolve(default or "", variables)
        else:
            continue
        parts.append(
            (name, (None, text, content_type) if content_type else (None, text))
        )
    return parts


def _quote_param(text: str) -> str:
    # no header injection through field names: line breaks and quotes are escaped like browsers do
    return text.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")


def encode_multipart(parts: list[tuple[str, Any]]) -> tuple[bytes, str]:
    """A multipart/form-data body as Postman (form-data) writes it, and its Content-Type."""
    boundary = "--------------------------" + "".join(
        secrets.choice("0123456789") for _ in range(24)
    )
    chunks: list[bytes] = []
    for name, (filename, content, *rest) in parts:
        content_type = rest[0] if rest else None
        head = f'Content-Disposition: form-data; name="{_quote_param(name)}"'
        if filename is not None:
            head += f'; filename="{_quote_param(filename)}"'
        if content_type:
            head += f"\r\nContent-Type: {content_type}"
        data = content.encode() if isinstance(content, str) else content
        chunks.append(f"--{boundary}\r\n{head}\r\n\r\n".encode() + data + b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def _urlencoded(
    spec: Spec, args: Mapping[str, object], variables: Mapping[str, str]
) -> bytes:
    pairs = []
    for key, default, param, send_default in spec["fields"]:
        value = args.get(param, NOT_GIVEN) if param else NOT_GIVEN
        if _given(value):
            pairs.append((resolve(key, variables), _text(value)))
        elif send_default:
            pairs.append((resolve(key, variables), resolve(default or "", variables)))
    from urllib.parse import quote

    return "&".join(
        f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs
    ).encode()


# what Node.js (Postman's runner) refuses in a header: a name that is not a token, a
# value character outside tab, printable ASCII and Latin-1 (ERR_INVALID_HTTP_TOKEN,
# ERR_INVALID_CHAR)
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_REFUSED = re.compile(r"[^\t\x20-\x7e\x80-\xff]")


def wire_header(name: str, value: str) -> tuple[bytes, bytes]:
    """A header as Postman's runner writes it: a non-ASCII value as its Latin-1 bytes
    (`café` is `caf\\xe9`); what it refuses raises `InvalidHeaderError`."""
    if not _TOKEN.fullmatch(name):
        raise InvalidHeaderError(
            f"header name {name!r} is not a valid HTTP token; Postman refuses it too"
        )
    # printable ASCII (most values) needs no closer look
    if not (value.isascii() and value.isprintable()):
        refused = _REFUSED.search(value)
        if refused is not None:
            char = refused.group()
            raise InvalidHeaderError(
                f"header {name!r}: its value holds {char!r} (U+{ord(char):04X}), "
                "which Postman refuses to send too (only tab, printable ASCII and "
                "Latin-1 characters); encode the value (percent- or RFC 8187-encoding)"
            )
    return name.encode("ascii"), value.encode("latin-1")


def stored_cookies(jar: httpx.Cookies, url: httpx.URL) -> str | None:
    """The Cookie header value of what `jar` holds for `url` (None: nothing)."""
    probe = httpx.Request("GET", url)
    jar.set_cookie_header(probe)
    value: str | None = probe.headers.get("cookie")
    return value


def _join_cookies(headers: list[tuple[str, str]], value: str) -> list[tuple[str, str]]:
    """One Cookie header, where the first was, holding `value`."""
    out: list[tuple[str, str]] = []
    for name, old in headers:
        if name.lower() != "cookie":
            out.append((name, old))
        elif not any(n.lower() == "cookie" for n, _ in out):
            out.append((name, value))
    return out


_FORM_TYPE = re.compile(r"application/x-www-form-urlencoded\b")


def same_json(text: str, value: object) -> bool:
    """Whether a saved raw body is the JSON text of `value` (the run passes saved bodies
    parsed; Postman sends, and its scripts read, the text as written, whitespace included).
    """
    if not isinstance(value, (dict, list)):
        return False
    try:  # compared as JSON text: 1 and true differ
        saved = json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False)
        return saved == json.dumps(value, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        return False


def _json_bytes(value: object) -> bytes:
    # a model's class has loaded pydantic.main; without it, no value can be a model (and
    # importing pydantic's BaseModel here would cost every client ~30 ms)
    pydantic_main = sys.modules.get("pydantic.main")
    if pydantic_main is not None and isinstance(value, pydantic_main.BaseModel):
        dumped: str = value.model_dump_json(by_alias=True, exclude_unset=True)
        return dumped.encode()
    return json.dumps(value, ensure_ascii=False).encode()


def _body(
    spec: Spec, body: object, args: Mapping[str, object], variables: Mapping[str, str]
) -> dict[str, Any]:
    """Keyword arguments for `httpx.Client.build_request` carrying the body."""
    b = spec.get("body")
    if not b:
        return {}
    mode = b["mode"]
    if mode == "raw":
        if not _given(body):
            return {"content": resolve(b["raw"], variables).encode()}
        if isinstance(body, (str, bytes)):
            return {"content": body.encode() if isinstance(body, str) else body}
        if same_json(b["raw"], body):  # the saved text, as Postman sends it
            return {"content": resolve(b["raw"], variables).encode()}
        return {"content": _json_bytes(body)}
    if mode == "graphql":
        query = args.get("query", NOT_GIVEN)
        query_text = _text(query) if _given(query) else resolve(b["query"], variables)
        variables_arg = args.get("variables", NOT_GIVEN)
        if _given(variables_arg):
            gql_vars = variables_arg
        elif b.get("variables") is None:
            gql_vars = None  # Postman sends `"variables": null` when none were set
        else:
            try:
                gql_vars = json.loads(
                    resolve(b.get("variables") or "", variables) or "{}"
                )
            except ValueError:
                gql_vars = {}
        payload = {"query": query_text, "variables": gql_vars}
        return {
            "content": json.dumps(
                payload, ensure_ascii=False, separators=(",", ":")
            ).encode()
        }
    if mode == "urlencoded":
        return {"content": _urlencoded(b, args, variables)}
    if mode == "formdata":
        parts = _multipart(b, args, variables)
        if not parts:
            return {"content": b""}
        body_bytes, multipart_type = encode_multipart(parts)
        return {"content": body_bytes, "multipart": multipart_type}
    if mode == "file":
        if _given(body):
            return {"content": _open_file(cast(FileInput, body))[1]}
        src = b.get("src")
        if src and os.path.isfile(src):
            return {"content": _open_file(src)[1]}
    return {}


def build(
    http: httpx.Client | httpx.AsyncClient,
    spec: Spec,
    *,
    variables: Mapping[str, str],
    auth_params: Mapping[str, Any] | None,
    base_url: str | None,
    path: Mapping[str, object],
    query: Mapping[str, object],
    body: object,
    fields: Mapping[str, object],
    extra_headers: Mapping[str, str] | None,
    extra_query: Query | None,
    timeout: Any,
    parse_url: Callable[[str], httpx.URL] = httpx.URL,
) -> httpx.Request:
    base_query = ""
    # an explicit base URL replaces scheme, host and port (and any path prefix)
    if base_url:
        origin, prefix = split_origin(base_url.rstrip("/"))
    else:
        # a variable holding a whole URL may bring a query along (Postman parses the URL
        # once its variables are substituted)
        resolved_base, _, base_query = resolve(spec["base"], variables).partition("?")
        origin, prefix = split_origin(resolved_base)
    if prefix == "/":
        prefix = ""
    segments = _path(spec, path, variables)
    raw_path = prefix + ("/" + "/".join(segments) if segments else "")
    encode = spec.get("encode", True)
    raw_path = (percent_encode(raw_path, PATH_SET) if encode else raw_path) or "/"
    pairs = _query(spec, query, variables, extra_query)
    if base_query:
        base_pairs = [
            p.partition("=") for p in base_query.partition("#")[0].split("&") if p
        ]
        pairs = [(k, v if eq else None) for k, eq, v in base_pairs] + pairs
    if auth_params is not None:
        pairs += query_auth(spec["auth_type"], auth_params)
    target = raw_path + (
        "?" + encode_query(pairs, encode) if pairs or spec.get("empty_query") else ""
    )

    headers: list[tuple[str, str]] = []
    overridden = {k.lower() for k in (extra_headers or {})}
    for name, value in spec.get("headers", []):
        if name.lower() not in overridden:
            # h11 refuses surrounding whitespace; Postman's servers see it trimmed anyway
            headers.append(
                (resolve(name, variables), resolve(value, variables).strip())
            )
    headers.extend((extra_headers or {}).items())
    names = {k.lower() for k, _ in headers}
    # what Postman signs (awsv4, edgegrid): the request's own headers
    explicit = tuple(sorted(names - set(spec.get("unsigned", ()))))
    content = _body(spec, body, fields, variables)
    multipart_type = content.pop("multipart", None)
    # our boundary's type replaces any the request names, as Postman's does
    if multipart_type:
        headers = [(k, v) for k, v in headers if k.lower() != "content-type"]
        headers.append(("Content-Type", multipart_type))
        names = {k.lower() for k, _ in headers}
    if (spec.get("body") or {}).get("mode") == "urlencoded" and content.get("content"):
        # Postman's HTTP library gives a form body its own type over another one named
        headers = [
            (k, v)
            for k, v in headers
            if k.lower() != "content-type" or _FORM_TYPE.match(v)
        ]
        names = {k.lower() for k, _ in headers}
    content_type = spec.get("content_type")
    if content_type and "content-type" not in names and content:
        headers.append(("Content-Type", content_type))
    extensions: dict[str, Any] = {
        "target": target.encode(),
        "explicit_headers": explicit,
    }
    if "redirects" in spec:  # the collection's redirect settings, read as it follows
        extensions["redirects"] = spec["redirects"]
    verify, cookies = spec.get("verify", True), spec.get("cookies", True)
    if not (verify and cookies):  # strictSSL, disableCookies: see `_session`
        extensions["session"] = (verify, cookies)
    url = parse_url(origin + target)
    own_cookie = "; ".join(v for k, v in headers if k.lower() == "cookie")
    if own_cookie:
        extensions["cookie"] = own_cookie  # what each redirect sends too
        stored = stored_cookies(http.cookies, url) if cookies else None
        if stored:  # the jar's cookies follow the request's own (Postman's jar)
            headers = _join_cookies(headers, f"{own_cookie}; {stored}")
    request = http.build_request(
        spec["method"],
        url,
        headers=[wire_header(k, v) for k, v in headers],
        extensions=extensions,
        timeout=timeout,
        **content,
    )
    if not cookies and "cookie" not in names:
        # what the HTTP client added from its jar: Postman uses none for this request
        request.headers.pop("cookie", None)
    return request
