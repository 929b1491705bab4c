"""python-http.client follows redirects as Postman does (protocolProfileBehavior)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pmgen.emitters import snippets
from pmgen.importer import load
from tests.helpers.echo_server import EchoServer

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


def _responder(status: int) -> Any:
    def respond(record: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
        if record["path"] == "/start":
            return status, [("Location", "/end")], b""
        if record["path"] == "/loop":
            return 302, [("Location", "/loop")], b""
        return 200, [("Content-Type", "text/plain")], b"done"

    return respond


def _run(
    tmp_path: Path, server: EchoServer, path: str, behavior: dict[str, Any]
) -> str:
    doc = {
        "info": {"name": "Redirects", "schema": SCHEMA},
        "item": [
            {
                "name": "go",
                "protocolProfileBehavior": behavior,
                "request": {
                    "method": "POST",
                    "header": [{"key": "Content-Type", "value": "text/plain"}],
                    "url": f"{server.url}{path}",
                    "body": {"mode": "raw", "raw": "payload"},
                },
            }
        ],
    }
    source = tmp_path / "c.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    files = snippets.emit(load(str(source)), styles=["python-http.client"])
    script = tmp_path / "go.py"
    script.write_text(files["python-http.client/go.py"], encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return run.stdout + run.stderr


@pytest.mark.parametrize(
    ("status", "behavior", "second"),
    [
        (302, {}, ("GET", "")),
        (303, {}, ("GET", "")),
        (301, {"followOriginalHttpMethod": True}, ("POST", "")),
        (307, {}, ("POST", "payload")),
        (308, {}, ("POST", "payload")),
    ],
)
def test_redirect_is_followed_like_postman(
    tmp_path: Path, status: int, behavior: dict[str, Any], second: tuple[str, str]
) -> None:
    import base64  # noqa: PLC0415

    with EchoServer(_responder(status)) as server:
        out = _run(tmp_path, server, "/start", behavior)
        assert "200 OK" in out, out
        first, then = server.requests
    assert (first["method"], first["path"]) == ("POST", "/start")
    assert (then["method"], then["path"]) == (second[0], "/end")
    assert base64.b64decode(then["body_b64"]).decode() == second[1]
    names = {name.lower(): value for name, value in then["headers"]}
    assert names["referer"] == f"{server.url}/start"
    assert ("content-type" in names) == (status in (307, 308))


def test_no_follow_and_max_redirects(tmp_path: Path) -> None:
    with EchoServer(_responder(302)) as server:
        out = _run(tmp_path, server, "/start", {"followRedirects": False})
        assert out.startswith("302") and len(server.requests) == 1
    with EchoServer(_responder(302)) as server:
        out = _run(tmp_path, server, "/loop", {"maxRedirects": 3})
        assert "Exceeded maxRedirects (3)" in out and len(server.requests) == 4
