"""The shortest exact program: each piece of fidelity machinery is in a snippet exactly
when its request needs it (both directions), and the snippets send what Postman sends
(run against an echo server on 127.0.0.1)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pmgen.emitters import snippets
from pmgen.importer import load
from tests.helpers.echo_server import EchoServer

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
HOST = "http://127.0.0.1:9"  # only rendered, never contacted


def _collection(tmp_path: Path, request: dict[str, Any], **item: Any) -> Any:
    doc = {
        "info": {"name": "Shortest", "schema": SCHEMA},
        "item": [{"name": "go", "request": request, **item}],
    }
    source = tmp_path / "c.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    return load(str(source))


def _snippet(tmp_path: Path, style: str, request: dict[str, Any], **item: Any) -> str:
    collection = _collection(tmp_path, request, **item)
    op = next(iter(collection.operations()))
    return snippets.render_snippet(collection, op, style)


def _run(
    tmp_path: Path, style: str, text: str, env: dict[str, str] | None = None
) -> str:
    path = tmp_path / ("go.sh" if style == "curl" else "go.py")
    path.write_text(text, encoding="utf-8")
    command = ["bash", str(path)] if style == "curl" else [sys.executable, str(path)]
    run = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
        env={**os.environ, **(env or {})},
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def _raw(url: str) -> dict[str, Any]:
    return {"method": "GET", "url": url}


# --------------------------------------------------------- python-requests


def test_plain_json_post_is_one_call(tmp_path: Path) -> None:
    request = {
        "method": "POST",
        "header": [{"key": "Content-Type", "value": "application/json"}],
        "url": f"{HOST}/rooms",
        "body": {"mode": "raw", "raw": '{\n  "title": "x"\n}'},
    }
    text = _snippet(tmp_path, "python-requests", request)
    assert "response = requests.post(url, headers=headers, data=body)" in text
    for machinery in ("Session", "prepare", "max_redirects", "timeout=", "verify="):
        assert machinery not in text, machinery
    assert '"Accept"' not in text  # requests sends `Accept: */*` itself
    assert len(text.splitlines()) <= 10


def test_json_keyword_only_when_json_dumps_gives_the_same_bytes(tmp_path: Path) -> None:
    def body(raw: str) -> dict[str, Any]:
        return {
            "method": "POST",
            "header": [{"key": "Content-Type", "value": "application/json"}],
            "url": f"{HOST}/x",
            "body": {
                "mode": "raw",
                "raw": raw,
                "options": {"raw": {"language": "json"}},
            },
        }

    compact = _snippet(tmp_path, "python-requests", body('{"a": 1, "b": [true, null]}'))
    assert 'body = {"a": 1, "b": [True, None]}' in compact
    assert "json=body" in compact
    spaced = _snippet(tmp_path, "python-requests", body('{"a":1}'))
    assert "json=body" not in spaced and "data=body" in spaced


@pytest.mark.parametrize(
    ("path", "needed"),
    [("/a%7Eb", True), ("/a%41", True), ("/a/b?x=1&y=2", False), ("/a~b", False)],
)
def test_prepared_url_exactly_when_requests_would_requote(
    tmp_path: Path, path: str, needed: bool
) -> None:
    with EchoServer() as server:
        text = _snippet(tmp_path, "python-requests", _raw(server.url + path))
        assert ("request.url = url" in text) == needed
        assert ("requests.get(url" in text) == (not needed)
        _run(tmp_path, "python-requests", text)
        (got,) = server.requests
    sent = got["path"] + ("?" + got["query"] if got["query"] is not None else "")
    assert sent == path  # what Postman sends, escapes untouched
    names = {n.lower(): v for n, v in got["headers"]}
    assert names["accept"] == "*/*"


@pytest.mark.parametrize(("query", "needed"), [("?q=a|b", True), ("?q=ab", False)])
def test_raw_target_exactly_when_urllib3_would_reencode(
    tmp_path: Path, query: str, needed: bool
) -> None:
    with EchoServer() as server:
        text = _snippet(tmp_path, "python-requests", _raw(server.url + "/p" + query))
        assert ("_encode_target" in text) == needed
        _run(tmp_path, "python-requests", text)
        (got,) = server.requests
    assert got["query"] == query[1:]


def test_redirect_limit_only_when_the_collection_sets_one(tmp_path: Path) -> None:
    plain = _snippet(tmp_path, "python-requests", _raw(f"{HOST}/x"))
    assert "max_redirects" not in plain and "Session" not in plain

    def loop(record: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
        return 302, [("Location", "/loop")], b""

    with EchoServer(loop) as server:
        text = _snippet(
            tmp_path,
            "python-requests",
            _raw(server.url + "/loop"),
            protocolProfileBehavior={"maxRedirects": 2},
        )
        assert "session.max_redirects = 2" in text
        path = tmp_path / "go.py"
        path.write_text(text, encoding="utf-8")
        run = subprocess.run(
            [sys.executable, str(path)], capture_output=True, text=True, check=False
        )
        assert "TooManyRedirects" in run.stderr
        assert len(server.requests) == 3  # the first request and 2 redirects


def test_allow_redirects_only_where_requests_differs(tmp_path: Path) -> None:
    assert "allow_redirects" not in _snippet(tmp_path, "python-requests", _raw(HOST))
    head = _snippet(tmp_path, "python-requests", {"method": "HEAD", "url": HOST})
    assert "allow_redirects=True" in head  # requests.head does not follow by default
    off = _snippet(
        tmp_path,
        "python-requests",
        _raw(HOST),
        protocolProfileBehavior={"followRedirects": False},
    )
    assert "allow_redirects=False" in off


def test_non_ascii_body_is_encoded_only_when_needed(tmp_path: Path) -> None:
    def post(url: str, raw: str) -> dict[str, Any]:
        return {"method": "POST", "url": url, "body": {"mode": "raw", "raw": raw}}

    ascii_only = _snippet(tmp_path, "python-requests", post(HOST, "plain"))
    assert ".encode(" not in ascii_only
    with EchoServer() as server:
        text = _snippet(tmp_path, "python-requests", post(server.url, "café ✓"))
        assert 'body = body_text.encode("utf-8")' in text
        _run(tmp_path, "python-requests", text)
        (got,) = server.requests
    assert base64.b64decode(got["body_b64"]) == "café ✓".encode()


def test_tls_and_timeout_options_only_when_set(tmp_path: Path) -> None:
    plain = _snippet(tmp_path, "python-requests", _raw(HOST))
    assert "verify" not in plain and "timeout" not in plain
    set_ = _snippet(
        tmp_path,
        "python-requests",
        _raw(HOST),
        protocolProfileBehavior={"strictSSL": False, "timeout": 2500},
    )
    assert "verify=False" in set_ and "timeout=2.5" in set_


# --------------------------------------------------------- httpx


def test_httpx_client_only_for_a_redirect_limit(tmp_path: Path) -> None:
    plain = _snippet(tmp_path, "python-httpx", _raw(HOST))
    assert "httpx.get(url, follow_redirects=True)" in plain
    assert "Client" not in plain
    limited = _snippet(
        tmp_path,
        "python-httpx",
        _raw(HOST),
        protocolProfileBehavior={"maxRedirects": 4},
    )
    assert "httpx.Client(follow_redirects=True, max_redirects=4)" in limited


def test_httpx_get_with_a_body_uses_request(tmp_path: Path) -> None:
    request = {
        "method": "GET",
        "url": HOST,
        "body": {"mode": "raw", "raw": "x"},
    }
    item = {"protocolProfileBehavior": {"disableBodyPruning": True}}
    with EchoServer() as server:
        request["url"] = server.url
        text = _snippet(tmp_path, "python-httpx", request, **item)
        assert "httpx.request(" in text and "httpx.get" not in text  # get: no body
        _run(tmp_path, "python-httpx", text)
        (got,) = server.requests
    assert (got["method"], base64.b64decode(got["body_b64"])) == ("GET", b"x")


# --------------------------------------------------------- curl


@pytest.mark.parametrize(
    ("path", "needed"), [("/p?filter={a}", True), ("/p?x=[1]", True), ("/p?x=1", False)]
)
def test_curl_globoff_exactly_when_the_url_has_glob_characters(
    tmp_path: Path, path: str, needed: bool
) -> None:
    with EchoServer() as server:
        text = _snippet(tmp_path, "curl", _raw(server.url + path))
        assert ("--globoff" in text) == needed
        _run(tmp_path, "curl", text)
        (got,) = server.requests
    assert got["query"] == path.split("?", 1)[1]


@pytest.mark.parametrize(
    ("method", "body", "flag"),
    [
        ("GET", None, None),
        ("POST", "x", None),
        ("POST", None, "--request POST"),
        ("PUT", "x", "--request PUT"),
        ("HEAD", None, "--head"),
    ],
)
def test_curl_method_flag_only_when_curl_would_choose_another(
    tmp_path: Path, method: str, body: str | None, flag: str | None
) -> None:
    request: dict[str, Any] = {
        "method": method,
        "header": [{"key": "Content-Type", "value": "text/plain"}],
    }
    if body is not None:
        request["body"] = {"mode": "raw", "raw": body}
    with EchoServer() as server:
        request["url"] = server.url + "/m"
        text = _snippet(tmp_path, "curl", request)
        words = text.split()
        assert ("--request" in words or "--head" in words) == (flag is not None)
        if flag:
            assert flag in text
        _run(tmp_path, "curl", text)
        (got,) = server.requests
    assert got["method"] == method
    assert base64.b64decode(got["body_b64"]).decode() == (body or "")


def test_curl_blank_content_type_only_for_an_untyped_body(tmp_path: Path) -> None:
    untyped = {
        "method": "POST",
        "url": HOST,
        "body": {"mode": "file", "file": {}},
        "header": [],
    }
    typed = {
        "method": "POST",
        "url": HOST,
        "header": [{"key": "Content-Type", "value": "text/plain"}],
        "body": {"mode": "raw", "raw": "x"},
    }
    assert "--header 'Content-Type:'" not in _snippet(tmp_path, "curl", typed)
    (tmp_path / "data.bin").write_bytes(b"\x00\x01")
    untyped["body"]["file"] = {"src": "data.bin"}
    with EchoServer() as server:
        untyped["url"] = server.url
        text = _snippet(tmp_path, "curl", untyped)
        assert "--header 'Content-Type:'" in text
        _run(tmp_path, "curl", text)
        (got,) = server.requests
    assert got["content_type"] is None


def test_curl_redirect_limit_and_plain_form(tmp_path: Path) -> None:
    plain = _snippet(tmp_path, "curl", _raw(f"{HOST}/x"))
    assert plain.splitlines()[-1] == f"curl --location {HOST}/x"
    assert "set -euo pipefail" not in plain  # one command: nothing to stop
    limited = _snippet(
        tmp_path,
        "curl",
        _raw(f"{HOST}/x"),
        protocolProfileBehavior={"maxRedirects": 3},
    )
    assert "--max-redirs 3" in limited


@pytest.mark.parametrize("style", ["curl", "httpie", "wget"])
def test_shell_shebang_exactly_when_the_snippet_is_a_program(
    tmp_path: Path, style: str
) -> None:
    """One command (Postman's snippets are one) needs no `#!`: it is pasted or run with
    `bash FILE`. A program of several steps (a signature computed first, a multipart
    body built) starts with `#!/usr/bin/env bash` and stops at the first failure."""
    one = _snippet(tmp_path, style, _raw(f"{HOST}/x"))
    assert not one.startswith("#!") and "#!/usr/bin/env bash" not in one
    assert one.startswith("# go: what Postman's runner sends")
    signed = _snippet(
        tmp_path,
        style,
        {
            **_raw(f"{HOST}/x"),
            "auth": {
                "type": "hawk",
                "hawk": [
                    {"key": "authId", "value": "id1"},
                    {"key": "authKey", "value": "k" * 20},
                    {"key": "algorithm", "value": "sha256"},
                ],
            },
        },
    )
    lines = signed.splitlines()
    assert lines[0] == "#!/usr/bin/env bash" and "set -euo pipefail" in lines
    assert signed.count("#!") == 1
    for text in (one, signed):
        path = tmp_path / "check.sh"
        path.write_text(text, encoding="utf-8")
        checked = subprocess.run(["bash", "-n", str(path)], capture_output=True)
        assert checked.returncode == 0, checked.stderr
