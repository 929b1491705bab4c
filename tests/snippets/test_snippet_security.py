"""Snippet security: control/bidi characters in shell words, secrets in URLs kept out of
files, index.json and `--request` output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pmgen.emitters import snippets
from pmgen.importer import load
from pmgen.model import Collection
from pmgen.render import shquote

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
PASSWORD = "hunter2-Url-Password-77"
API_KEY = "k3y-Query-Value-0123456789"


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "it's",
        "\u202eevil\u202c",
        "a\nb\tc\x1b[2J",
        "\u2066x\u2069'\\",
        "é\x85",
    ],
)
def test_shell_words_carry_the_exact_bytes(text: str, tmp_path: Path) -> None:
    word = shquote(text)
    assert not set(word) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    script = tmp_path / "w.sh"
    script.write_text(f"printf '%s' {word}\n", encoding="utf-8")
    out = subprocess.run(
        ["bash", str(script)], capture_output=True, check=True, env={"LANG": "C"}
    ).stdout
    assert out == text.encode("utf-8")


def _collection(tmp_path: Path, requests: list[dict[str, object]]) -> Collection:
    doc = {
        "info": {"name": "Secrets", "schema": SCHEMA},
        "item": [{"name": f"r{n}", "request": r} for n, r in enumerate(requests)],
    }
    source = tmp_path / "c.postman_collection.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    return load(str(source))


def _requests() -> list[dict[str, object]]:
    return [
        {"method": "GET", "url": f"https://alice:{PASSWORD}@api.example.com/v1/me"},
        {
            "method": "GET",
            "url": {
                "raw": f"https://api.example.com/v1/items?api_key={API_KEY}&page=2",
                "host": ["api", "example", "com"],
                "path": ["v1", "items"],
                "query": [
                    {"key": "api_key", "value": API_KEY},
                    {"key": "page", "value": "2"},
                ],
            },
        },
    ]


def test_url_credentials_are_read_from_the_environment(tmp_path: Path) -> None:
    files = snippets.emit(_collection(tmp_path, _requests()))
    leaked = [p for p, t in files.items() if PASSWORD in t or API_KEY in t]
    assert not leaked
    index = json.loads(files["index.json"])
    first, second = index["requests"]
    assert PASSWORD not in first["url"] and API_KEY not in second["url"]
    assert any("API_KEY" in name for name in second["env"])
    assert 'os.environ["' in files["python-requests/r1.py"]
    assert "page=2" in files["curl/r1.sh"]


def test_reveal_secrets_keeps_url_credentials(tmp_path: Path) -> None:
    files = snippets.emit(_collection(tmp_path, _requests()), reveal_secrets=True)
    assert API_KEY in files["curl/r1.sh"]


def test_secret_url_sends_the_same_request(tmp_path: Path) -> None:
    """With the environment variable set, the snippet sends what Postman sends."""
    from tests.helpers.echo_server import EchoServer  # noqa: PLC0415

    with EchoServer() as server:
        base = f"http://127.0.0.1:{server.port}"
        collection = _collection(
            tmp_path,
            [{"method": "GET", "url": f"{base}/q?access_token={API_KEY}&x=1"}],
        )
        files = snippets.emit(collection, styles=["python-requests"])
        (env_name,) = json.loads(files["index.json"])["requests"][0]["env"]
        script = tmp_path / "s.py"
        script.write_text(files["python-requests/r0.py"], encoding="utf-8")
        run = subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            env={env_name: API_KEY, "PATH": "/usr/bin:/bin"},
            timeout=30,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        assert server.requests[-1]["path"] == "/q"
        assert server.requests[-1]["query"] == f"access_token={API_KEY}&x=1"


def test_request_output_is_scrubbed(tmp_path: Path) -> None:
    """A secret in a description-like position (the request name) never reaches stdout."""
    doc = {
        "info": {"name": "S", "schema": SCHEMA},
        "variable": [{"key": "token", "value": "tok-Secret-Value-000000001"}],
        "item": [
            {
                "name": "Uses tok-Secret-Value-000000001 in its name",
                "request": {
                    "method": "GET",
                    "url": "https://api.example.com/x",
                    "auth": {
                        "type": "bearer",
                        "bearer": [{"key": "token", "value": "{{token}}"}],
                    },
                },
            }
        ],
    }
    source = tmp_path / "c.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    for style in ("curl", "python-requests"):
        out = subprocess.run(
            [sys.executable, "-m", "pmgen.cli", "snippets", str(source),
             "--request", "Uses tok-Secret-Value-000000001 in its name", "--style", style],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert out.returncode == 0, out.stderr
        assert "tok-Secret-Value-000000001" not in out.stdout
