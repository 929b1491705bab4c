"""`pmgen docs` end to end, in a subprocess (as users run it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docs.models import demo_collection


def pmgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pmgen.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A small v2.1 collection file with a folder, a root request and a secret variable."""
    collection = {
        "info": {
            "name": "Tiny API",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
            "description": "Tiny.\n\n# Auth\n\nUse the token.",
        },
        "auth": {
            "type": "bearer",
            "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}],
        },
        "variable": [
            {"key": "base_url", "value": "https://tiny.example"},
            {"key": "token", "value": "tok-1234567890-secret"},
        ],
        "item": [
            {
                "name": "Users",
                "item": [
                    {
                        "name": "List users",
                        "request": {
                            "method": "GET",
                            "url": "{{base_url}}/users?limit=5",
                        },
                    }
                ],
            },
            {"name": "Ping", "request": {"method": "GET", "url": "{{base_url}}/ping"}},
        ],
    }
    path = tmp_path / "tiny.postman_collection.json"
    path.write_text(json.dumps(collection))
    return path


def test_docs_then_rerun_is_up_to_date(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = pmgen("docs", str(source), "-o", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == [
        "CHANGELOG.md",
        "README.md",
        "folders/users.md",
        "requests.md",
    ]
    readme = (out / "README.md").read_text()
    assert "[List users](folders/users.md#op-list-users)" in readme
    assert "tok-1234567890-secret" not in "".join(
        p.read_text() for p in out.rglob("*.md")
    )
    assert "<summary>curl</summary>" in (out / "requests.md").read_text()
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = pmgen("docs", str(source), "-o", str(out), cwd=tmp_path)
    assert again.returncode == 0 and "up to date" in again.stdout
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == mtimes


def test_style_none_and_site(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = pmgen(
        "docs",
        str(source),
        "-o",
        str(out),
        "--style",
        "none",
        "--site",
        "mkdocs",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert (out / "mkdocs.yml").is_file() and (out / "docs" / "README.md").is_file()
    assert (
        out / "docs" / "CHANGELOG.md"
    ).is_file()  # beside the pages: inside docs_dir
    page = (out / "docs" / "requests.md").read_text()
    assert "curl" not in page and "**Snippets**" not in page
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert build.returncode == 0, build.stderr


def test_publisher_style_and_check(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        pmgen(
            "docs", str(source), "-o", str(out), "--style", "httpie", cwd=tmp_path
        ).returncode
        == 0
    )
    assert "<summary>httpie</summary>" in (out / "requests.md").read_text()
    check = pmgen(
        "docs", str(source), "-o", str(out), "--style", "curl", "--check", cwd=tmp_path
    )
    assert check.returncode == 1 and "would change" in check.stdout


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = pmgen("docs", str(bad), "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    assert (
        len(result.stderr.strip().splitlines()) == 1
        and "Traceback" not in result.stderr
    )
    unknown = pmgen(
        "docs", str(bad), "-o", str(tmp_path / "out"), "--style", "cobol", cwd=tmp_path
    )
    assert unknown.returncode != 0 and "Traceback" not in unknown.stderr


def test_publisher_metadata_in_readme() -> None:
    from pmgen.docs_snippets import docs_with_snippets as emit  # noqa: PLC0415
    from pmgen.model import PublishInfo  # noqa: PLC0415

    collection = demo_collection().model_copy(
        update={
            "publish": PublishInfo(
                public_url="https://docs.example.com/view/1",
                version="latest",
                publish_date="2024-05-01T10:00:00Z",
                languages=["curl", "python"],
            )
        }
    )
    readme = emit(collection, styles=())["README.md"]
    assert "## Publisher" in readme
    url = "https://docs.example.com/view/1"
    assert f"| Published documentation | [{url}](<{url}>) |" in readme
    assert "| Published on | 2024-05-01T10:00:00Z |" in readme
    assert "| Snippet languages chosen by the publisher | curl, python |" in readme
