"""Smoke tests of the benchmark suite: the synthetic generator and the runner on 20 requests.

The real measurements are `python -m benchmarks.run` (see benchmarks/README.md); these
only prove the suite itself works, in a few seconds.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from benchmarks import lifecycle, report, run, synth
from benchmarks.measure import run_once


def _requests(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items:
        out.extend(_requests(item["item"]) if "item" in item else [item])
    return out


def _depth(items: list[dict[str, Any]]) -> int:
    return max((1 + _depth(i["item"]) for i in items if "item" in i), default=0)


def test_synth_is_deterministic_and_exact() -> None:
    one = synth.dumps(synth.make_collection(20))
    assert one == synth.dumps(synth.make_collection(20))
    assert one != synth.dumps(synth.make_collection(20, seed=8))
    for size in (1, 20, 100, 257):
        assert synth.count_requests(synth.make_collection(size)["item"]) == size


def test_synth_covers_what_real_collections_use() -> None:
    collection = synth.make_collection(400)
    items = _requests(collection["item"])
    bodies: Counter[str] = Counter()
    for item in items:
        body = item["request"].get("body")
        if body:
            language = body.get("options", {}).get("raw", {}).get("language", "text")
            bodies[f"raw-{language}" if body["mode"] == "raw" else body["mode"]] += 1
    assert set(bodies) == {
        "raw-json",
        "raw-xml",
        "raw-text",
        "urlencoded",
        "formdata",
        "file",
        "graphql",
    }
    request_auths = {
        i["request"]["auth"]["type"] for i in items if "auth" in i["request"]
    }
    assert {"bearer", "basic", "apikey", "noauth", "oauth2"} <= request_auths
    folder_auths = {
        f["auth"]["type"] for f in _folders(collection["item"]) if "auth" in f
    }
    assert len(folder_auths) >= 3
    assert collection["auth"]["type"] == "bearer"
    assert _depth(collection["item"]) == synth.MAX_DEPTH
    assert any(
        i["request"]["url"].get("variable") for i in items
    )  # :name path variables
    assert any("{{" in seg for i in items for seg in i["request"]["url"]["path"])
    assert any(
        q.get("disabled") for i in items for q in i["request"]["url"].get("query", [])
    )
    assert all(any(h.get("disabled") for h in i["request"]["header"]) for i in items)
    assert any(i["response"] for i in items) and any("event" in i for i in items)
    formdata = [
        p for i in items for p in i["request"].get("body", {}).get("formdata", [])
    ]
    assert {"text", "file"} <= {p["type"] for p in formdata}


def _folders(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items:
        if "item" in item:
            out += [item, *_folders(item["item"])]
    return out


def test_synth_imports_with_every_request(tmp_path: Path) -> None:
    importer = pytest.importorskip("pmgen.importer")
    path = synth.write_collection(tmp_path / "synth.json", 60)
    collection = importer.load(str(path))
    assert len(list(collection.operations())) == 60


def test_change_one_request_changes_exactly_one(tmp_path: Path) -> None:
    source = synth.write_collection(tmp_path / "a.json", 20)
    name = lifecycle.change_one_request(source, tmp_path / "b.json")
    before = _requests(json.loads(source.read_text())["item"])
    after = _requests(json.loads((tmp_path / "b.json").read_text())["item"])
    differing = [a["name"] for a, b in zip(before, after, strict=True) if a != b]
    assert differing == [name]


def test_measure_counts_memory_of_child_processes() -> None:
    # Two children holding 60 MB each: the tree figure sees both, a single process only one.
    program = (
        "import subprocess, sys, time\n"
        "code = 'x = bytearray(60 * 2**20); import time; time.sleep(0.6)'\n"
        "procs = [subprocess.Popen([sys.executable, '-c', code]) for _ in range(2)]\n"
        "[p.wait() for p in procs]\n"
    )
    result = run_once([sys.executable, "-c", program])
    assert result.returncode == 0
    assert result.tree_rss_mb >= 120
    assert result.tree_pss_mb >= 120  # nothing shared: PSS sees both too
    assert 60 <= result.max_rss_mb < 120
    assert 0.5 < result.seconds < 10


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="no PSS here")
def test_memory_shared_with_a_forked_child_counts_once() -> None:
    # 100 MB written, then a fork: both map the same pages. RSS summed sees 200 MB;
    # PSS, the memory the machine holds, about 100.
    program = (
        "import os, time\n"
        "x = bytearray(100 * 2**20)\n"
        "pid = os.fork()\n"
        "time.sleep(0.8)\n"
        "os._exit(0) if pid == 0 else os.waitpid(pid, 0)\n"
    )
    result = run_once([sys.executable, "-c", program])
    assert result.returncode == 0
    assert result.tree_rss_mb >= 200
    assert 100 <= result.tree_pss_mb < 160


def test_runner_writes_table_and_json(tmp_path: Path) -> None:
    out = tmp_path / "results"
    # `inspect` only: the other commands format with black and take far longer;
    # the runner, the table and the JSON are the same for every command.
    argv = [
        "--sizes",
        "20",
        "--no-real",
        "--runs",
        "1",
        "--no-baselines",
        "--commands",
        "inspect",
    ]
    assert run.main([*argv, "--out", str(out), "--work", str(tmp_path / "work")]) == 0
    data = json.loads((out / "latest.json").read_text())
    assert data["machine"]["nproc"] >= 1
    assert data["inputs"]["synth-20"]["requests"] == 20
    assert set(data["commands"]["synth-20"]) == set(run.commands.COMMANDS)
    inspect = data["commands"]["synth-20"]["inspect"]
    if inspect["available"]:
        assert inspect["ok"], inspect["error"]
        assert (
            inspect["seconds"] > 0
            and inspect["cpu_seconds"] > 0
            and inspect["tree_rss_mb"] > 10
        )
    assert len(data["targets"]) == 10  # nine limits and the baselines' ratios
    assert {t["status"] for t in data["targets"]} <= {"pass", "FAIL", "n/a", "ratio"}
    markdown = (out / "latest.md").read_text()
    assert "## Targets (issue 7)" in markdown and "| synth-20 | 20 |" in markdown
    assert report.markdown(data) == markdown


def _cell(seconds: float) -> dict[str, Any]:
    return {
        "available": True,
        "ok": True,
        "seconds": seconds,
        "cpu_seconds": seconds,
        "tree_rss_mb": 100.0,
        "runs": [],
    }


def test_report_judges_growth_baselines_and_names_the_machine() -> None:
    """A quick run's growth is 5,000 vs 1,000; baselines give ratios; the machine line."""
    results: dict[str, Any] = {
        "machine": {
            "usable_cpus": 2,
            "cpu_model": "AMD EPYC 7B13",
            "memory_gib": 23.5,
            "os": "Linux",
            "python": "3.11",
            "black": "26",
            "pmgen_commit": "abc",
            "load_at_start": 1.5,
            "load_at_end": 2.5,
        },
        "settings": {"runs": 1, "quick": True, "sizes": [1000, 5000], "timeout": 300},
        "inputs": {"synth-1000": {"requests": 1000}, "synth-5000": {"requests": 5000}},
        "commands": {
            "synth-1000": {"generate": _cell(10.0)},
            "synth-5000": {"generate": _cell(60.0)},
        },
        "baselines": {
            "rows": [
                {
                    "name": "postman-code-generators",
                    "what": "python-requests",
                    "ok": True,
                    "seconds": 2.0,
                    "pmgen_seconds": 3.0,
                    "pmgen_what": "`snippets`",
                },
                {
                    "name": "openapi-python-client",
                    "ok": False,
                    "error": "not installed",
                },
            ]
        },
    }
    rows = {r["target"]: r for r in report.targets(results)}
    growth = rows["linear growth: `generate` time per request, 5,000 vs 1,000"]
    assert growth["status"] == "pass" and growth["measured"].startswith("1.20x")
    ratio = next(r for t, r in rows.items() if "postman-code-generators" in t)
    assert (ratio["status"], ratio["measured"]) == ("ratio", "1.50x (3.00 s vs 2.00 s)")
    missing = next(r for t, r in rows.items() if "openapi-python-client" in t)
    assert missing["status"] == "n/a" and "not installed" in missing["measured"]
    results["targets"] = report.targets(results)
    text = report.markdown(results)
    assert "2 CPUs (AMD EPYC 7B13), 23.5 GiB RAM" in text
    assert "at start 1.5, at end 2.5" in text and "killed after 300 s" in text
    results["commands"]["synth-5000"]["generate"] = _cell(90.0)
    again = {r["target"]: r for r in report.targets(results)}
    assert again[growth["target"]]["status"] == "FAIL"  # 1.8x: superlinear


