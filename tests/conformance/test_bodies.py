"""Bodies the recorded corpus barely has, sent by every shell/raw style to a real echo
server and checked byte for byte against Postman's layout: binary files (NUL, 0xff, a
final newline), multipart with files, typed text parts and awkward values, and the raw
HTTP message's escapes."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pmgen.emitters.snippet_context import Unsupported
from pmgen.emitters.snippets import render_snippet
from pmgen.importer import load
from pmgen.model import Collection
from pmgen.wire import build_request, http_message
from pmgen.wire.send import parse
from tests.conformance.runner import command_for
from tests.helpers.echo_server import EchoServer

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
TOOLS = {"curl": "curl", "httpie": "http", "wget": "wget", "http": None}
BINARY = b"first line\nA\x00B\xff\xfe\r\nlast line\n"
AWKWARD = [
    "two\nlines",
    "<starts like a file line",
    "{{$ half a variable and {{notDefined}}",
    "tab\there, quote \" and ' and $HOME `x` %s",
    "bidi \u202e reversed \u2066 isolate",
    "crlf\r\ninside",
]


def _collection(tmp: Path, port: int) -> Collection:
    (tmp / "data.bin").write_bytes(BINARY)
    (tmp / "note.txt").write_bytes(b"note\n")
    base = f"http://127.0.0.1:{port}"
    parts: list[dict[str, Any]] = [
        {"key": "plain", "value": "hello", "type": "text"},
        {
            "key": "typed",
            "value": '{"a": 1}',
            "type": "text",
            "contentType": "application/json",
        },
        {"key": "upload", "type": "file", "src": "data.bin"},
        {
            "key": "note",
            "type": "file",
            "src": "note.txt",
            "contentType": "text/x-note",
        },
        {"key": "gone", "type": "file", "src": "missing.bin"},
    ] + [
        {"key": f"awkward{i}", "value": v, "type": "text"}
        for i, v in enumerate(AWKWARD)
    ]
    items = [
        {"name": "binary", "request": {
            "method": "POST", "url": f"{base}/binary",
            "body": {"mode": "file", "file": {"src": "data.bin"}}}},
        {"name": "binary typed", "request": {
            "method": "PUT", "url": f"{base}/binary",
            "header": [{"key": "Content-Type", "value": "application/octet-stream"}],
            "body": {"mode": "file", "file": {"src": "data.bin"}}}},
        {"name": "multipart", "request": {
            "method": "POST", "url": f"{base}/form",
            "header": [{"key": "Content-Type", "value": "multipart/form-data; boundary=stale"}],
            "body": {"mode": "formdata", "formdata": parts}}},
        {"name": "explicit host", "request": {
            "method": "GET", "url": f"{base}/host?x=1",
            "header": [{"key": "Host", "value": "api.example.test"}]}},
        {"name": "raw awkward", "request": {
            "method": "PATCH", "url": f"{base}/raw?q=a%20b",
            "header": [{"key": "X-Odd", "value": "a {{$ b 'c' \"d\" $HOME `e`"}],
            "body": {"mode": "raw", "raw": "\n".join(AWKWARD) + "\n",
                     "options": {"raw": {"language": "text"}}}}},
    ]  # fmt: skip
    path = tmp / "bodies.postman_collection.json"
    doc = {"info": {"name": "bodies", "schema": SCHEMA}, "item": items}
    path.write_text(json.dumps(doc), "utf-8")
    return load(str(path))


def _multipart(body: bytes, content_type: str) -> list[tuple[bytes, bytes]]:
    """(part headers, content) in order, split at the boundary the request declared."""
    mark = content_type.split("boundary=", 1)[1].strip('"').encode()
    segments = body.split(b"--" + mark)
    assert segments[0] == b"" and segments[-1] == b"--\r\n", body[-80:]
    out = []
    for seg in segments[1:-1]:
        assert seg.startswith(b"\r\n") and seg.endswith(b"\r\n")
        head, _, content = seg[2:-2].partition(b"\r\n\r\n")
        out.append((head, content))
    return out


def _postman_parts() -> list[tuple[bytes, bytes]]:
    """What Postman (form-data) sends for the `multipart` request."""
    cd = b'Content-Disposition: form-data; name="%s"'
    octets = b"Content-Type: application/octet-stream"
    parts = [
        (cd % b"plain", b"hello"),
        (cd % b"typed" + b"\r\nContent-Type: application/json", b'{"a": 1}'),
        (cd % b"upload" + b'; filename="data.bin"\r\n' + octets, BINARY),
        (cd % b"note" + b'; filename="note.txt"\r\nContent-Type: text/x-note', b"note\n"),
    ]  # fmt: skip
    parts += [(cd % f"awkward{i}".encode(), v.encode()) for i, v in enumerate(AWKWARD)]
    return parts


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Any]:
    """(style, request name) -> the echo record, or the reason the style declined."""
    tmp = tmp_path_factory.mktemp("bodies")
    out: dict[tuple[str, str], Any] = {}
    env = dict(
        os.environ,
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
        PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"],
    )
    with EchoServer() as server:
        collection = _collection(tmp, server.port)
        for style, tool in TOOLS.items():
            if tool and shutil.which(tool, path=env["PATH"]) is None:
                continue
            for op in collection.operations():
                try:
                    text = render_snippet(collection, op, style, files_dir=tmp)
                except Unsupported as why:
                    out[style, op.name] = str(why)
                    continue
                ext = "http" if style == "http" else "sh"
                path = tmp / f"{style}-{op.identifier}.{ext}"
                path.write_text(text, "utf-8")
                server.clear()
                proc = subprocess.run(
                    command_for(path),
                    cwd=tmp,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    capture_output=True,
                    timeout=60,
                    check=False,
                )
                assert server.requests, (style, op.name, proc.stderr[-500:])
                out[style, op.name] = server.requests[0]
    return out


def _body(record: dict[str, Any]) -> bytes:
    return base64.b64decode(record["body_b64"] or "")


def _header(record: dict[str, Any], name: str) -> str | None:
    return next((v for n, v in record["headers"] if n.lower() == name.lower()), None)


@pytest.mark.parametrize("style", TOOLS)
def test_binary_body_is_the_file_bytes(sent: dict[Any, Any], style: str) -> None:
    if (style, "binary") not in sent:
        pytest.skip(f"{style}: tool not installed")
    for name, ctype in (("binary", None), ("binary typed", "application/octet-stream")):
        record = sent[style, name]
        assert isinstance(record, dict), record
        assert _body(record) == BINARY
        if style == "wget" and ctype is None:  # the snippet's first lines say so
            assert (
                _header(record, "content-type") == "application/x-www-form-urlencoded"
            )
            continue
        assert _header(record, "content-type") == ctype


@pytest.mark.parametrize("style", TOOLS)
def test_multipart_as_postman_lays_it_out(sent: dict[Any, Any], style: str) -> None:
    if (style, "multipart") not in sent:
        pytest.skip(f"{style}: tool not installed")
    record = sent[style, "multipart"]
    assert isinstance(record, dict), record
    ctype = _header(record, "content-type") or ""
    assert ctype.startswith("multipart/form-data; boundary=")
    assert "stale" not in ctype
    got = _multipart(_body(record), ctype)
    if style == "curl":  # curl writes the part headers its own way; content must match
        got = [(b"", content) for _, content in got]
        want = [(b"", content) for _, content in _postman_parts()]
        assert got == want
    else:
        assert got == _postman_parts()


@pytest.mark.parametrize("style", TOOLS)
def test_raw_text_and_header_values_arrive_unchanged(
    sent: dict[Any, Any], style: str
) -> None:
    if (style, "raw awkward") not in sent:
        pytest.skip(f"{style}: tool not installed")
    record = sent[style, "raw awkward"]
    assert isinstance(record, dict), record
    assert _body(record) == ("\n".join(AWKWARD) + "\n").encode()
    assert _header(record, "x-odd") == "a {{$ b 'c' \"d\" $HOME `e`"
    assert record["method"] == "PATCH"


def test_http_message_shows_no_raw_controls(tmp_path: Path) -> None:
    """The `.http` page: one line per header, no raw control or bidi character, no
    literal `{{$` the sender would expand; parsing gives the values back."""
    with EchoServer() as server:
        collection = _collection(tmp_path, server.port)
    for op in collection.operations():
        wire = build_request(collection, op, files_dir=tmp_path)
        text = http_message.render(wire)
        assert not {ch for ch in text if ch < " " and ch not in "\n\t"}
        assert not set(text) & set(
            "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        )
        if op.name == "raw awkward":
            _, method, target, headers, body = parse(text + "\n")
            assert (method, target) == ("PATCH", "/raw?q=a%20b")
            assert ("X-Odd", "a {{$ b 'c' \"d\" $HOME `e`") in headers
            assert body == ("\n".join(AWKWARD) + "\n").encode()


def test_secret_in_the_request_target_is_read_at_send_time(monkeypatch: Any) -> None:
    """`{{$processEnv NAME}}` (with its space) inside the request line's target."""
    monkeypatch.setenv("PMGEN_TEST_TOKEN", "s3cr3t")
    text = "GET /x?token={{$processEnv PMGEN_TEST_TOKEN}}&a=1 HTTP/1.1\nHost: h\n"
    _, method, target, _, _ = parse(text)
    assert (method, target) == ("GET", "/x?token=s3cr3t&a=1")


@pytest.mark.parametrize("style", TOOLS)
def test_explicit_host_header_is_sent(sent: dict[Any, Any], style: str) -> None:
    """The raw HTTP style then writes the request line in absolute form (where to connect)."""
    if (style, "explicit host") not in sent:
        pytest.skip(f"{style}: tool not installed")
    record = sent[style, "explicit host"]
    assert isinstance(record, dict), record
    assert [v for n, v in record["headers"] if n.lower() == "host"] == [
        "api.example.test"
    ]
    assert (record["path"], record["query"]) == ("/host", "x=1")
