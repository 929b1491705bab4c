"""The raw HTTP/1.1 message of a request, as pmgen's `http` style writes it (the reader and
sender is `pmgen.wire.send`).

Text goes on the page as is, in VS Code REST Client syntax, except what only the sender
can produce:

- run-time values: `{{$guid}}`-style dynamic values and `{{$processEnv NAME}}` secrets;
- characters that would break the message's lines or hide on screen (controls, bidi and
  zero-width marks, a space in the request line, a literal `{{$`): `{{$char HEX}}`;
- file contents: a body line `< path` (binary bodies and multipart file parts, read when
  the request is sent, relative to the working directory).

A multipart body is written as its lines; the sender ends each with CRLF.
"""

from __future__ import annotations

import hashlib
import re

from pmgen.wire import FilePart, TextPart, Value, WireRequest, path_and_query
from pmgen.wire.send import marker

# Characters a reader's terminal or editor would hide or reorder; and line breaks.
_HIDDEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
_DYNAMIC = r"\{\{\$"  # the sender would expand it
_IN_LINE = re.compile(rf"[\n{_HIDDEN}]|{_DYNAMIC}")  # a header value
_IN_NAME = re.compile(rf"[\n{_HIDDEN}:]|{_DYNAMIC}")  # a header name
_IN_WORD = re.compile(
    rf"[\n{_HIDDEN} ]|{_DYNAMIC}"
)  # the request line's method, target
_IN_PART = re.compile(rf"[\n{_HIDDEN}]|{_DYNAMIC}|^<")  # a part's content (one line)
# a raw body keeps its newlines and tabs; a line starting with `<` would name a file
_IN_BODY = re.compile(rf"[{_HIDDEN}]|{_DYNAMIC}|^<", re.M)


def char_marker(ch: str) -> str:
    return "{{$char " + format(ord(ch), "x") + "}}"


def _text(text: str, pattern: re.Pattern[str] = _IN_LINE) -> str:
    """The text with what `pattern` matches written as `{{$char HEX}}` (its first char)."""
    return pattern.sub(lambda m: char_marker(m.group(0)[0]) + m.group(0)[1:], text)


def written(value: Value, pattern: re.Pattern[str] = _IN_LINE) -> str:
    return "".join(
        _text(p.text, pattern) if p.kind == "text" else marker(p) for p in value
    )


def boundary(wire: WireRequest) -> str:
    """Fixed per request (deterministic output), unlikely in any part: like Postman's
    `--------------------------` + 24 digits."""
    seed = repr((wire.method, wire.url, wire.body)).encode("utf-8")
    digits = str(int(hashlib.sha256(seed).hexdigest(), 16))[:24]
    return "-" * 26 + digits


def render(wire: WireRequest, urlencoded: Value = ()) -> str:
    """The message (no final newline). `urlencoded`: the encoded form body, when the body
    is urlencoded (the caller owns that encoding)."""
    origin, target = path_and_query(wire.url)
    origin_text = written(origin)
    scheme, _, host = origin_text.partition("://")
    lines = ["# scheme: https"] if scheme == "https" else []
    method = _text(wire.method, _IN_WORD)
    path = written(target, _IN_WORD) or "/"
    if wire.header("host") is None:
        lines += [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    else:  # the collection sets Host: the absolute form says where to connect
        lines.append(f"{method} {written(origin, _IN_WORD)}{path} HTTP/1.1")
    lines += [f"{_text(n, _IN_NAME)}: {written(v)}" for n, v in wire.headers]
    body = wire.body
    if body is None:
        return "\n".join(lines)
    if body.mode == "formdata":
        mark = boundary(wire)
        lines.append(f"Content-Type: multipart/form-data; boundary={mark}")
        lines.append("")
        lines += _multipart_lines(body.parts, mark)
    elif body.mode == "file":
        lines += ["", "< " + _text(body.file_src or "")]
    else:
        lines += [
            "",
            written(urlencoded if body.mode == "urlencoded" else body.raw, _IN_BODY),
        ]
    return "\n".join(lines)


def _multipart_lines(parts: list[TextPart | FilePart], mark: str) -> list[str]:
    """form-data's layout (Postman's): headers per part, then the content."""
    out = []
    for part in parts:
        out.append(f"--{mark}")
        disposition = f'form-data; name="{part.name}"'
        if isinstance(part, FilePart):
            disposition += f'; filename="{part.filename}"'
        out.append(_text("Content-Disposition: " + disposition))
        if part.content_type:
            out.append(_text("Content-Type: " + part.content_type))
        out.append("")
        if isinstance(part, FilePart):
            out.append("< " + _text(part.src))
        else:
            out.append(written(part.value, _IN_PART))
    out.append(f"--{mark}--")
    return out
