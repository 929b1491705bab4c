"""Regeneration and watch on a v3 collection folder SOURCE: the manifest's source hash
covers every file of the collection and only those; `watch` notices an edited, added or
removed request file; the changelog names the requests changed."""

# ruff: noqa: E501  (YAML fixtures stay one line per file: easier to read than split)

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pmgen.cli import main
from pmgen.importer.v3.inputs import collection_files, folder_sha256
from pmgen.manifest import MANIFEST_NAME
from tests.importer.v3.helpers import request_yaml, write_tree
from tests.lifecycle.test_watch import Watch


def _folder(root: Path) -> Path:
    return write_tree(root, {
        ".resources/definition.yaml": "$kind: collection\nname: Shop\n",
        "Items/.resources/definition.yaml": "$kind: collection\norder: 1\n",
        "Items/List items.request.yaml": request_yaml("url: https://api.example.com/items\norder: 1\n"),
        "Items/.resources/List items.resources/examples/ok.example.yaml":
            "$kind: http-example\nresponse:\n  statusCode: 200\n  statusText: OK\n  body: {type: text, content: ok}\n",
        "Ping.request.yaml": request_yaml("url: https://api.example.com/ping\norder: 2\n"),
        "README.md": "# not part of the collection\n",
        "notes/todo.txt": "neither\n",
    })  # fmt: skip


def _manifest_source(out: Path) -> dict[str, str]:
    return json.loads((out / MANIFEST_NAME).read_text())["source"]


def _generate(source: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["generate", str(source), "-o", str(out), "--date", "2024-01-01"])
    captured = capsys.readouterr()
    assert code in (0, None), captured.err
    return captured.out + captured.err


def test_the_source_hash_covers_the_collection_files_only(tmp_path: Path) -> None:
    root = _folder(tmp_path / "c")
    files = {p.relative_to(root).as_posix() for p in collection_files(root)}
    assert files == {
        ".resources/definition.yaml",
        "Items/.resources/definition.yaml",
        "Items/List items.request.yaml",
        "Items/.resources/List items.resources/examples/ok.example.yaml",
        "Ping.request.yaml",
    }
    before = folder_sha256(root)
    (root / "README.md").write_text("edited\n")
    (root / "notes/new.request.json").write_text("{}")
    assert folder_sha256(root) == before
    example = root / "Items/.resources/List items.resources/examples/ok.example.yaml"
    example.write_text(example.read_text().replace("content: ok", "content: changed"))
    assert folder_sha256(root) != before
    after_example = folder_sha256(root)
    (root / "Ping.request.yaml").rename(root / "Pong.request.yaml")  # a rename alone
    assert folder_sha256(root) != after_example


def test_manifest_regeneration_and_changelog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_emitters: None
) -> None:
    root = _folder(tmp_path / "c")
    out = tmp_path / "out"
    assert "first generation, 2 requests" in _generate(root, out, capsys)
    source = _manifest_source(out)
    assert source["identity"] == str(root)
    assert source["sha256"] == folder_sha256(root)
    (root / "README.md").write_text("not the collection\n")
    assert "up to date" in _generate(root, out, capsys)
    ping = root / "Ping.request.yaml"
    ping.write_text(ping.read_text().replace("/ping", "/health"))
    (root / "Items/Create item.request.yaml").write_text(
        request_yaml("method: POST\nurl: https://api.example.com/items\norder: 2\n")
    )
    text = _generate(root, out, capsys)
    assert "1 added, 0 removed, 0 renamed, 1 changed" in text
    log = (out / "docs/CHANGELOG.md").read_text()
    assert "POST Items / Create item" in log and "GET Ping" in log
    assert _manifest_source(out)["sha256"] == folder_sha256(root)
    (root / "Items/List items.request.yaml").unlink()
    assert "1 removed" in _generate(root, out, capsys)
    assert "GET Items / List items" in (out / "docs/CHANGELOG.md").read_text()


def test_watch_notices_edited_added_and_removed_request_files(tmp_path: Path) -> None:
    root = _folder(tmp_path / "c")
    watch = Watch(
        str(root),
        "-o",
        "out",
        "--interval",
        "0.2",
        "--date",
        "2024-01-01",
        cwd=tmp_path,
    )
    try:
        watch.expect("polling the collection's files")
        watch.expect("regenerated: first generation, 2 requests")
        (root / "README.md").write_text("not the collection\n")
        assert watch.quiet_for(1.0) == []
        ping = root / "Ping.request.yaml"
        time.sleep(0.05)
        ping.write_text(ping.read_text().replace("/ping", "/health"))
        watch.expect("regenerated: 0 added, 0 removed, 0 renamed, 1 changed")
        (root / "New.request.yaml").write_text(
            request_yaml("method: POST\nurl: https://api.example.com/new\n")
        )
        watch.expect("regenerated: 1 added")
        ping.unlink()
        watch.expect("1 removed")
        (root / "Bad.request.yaml").write_text("$kind: http-request\nurl: {{x}}/y\n")
        line = watch.expect("regenerated")  # the invalid file is skipped, not fatal
        assert "0 added, 0 removed" in line or "no API changes" in line
        assert watch.interrupt() == 0
    finally:
        watch.kill()
