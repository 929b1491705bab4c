"""`pmgen inspect` / `pmgen schema` and every bad-input case: message and exit code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.importer.helpers import FIXTURES, invoke, run_pmgen

BOOKSHOP = str(FIXTURES / "bookshop.postman_collection.json")


def _count(items: list[dict[str, Any]]) -> int:
    return sum(_count(i["items"]) if i["kind"] == "folder" else 1 for i in items)


def test_inspect_prints_tree_auth_and_diagnostics() -> None:
    result = run_pmgen("inspect", BOOKSHOP)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Bookshop API  (v2.1.0, 7 requests, 2 folders)")
    listing = "GET     List books  {{base_url}}/books?limit=10&order=title asc&cursor="
    assert f"Books/\n  {listing}  [bearer (collection)]" in out
    assert "POST    Log in  {{base_url}}/login  [no auth (folder)]" in out
    assert "[basic (request)]" in out
    assert result.stderr == ""  # progress only on a terminal


def test_inspect_json_is_the_model_with_secrets_masked() -> None:
    result = invoke(
        "inspect",
        BOOKSHOP,
        "--json",
        "--env",
        str(FIXTURES / "bookshop.postman_environment.json"),
        "--var",
        "access_token=s3cr3t-value-123",
        "--var",
        "shelf=poetry",
    )
    assert result.returncode == 0, result.stderr
    model = json.loads(result.stdout)
    assert _count(model["items"]) == 7
    assert model["environment"] == "Bookshop staging"
    assert model["overrides"]["shelf"] == "poetry"
    assert "s3cr3t-value-123" not in result.stdout
    revealed = invoke(
        "inspect",
        BOOKSHOP,
        "--json",
        "--reveal-secrets",
        "--var",
        "access_token=s3cr3t-value-123",
    )
    assert "s3cr3t-value-123" in revealed.stdout


def test_inspect_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(
        "inspect", "-", stdin=Path(BOOKSHOP).read_bytes(), monkeypatch=monkeypatch
    )
    assert result.returncode == 0 and "7 requests" in result.stdout


def test_schema_command() -> None:
    result = invoke("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Collection" and "Operation" in schema["$defs"]


def test_help_on_commands() -> None:
    for command in ("inspect", "schema"):
        result = invoke(command, "--help")
        assert result.returncode == 0 and "Usage:" in result.stdout


BAD_INPUTS = [
    (
        "invalid.json",
        '{\n  "info": {"name": "x"},\n  "item": [,]\n}',
        "invalid JSON: Expecting value",
        ":3:12",
    ),
    (
        "openapi.json",
        '{"openapi": "3.0.0", "paths": {}}',
        "OpenAPI/Swagger document",
        "",
    ),
    (
        "openapi.yaml",
        "openapi: 3.0.0\ninfo:\n  title: x\n",
        "OpenAPI/Swagger document (YAML)",
        "",
    ),
    ("page.html", "<!DOCTYPE html><html><body>hi</body></html>", "HTML page", ""),
    (
        "env.json",
        '{"name": "E", "values": [], "_postman_variable_scope": "environment"}',
        "environment file",
        "",
    ),
    ("array.json", "[1, 2]", "JSON array", ""),
    ("other.json", '{"hello": "world"}', "not a Postman collection", ""),
    ("binary.json", "\udcff", "not UTF-8", ""),
]


@pytest.mark.parametrize(
    ("name", "content", "message", "where"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS]
)
def test_bad_input_is_one_clear_line_with_exit_1(
    tmp_path: Path, name: str, content: str, message: str, where: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    result = invoke("inspect", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pmgen: error: "), result.stderr
    assert message in lines[0] and f"{path}{where}" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_missing_file(tmp_path: Path) -> None:
    result = invoke("inspect", str(tmp_path / "nope.json"))
    assert result.returncode == 1 and "no such file" in result.stderr


def test_oversize_input(tmp_path: Path) -> None:
    result = invoke("inspect", BOOKSHOP, "--max-size", "1KB")
    assert result.returncode == 1 and "larger than 1000 bytes" in result.stderr


def test_deep_json(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"item": ' + "[" * 5000 + "]" * 5000 + "}")
    result = invoke("inspect", str(path))
    assert result.returncode == 1 and "nested too deeply" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--var", "novalue"], "expected KEY=VALUE"),
        (["--environment", "Nope"], "no environment named 'Nope'"),
        (["--max-size", "lots"], "expected a size"),
        (["--unknown-option"], "No such option"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = invoke("inspect", BOOKSHOP, *args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def test_missing_source_is_a_usage_error() -> None:
    result = invoke("inspect")
    assert result.returncode == 2 and "SOURCE" in result.stderr


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{")
    result = run_pmgen("--debug", "inspect", str(path))
    assert result.returncode != 0 and "Traceback" in result.stderr
