"""Smoke test of the v3 import benchmark (`python -m benchmarks.v3import`): the folder
writer gives a v3 folder that imports as the same collection as its v2.1 JSON, and the
benchmark runs and records both timings. No timing is asserted here (the 2x target is
checked by the benchmark itself, `--check`, on a 2,000-request folder)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import synth, v3import
from benchmarks.v3folder import stem_for, write_v3
from pmgen.importer import load


def test_written_folder_imports_as_the_same_collection(tmp_path: Path) -> None:
    collection = synth.make_collection(60)
    (tmp_path / "c.json").write_text(json.dumps(collection))
    a = load(str(tmp_path / "c.json"))
    b = load(str(write_v3(collection, tmp_path / "v3")))
    assert not [d for d in b.diagnostics if d.level == "warning"]
    pairs = list(zip(a.operations(), b.operations(), strict=True))
    assert len(pairs) == 60
    for x, y in pairs:
        assert (x.key, x.request.method, x.request.url.raw) == (
            y.key,
            y.request.method,
            y.request.url.raw,
        )
        assert (x.request.headers, x.request.body, x.auth) == (
            y.request.headers,
            y.request.body,
            y.auth,
        )
        assert [e.name for e in x.examples] == [e.name for e in y.examples]
    assert a.variables == b.variables


def test_stems_follow_the_migration_rules() -> None:
    taken: set[str] = set()
    assert stem_for('Name/with:bad*chars?"<>|', taken) == "Name-with-bad-chars-"
    assert stem_for("name/with:bad*chars?", taken) == "name-with-bad-chars--1"
    assert stem_for(".", taken) == "-"
    assert len(stem_for("x" * 100, taken)) == 64


def test_benchmark_runs_and_records(tmp_path: Path) -> None:
    assert (
        v3import.main(
            ["--sizes", "30", "--runs", "1", "--no-real", "--out", str(tmp_path)]
        )
        == 0
    )
    data = json.loads((tmp_path / "v3-import.json").read_text())
    (result,) = data["results"]
    assert result["requests"] == 30 and result["v3_files"] > 30
    assert result["ratio"] > 0 and data["target"] == 2.0
