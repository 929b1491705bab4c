"""Variables in secret positions are read from the environment, empty or not (Webex's
`access_token` is empty in the collection); Postman's bearer helper with an empty token
sends no header, and the snippet says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pmgen.emitters import snippets
from pmgen.importer import load
from tests.helpers.echo_server import EchoServer

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


def _run(path: Path, env: dict[str, str]) -> None:
    command = (
        ["bash", str(path)] if path.suffix == ".sh" else [sys.executable, str(path)]
    )
    run = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=path.parent,
        env={**os.environ, **env},
    )
    assert run.returncode == 0, run.stderr


def test_empty_secret_position_variable_is_read_from_the_environment(
    tmp_path: Path,
) -> None:
    """Webex's `access_token` is empty in the collection, in `Authorization: Bearer
    {{access_token}}`: still a secret, read from the environment."""
    doc: dict[str, Any] = {
        "info": {"name": "Empty token", "schema": SCHEMA},
        "variable": [
            {"key": "access_token", "value": ""},
            {"key": "api_key", "value": "<your key>"},
        ],
        "item": [
            {
                "name": "go",
                "request": {
                    "method": "GET",
                    "header": [
                        {"key": "Authorization", "value": "Bearer {{access_token}}"},
                        {"key": "X-Api-Key", "value": "{{api_key}}"},
                    ],
                    "url": "http://127.0.0.1:9/rooms",
                },
            }
        ],
    }
    with EchoServer() as server:
        doc["item"][0]["request"]["url"] = server.url + "/rooms"
        source = tmp_path / "c.json"
        source.write_text(json.dumps(doc), encoding="utf-8")
        styles = ["python-requests", "python-httpx", "curl"]
        files = snippets.emit(load(str(source)), styles=styles)
        py, sh = files["python-requests/go.py"], files["curl/go.sh"]
        httpx_py = files["python-httpx/go.py"]
        assert '"Bearer " + os.environ["PM_ACCESS_TOKEN"]' in py
        assert 'os.environ["PM_API_KEY"]' in py and "<your key>" not in py
        assert "${PM_ACCESS_TOKEN?" in sh
        for token in ("t0k", ""):  # empty: Postman sends `Bearer`, trimmed
            env = {"PM_ACCESS_TOKEN": token, "PM_API_KEY": "k3y"}
            for name, text in (("a.py", py), ("b.py", httpx_py), ("c.sh", sh)):
                (tmp_path / name).write_text(text, encoding="utf-8")
                _run(tmp_path / name, env)
        for got, token in zip(server.requests, ["t0k"] * 3 + [""] * 3, strict=True):
            names = {n.lower(): v for n, v in got["headers"]}
            want = ("Bearer " + token).strip()
            assert (names["authorization"].strip(), names["x-api-key"]) == (want, "k3y")
    index = json.loads(files["index.json"])
    assert index["requests"][0]["env"] == {
        "PM_ACCESS_TOKEN": "access_token",
        "PM_API_KEY": "api_key",
    }


def test_empty_bearer_helper_token_sends_no_header_and_says_so(tmp_path: Path) -> None:
    """Postman's bearer auth adds nothing for an empty token: neither does the snippet,
    and its first lines say how to send one."""
    doc = {
        "info": {"name": "Empty helper", "schema": SCHEMA},
        "auth": {
            "type": "bearer",
            "bearer": [{"key": "token", "value": "{{access_token}}", "type": "string"}],
        },
        "variable": [{"key": "access_token", "value": ""}],
        "item": [{"name": "go", "request": {"method": "GET", "url": "http://h/x"}}],
    }
    source = tmp_path / "c.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    files = snippets.emit(load(str(source)), styles=["python-requests", "curl"])
    for text in (files["python-requests/go.py"], files["curl/go.sh"]):
        code = [line for line in text.splitlines() if not line.startswith(("#", '"'))]
        assert not [line for line in code if "Authorization" in line]
        assert "Note: the auth token ({{access_token}}) is empty" in text
        assert "--var access_token=" in text
