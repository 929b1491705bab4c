"""Send a raw HTTP/1.1 message written by pmgen's `http` snippet style.

    python -m generator.wire.send FILE.http

The file is the request as it goes on the wire, in VS Code REST Client syntax for what is
only known when it is sent: `{{$guid}}`-style dynamic values and `{{$processEnv NAME}}`
secrets. Lines starting with `#` before the request line are comments (`# scheme: https`
selects TLS). Content-Length is computed when sending.
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

from generator.wire.dynamic import PYTHON, PYTHON_FALLBACK
from generator.wire.values import Part

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
        expr = PYTHON.get(inner, PYTHON_FALLBACK)
        return str(
            eval(expr, dict(_NAMESPACE))
        )  # pmgen's own expressions, never the file's

    return re.sub(r"\{\{(\$[A-Za-z]+(?: [A-Za-z0-9_]+)?)\}\}", sub, text)


def marker(part: Part) -> str:
    return (
        "{{$processEnv " + part.text + "}}"
        if part.kind == "env"
        else "{{" + part.text + "}}"
    )


def main(path: str) -> int:
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    scheme = "http"
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        if lines[0].replace(" ", "").lower() == "#scheme:https":
            scheme = "https"
        lines.pop(0)
    method, target, _ = _expand(lines.pop(0)).split(" ", 2)
    headers: list[tuple[str, str]] = []
    while lines and lines[0].strip():
        name, _, value = lines.pop(0).partition(":")
        headers.append((name, _expand(value.strip())))
    body_lines = lines[1:]
    body = _expand("\n".join(body_lines)).encode("utf-8") if body_lines else None
    if (
        body is not None
        and body.endswith(b"\n")
        and len(body_lines) > 1
        and body_lines[-1] == ""
    ):
        body = body[:-1]  # the file's final newline is not part of the body
    host = next(v for n, v in headers if n.lower() == "host")
    cls = (
        http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    )
    conn = cls(host)
    conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
    for name, value in headers:
        conn.putheader(name, value)
    if body:
        conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body or None)
    response = conn.getresponse()
    print(response.status, response.reason)
    print(response.read().decode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
