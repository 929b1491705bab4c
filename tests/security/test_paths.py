"""No escape from the output directory, and file-body `src` paths never read at generation."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.security.cli import read_tree, run_pmgen
from tests.security.hostile import NAMES

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
SRC_CANARY = "SRC-CANARY-CONTENT-7f3a9"


def _request(name: str, **extra: object) -> dict[str, object]:
    return {
        "name": name,
        "request": {"method": "GET", "url": "https://example.com/x", **extra},
    }


def _write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _snapshot(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_hostile_names_stay_inside(tmp_path: Path) -> None:
    """Folder/request/collection names like `../../etc/passwd` only ever become identifiers."""
    folders = [{"name": name, "item": [_request(name)]} for name in NAMES]
    doc = {
        "info": {"name": "../../../escape", "schema": SCHEMA},
        "item": [*folders, *map(_request, NAMES)],
    }
    source = _write(tmp_path / "names.json", doc)
    jail = tmp_path / "jail"
    out = jail / "out"
    jail.mkdir()
    result = run_pmgen(
        "generate", str(source), "-o", str(out), "--site", "mkdocs", cwd=jail
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outside = {
        p for p in _snapshot(tmp_path) if not p.startswith(("jail/out", "names.json"))
    } - {"jail"}
    assert not outside, f"written outside the output dir: {sorted(outside)[:10]}"
    for path in read_tree(out):
        parts = Path(path).parts
        assert ".." not in parts and not path.startswith("/")
        assert all(part not in ("CON", "nul") for part in parts)


@pytest.mark.parametrize("target_kind", ["dir", "file"])
def test_symlink_in_output_dir_is_not_followed(
    tmp_path: Path, target_kind: str
) -> None:
    """A symlink planted inside the output dir must not let pmgen write outside it."""
    source = _write(
        tmp_path / "c.json",
        {"info": {"name": "Sym", "schema": SCHEMA}, "item": [_request("Ping")]},
    )
    out = tmp_path / "out"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "README.md").write_text("precious\n")
    first = run_pmgen("generate", str(source), "-o", str(out))
    assert first.returncode == 0, first.stderr
    if target_kind == "dir":  # out/docs -> outside/
        victim = out / "docs"
        for child in sorted(victim.rglob("*"), reverse=True):
            child.unlink() if child.is_file() else child.rmdir()
        victim.rmdir()
        victim.symlink_to(outside, target_is_directory=True)
    else:  # out/docs/README.md -> outside/README.md
        victim = out / "docs" / "README.md"
        victim.unlink()
        victim.symlink_to(outside / "README.md")
    # Change the source so pmgen has something to rewrite, then force it.
    _write(
        source,
        {
            "info": {"name": "Sym", "schema": SCHEMA, "description": "v2"},
            "item": [_request("Ping")],
        },
    )
    second = run_pmgen("generate", str(source), "-o", str(out), "--force")
    assert (
        outside / "README.md"
    ).read_text() == "precious\n", "wrote through a symlink"
    assert sorted(p.name for p in outside.iterdir()) == [
        "README.md"
    ], "created files outside"
    assert (
        second.returncode != 0 or "symlink" in (second.stderr + second.stdout).lower()
    )
    assert "Traceback" not in second.stderr


def test_src_files_are_never_read(tmp_path: Path) -> None:
    """`src` of form-data and binary bodies point at a canary file and at a FIFO: the content
    never appears in output, and opening the FIFO would hang generation (so it is not opened).
    """
    canary = tmp_path / "secret.txt"
    canary.write_text(SRC_CANARY)
    fifo = tmp_path / "blocking.fifo"
    os.mkfifo(fifo)
    form = {"mode": "formdata", "formdata": [
        {"key": "a", "type": "file", "src": str(canary)},
        {"key": "b", "type": "file", "src": "../secret.txt"},
        {"key": "c", "type": "file", "src": [str(fifo), str(canary)]},
    ]}  # fmt: skip
    items = [
        _request("Form", body=form),
        _request("Binary", body={"mode": "file", "file": {"src": str(canary)}}),
        _request("Binary fifo", body={"mode": "file", "file": {"src": str(fifo)}}),
        _request("Relative", body={"mode": "file", "file": {"src": "secret.txt"}}),
    ]
    work = tmp_path / "work"
    work.mkdir()
    source = _write(
        work / "c.json", {"info": {"name": "Src", "schema": SCHEMA}, "item": items}
    )
    result = run_pmgen(
        "generate",
        str(source),
        "-o",
        str(tmp_path / "out"),
        "--site",
        "mkdocs",
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    files = read_tree(tmp_path / "out")
    assert not [p for p, text in files.items() if SRC_CANARY in text]
