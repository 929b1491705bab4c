"""Send a raw HTTP/1.1 message written by pmgen's `http` snippet style.

    python -m pmgen.wire.send FILE.http

The file is the request as it goes on the wire (format: `pmgen.wire.http_message`),
in VS Code REST Client syntax for what is only known when it is sent: `{{$guid}}`-style
dynamic values, `{{$processEnv NAME}}` secrets, `< path` file contents, and pmgen's
`{{$char HEX}}` for characters the page cannot show. Lines starting with `#` before the
request line are comments (`# scheme: https` selects TLS). Content-Length is computed
when sending.
"""

from __future__ import annotations

import datetime
import http.client
import os
import random
import re
import string
import sys
import time
import uuid
from typing import TYPE_CHECKING

from pmgen.wire.dynamic import PYTHON, PYTHON_FALLBACK

if TYPE_CHECKING:
    from pmgen.wire.values import Part

# what the dynamic-value expressions may use (they come from pmgen's own table)
_NAMESPACE = {
    "datetime": datetime,
    "random": random,
    "string": string,
    "time": time,
    "uuid": uuid,
}


def _expand(text: str) -> str:
    def sub(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if inner.startswith("$processEnv "):
            return os.environ[inner.split(None, 1)[1]]
        if inner.startswith("$char "):
            return chr(int(inner.split(None, 1)[1], 16))
        expr = PYTHON.get(inner, PYTHON_FALLBACK)
        return str(
            eval(expr, dict(_NAMESPACE))
        )  # pmgen's own expressions, never the file's

    return re.sub(r"\{\{(\$[A-Za-z]+(?: [A-Za-z0-9_]+)?)\}\}", sub, text)


def marker(part: Part) -> str:
    """How the writer (`http_message`) puts a run-time value on the page."""
    if part.kind == "env":
        return "{{$processEnv " + part.text + "}}"
    return "{{" + part.text + "}}"


def _file(line: str) -> bytes | None:
    """A `< path` body line: the file's bytes (read now, relative to the working directory)."""
    if not line.startswith("< "):
        return None
    with open(_expand(line[2:]), "rb") as f:
        return f.read()


def _body(lines: list[str], content_type: str) -> bytes:
    if content_type.lower().startswith("multipart/"):
        # each line ends with CRLF; file lines are the file's bytes
        return b"".join(
            (_file(line) or _expand(line).encode("utf-8")) + b"\r\n" for line in lines
        )
    if len(lines) == 1 and (data := _file(lines[0])) is not None:
        return data
    return _expand("\n".join(lines)).encode("utf-8")


def parse(text: str) -> tuple[str, str, str, list[tuple[str, str]], bytes | None]:
    """(scheme, method, target, headers, body) of a message written by `http_message`."""
    lines = text.removesuffix("\n").split(
        "\n"
    )  # the file's final newline is not content
    scheme = "http"
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        if lines[0].replace(" ", "").lower() == "#scheme:https":
            scheme = "https"
        lines.pop(0)
    # METHOD TARGET HTTP/1.1: the target's only spaces are inside {{$processEnv NAME}}
    method, _, rest = lines.pop(0).partition(" ")
    target = rest.rsplit(" ", 1)[0]
    headers: list[tuple[str, str]] = []
    while lines and lines[0].strip():
        name, _, value = lines.pop(0).partition(":")
        headers.append((_expand(name), _expand(value.strip())))
    body = None
    if lines:  # the blank line, then the body
        content_type = next((v for n, v in headers if n.lower() == "content-type"), "")
        body = _body(lines[1:], content_type)
    return scheme, _expand(method), _expand(target), headers, body


def _header_bytes(value: str) -> bytes:
    """Latin-1 as Node (Postman) writes header values; UTF-8 for what Latin-1 cannot hold."""
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8")


def main(path: str) -> int:
    with open(path, encoding="utf-8", newline="") as f:
        scheme, method, target, headers, body = parse(f.read())
    absolute = re.fullmatch(r"(https?)://([^/?]*)(.*)", target, re.S)
    if absolute:  # absolute form (the collection sets Host): connect there
        scheme, host, rest = absolute.groups()
        target = rest if rest.startswith("/") else "/" + rest
    else:
        host = next(v for n, v in headers if n.lower() == "host")
    cls = (
        http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    )
    conn = cls(host)
    conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
    for name, value in headers:
        conn.putheader(name, _header_bytes(value))
    if body:
        conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body or None)
    response = conn.getresponse()
    print(response.status, response.reason)
    print(response.read().decode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
