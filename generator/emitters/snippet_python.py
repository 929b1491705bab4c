"""The shortest Python program that sends what Postman sends, per library.

Each snippet starts from the plainest call of its library (`requests.post(url,
headers=headers, data=body)`) and adds a piece of fidelity machinery only when this
request needs it, with a comment line saying why:

- requests would re-quote the URL (`exact_url`): a prepared request whose URL is set back;
- the collection limits redirects (`redirect_limit`): a Session with `max_redirects`;
- the body is not ASCII text (requests sends `str` bodies as Latin-1): UTF-8 bytes;
- Postman does not follow redirects, or follows them for HEAD (requests' `head` does not);
- the collection sets a timeout or turns TLS verification off.

Every line comes laid out as black writes it (`call`), so the templates stay black-stable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pmgen.emitters.snippet_code import (
    assign,
    element,
    fits,
    operands,
    tuple_element,
    urlencoded_body,
)
from pmgen.render import pyrepr, pystr
from pmgen.wire import Value, WireRequest
from pmgen.wire.values import Part

# methods with a function of their own in requests and httpx
_REQUESTS_FUNCTIONS = {"GET", "OPTIONS", "HEAD", "POST", "PUT", "PATCH", "DELETE"}
# httpx's get/options/head/delete take no body
_HTTPX_BODY_FUNCTIONS = {"POST", "PUT", "PATCH"}
# dynamic variables whose values are URL-safe (letters, digits, `-.:` and the like)
_URL_SAFE_DYNAMICS = {
    "$guid",
    "$randomUUID",
    "$timestamp",
    "$isoTimestamp",
    "$randomInt",
    "$randomBoolean",
    "$randomAlphaNumeric",
    "$randomHexaDecimal",
}


@dataclass(frozen=True)
class Send:
    """What a Python snippet needs beyond the plain call (None/False: nothing)."""

    redirect_limit: int | None  # the collection's own maxRedirects
    exact_url: bool  # requests would re-quote the URL


def call(
    lhs: str, func: str, args: list[str], indent: int = 0, suffix: str = ""
) -> list[str]:
    """`lhs func(args)suffix` as black lays it out: one line, the arguments on one
    indented line, or one argument per line with a magic trailing comma."""
    pad = " " * indent
    one = f"{pad}{lhs}{func}({', '.join(args)}){suffix}"
    if fits(one):
        return [one]
    inner = f"{pad}    {', '.join(args)}"
    if fits(inner):
        return [f"{pad}{lhs}{func}(", inner, f"{pad}){suffix}"]
    return [
        f"{pad}{lhs}{func}(",
        *(f"{pad}    {a}," for a in args),
        f"{pad}){suffix}",
    ]


def _sample_url(url: Value) -> str | None:
    """The URL with run-time parts replaced by a value of their shape, or None when a part
    may hold characters the libraries treat specially."""
    out = []
    for part in url:
        if part.kind == "text":
            out.append(part.text)
        elif part.kind in ("env", "local") or part.text in _URL_SAFE_DYNAMICS:
            out.append("x0")  # secrets are tokens; these dynamics are URL-safe
        else:
            return None
    return "".join(out)


def requests_requotes(url: Value) -> bool:
    """Whether requests would send a URL other than Postman's (it re-quotes some
    characters, decodes percent-escapes of unreserved ones), asked of requests itself.
    """
    from requests.models import PreparedRequest  # noqa: PLC0415 (only when generating)

    sample = _sample_url(url)
    if sample is None:
        return True
    prepared = PreparedRequest()
    try:
        prepared.prepare_url(sample, None)
    except Exception:  # requests refuses it: send it as it is
        return True
    return _with_root(prepared.url or "") != _with_root(sample)


def _with_root(url: str) -> str:
    """An empty path is sent as `/`: the same request either way."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path or "/", fragment=""))


def _ascii_only(value: Value) -> bool:
    """Text requests may send as `str` (it encodes it as Latin-1): ASCII, and run-time parts
    of ASCII shape (not secrets: their value is the user's)."""
    return all(
        (p.kind == "text" and p.text.isascii())
        or (p.kind == "dynamic" and p.text in _URL_SAFE_DYNAMICS)
        or p.kind == "local"
        for p in value
    )