def test_a_short_command_gets_its_peak_pss() -> None:
    # Done in ~0.2 s, under the 0.5 s between periodic PSS reads: the read on growth
    # must still see the 80 MB.
    program = "x = bytearray(80 * 2**20)\nimport time\ntime.sleep(0.15)\n"
    result = run_once([sys.executable, "-c", program])
    assert result.returncode == 0
    assert result.tree_pss_mb >= 80


def test_scripted_call_benchmark_times_both_paths() -> None:
    pytest.importorskip("quickjs", reason="the script engine is a pmgen dependency")
    from benchmarks import scripted

    result = scripted.measure()
    assert result["ok"], result.get("error")
    assert result["generated_us"] > 0 and result["by_hand_us"] > 0
    # the sandboxed call does strictly more than the hand-written one
    assert result["generated_us"] > result["by_hand_us"] and result["ratio"] > 1


def test_scripted_instruction_counts_cover_only_the_loop() -> None:
    pytest.importorskip("quickjs", reason="the script engine is a pmgen dependency")
    from benchmarks import scripted_instructions  # noqa: PLC0415

    if scripted_instructions.missing():
        pytest.skip(scripted_instructions.missing())
    modes = ("run_signing", "run_empty")
    few = scripted_instructions.measure(calls=3, modes=modes)
    assert few["ok"], few.get("error")
    # a run costs far more than nothing and far less than the interpreter's start-up
    # (~60 M), which would dominate if the counting were not limited to the loop
    assert 0.1 < few["run_empty"] < 10 and 0.1 < few["run_signing"] < 10
    assert few["run_signing"] > few["run_empty"]  # the script's own work is counted