def json_literal(text: str) -> str | None:
    """A one-line Python literal whose `json.dumps` is `text` byte for byte (what
    requests' `json=` sends), or None when there is none."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, (dict, list)) or json.dumps(data) != text:
        return None
    return _literal(data)


def _literal(data: Any) -> str:
    if isinstance(data, dict):
        inner = ", ".join(f"{pystr(k)}: {_literal(v)}" for k, v in data.items())
        return "{" + inner + "}"
    if isinstance(data, list):
        return "[" + ", ".join(_literal(v) for v in data) + "]"
    if isinstance(data, str):
        return pystr(data)
    return pyrepr(data)


def body_lines(wire: WireRequest, library: str) -> tuple[list[str], str]:
    """The lines defining the text body and the keyword that sends it (`data=body`...).
    httpx sends `str` content as UTF-8; requests as Latin-1, so non-ASCII text is
    encoded first."""
    body = wire.body
    assert body is not None and body.mode in ("raw", "urlencoded")
    text = body.raw if body.mode == "raw" else urlencoded_body(body.fields)
    keyword = "content" if library.startswith("httpx") else "data"
    if library == "requests" and all(p.kind == "text" for p in text):
        literal_text = "".join(p.text for p in text)
        data = json_literal(literal_text) if wire.header("content-type") else None
        line = f"body = {data}" if data is not None else ""
        if line and fits(line):
            return [line], "json=body"
    if library.startswith("httpx") or _ascii_only(text):
        return [assign("body", operands(text))], f"{keyword}=body"
    return [
        assign("body_text", operands(text)),
        "# sent as UTF-8 (requests would encode text as Latin-1)",
        'body = body_text.encode("utf-8")',
    ], f"{keyword}=body"


def unique_names(wire: WireRequest) -> bool:
    names = [n.lower() for n, _ in wire.headers]
    return len(names) == len(set(names))


def header_lines(
    wire: WireRequest,
    *,
    as_dict: bool,
    keep_accept: bool = False,
    strip: bool = False,
) -> list[str]:
    """`headers = {...}` (or a list of pairs, for repeated names); [] when there are none.
    `Accept: */*` is left out (unless `keep_accept`): the libraries send it themselves,
    as Postman does. `strip` (httpx, whose h11 refuses surrounding whitespace): a value
    that may end in a space when its environment variable is empty is trimmed, as
    Postman trims `Bearer ` with an empty token."""
    pairs = [
        (n, v) for n, v in wire.headers if keep_accept or not _default_accept(n, v)
    ]
    if not pairs:
        return []

    def ops(value: Value) -> list[str]:
        if strip and _may_end_in_space(value):
            return [f"({' + '.join(operands(value))}).strip()"]
        return operands(value)

    if as_dict:
        one = ", ".join(f"{pystr(n)}: {' + '.join(ops(v))}" for n, v in pairs)
        if fits(f"headers = {{{one}}}"):
            return [f"headers = {{{one}}}"]
        items = [element(ops(v), 4, lead=f"{pystr(n)}: ") for n, v in pairs]
        return ["headers = {", *items, "}"]
    items = [tuple_element([[pystr(n)], ops(v)], 4) for n, v in pairs]
    return ["headers = [", *items, "]"]


def _may_end_in_space(value: Value) -> bool:
    """Text with a space at an end once an edge environment variable is empty."""
    if len(value) < 2:
        return False
    last, before = value[-1], value[-2]
    if last.kind == "env" and before.kind == "text" and before.text[-1:].isspace():
        return True
    first, after = value[0], value[1]
    return first.kind == "env" and after.kind == "text" and after.text[:1].isspace()


def _default_accept(name: str, value: Value) -> bool:
    return name.lower() == "accept" and value == (Part("text", "*/*"),)


def requests_send(
    wire: WireRequest, send: Send, *, body_keyword: str | None, headers: bool
) -> list[str]:
    """The lines that send the request with requests and name the response `response`."""
    method = wire.method
    kwargs = ["headers=headers"] if headers else []
    if body_keyword:
        kwargs.append(body_keyword)
    lines: list[str] = []
    options: list[str] = []
    if not wire.follow_redirects:
        lines.append("# Postman does not follow redirects for this request")
        options.append("allow_redirects=False")
    elif method == "HEAD" and not send.exact_url:
        lines.append("# requests.head does not follow redirects; Postman does")
        options.append("allow_redirects=True")
    if wire.timeout:
        options.append(f"timeout={pyrepr(wire.timeout)}")
    if not wire.verify_tls:
        lines.append("# the collection turns TLS certificate verification off")
        options.append("verify=False")
    session = send.redirect_limit is not None
    if session:
        lines.append("session = requests.Session()")
        lines.append(
            f"session.max_redirects = {send.redirect_limit}"
            "  # the collection's redirect limit"
        )
    if send.exact_url:
        # prepared alone: no session headers (the snippet lists Accept itself)
        request_args = ", ".join([pystr(method), "url", *kwargs])
        lines += call("request = ", f"requests.Request({request_args}).prepare", [])
        lines.append(
            "request.url = url  # as Postman encodes it (requests re-quotes it)"
        )
        owner = "session" if session else "requests.Session()"
        lines += call("response = ", f"{owner}.send", ["request", *options])
        return lines
    owner = "session" if session else "requests"
    if method in _REQUESTS_FUNCTIONS:
        func, args = f"{owner}.{method.lower()}", ["url"]
    else:
        func, args = f"{owner}.request", [pystr(method), "url"]
    lines += call("response = ", func, [*args, *kwargs, *options])
    return lines


def httpx_send(
    wire: WireRequest,
    limit: int | None,
    *,
    body_keyword: str | None,
    headers: bool,
    asynchronous: bool = False,
) -> list[str]:
    """The lines that send the request with httpx: a module-level call, or a client
    when the collection limits redirects (only a client takes `max_redirects`)."""
    method = wire.method
    kwargs = ["headers=headers"] if headers else []
    if body_keyword:
        kwargs.append(body_keyword)
    client_options = ["follow_redirects=True"] if wire.follow_redirects else []
    if limit is not None:
        client_options.append(f"max_redirects={limit}")
    if wire.timeout:
        client_options.append(f"timeout={pyrepr(wire.timeout)}")
    if not wire.verify_tls:
        client_options.append("verify=False")
    bodyless = method not in _HTTPX_BODY_FUNCTIONS and body_keyword
    if method in _REQUESTS_FUNCTIONS and not bodyless:
        name, args = method.lower(), ["url"]
    else:
        name, args = "request", [pystr(method), "url"]
    comments = []
    if limit is not None:
        comments.append("# the collection's redirect limit (max_redirects)")
    if not wire.verify_tls:
        comments.append("# the collection turns TLS certificate verification off")
    if asynchronous:
        opening = call(
            "async with ", "httpx.AsyncClient", client_options, 4, " as client:"
        )
        return [
            "",
            "",
            "async def main() -> httpx.Response:",
            *(f"    {c}" for c in comments),
            *opening,
            *call("return await ", f"client.{name}", [*args, *kwargs], indent=8),
            "",
            "",
            "response = asyncio.run(main())",
        ]
    if limit is None:
        return [
            *comments,
            *call("response = ", f"httpx.{name}", [*args, *kwargs, *client_options]),
        ]
    opening = call("with ", "httpx.Client", client_options, suffix=" as client:")
    return [
        *comments,
        *opening,
        *call("response = ", f"client.{name}", [*args, *kwargs], indent=4),
    ]


def program_lines(
    wire: WireRequest, pieces: dict[str, Any], library: str, send: Send
) -> dict[str, list[str]]:
    """The headers, body and send lines of an unsigned request (`pieces`: the layout of
    `snippet_code.python_pieces`, for files and form parts)."""
    header = header_lines(
        wire,
        as_dict=library == "requests" or unique_names(wire),
        keep_accept=send.exact_url,
        strip=library.startswith("httpx"),
    )
    body: list[str] = []
    keyword: str | None = None
    mode = wire.body.mode if wire.body is not None else "none"
    if mode in ("raw", "urlencoded"):
        body, keyword = body_lines(wire, library)
    elif mode == "file":
        body = [f'with open({pieces["file_src"]}, "rb") as f:', "    body = f.read()"]
        keyword = ("content" if library.startswith("httpx") else "data") + "=body"
    elif mode == "formdata":
        body, keyword = ["files = [", *pieces["files"], "]"], "files=files"
    if library == "requests":
        lines = requests_send(wire, send, body_keyword=keyword, headers=bool(header))
    else:
        lines = httpx_send(
            wire,
            send.redirect_limit,
            body_keyword=keyword,
            headers=bool(header),
            asynchronous=library == "httpx-async",
        )
    return {"headers": header, "body": body, "send": lines}
