"""Import speed of a Postman format 3.0.0 folder against the same collection as v2.1 JSON.

    .venv/bin/python -m benchmarks.v3import                  # 2,000 requests, 5 runs each
    .venv/bin/python -m benchmarks.v3import --sizes 2000 20000 --runs 3

The synthetic collection of `benchmarks.synth` (seeded) is written as v2.1 JSON and, by
`benchmarks.v3folder`, as the v3 folder Postman's migration would lay out (one YAML file
per request, folder definitions, saved examples). Both are imported in one run, alternating
(JSON, folder, JSON, folder, ...) so machine load hits both alike, in a fresh child
interpreter each time (`pmgen.importer.load`, the cyclic GC off as `pmgen` has it,
both readers' modules imported first), timing the import only; also `pmgen inspect` end
to end. With ../shared present, the same for a real pair: sabre-booking-management's
recorded v2.1 collection and the v3 folder Postman's CLI migrated it to. Target: the
folder's median import time at most 2x the JSON's (the ratio, measured in the same run, is
what is checked: `--check` exits 1 above it). Results: `benchmarks/results/v3-import.json`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.synth import make_collection
from benchmarks.v3folder import write_v3

TARGET = 2.0
REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REAL = ("sabre-booking-management",)  # 1,077 requests, large XML/JSON bodies
CHILD = """
import gc, sys, time
gc.disable()
from pmgen.importer import load
# module imports are not the import's work: both readers are loaded before timing
import pmgen.importer.loading, pmgen.importer.v3.folder
start = time.perf_counter()
collection = load(sys.argv[1])
elapsed = time.perf_counter() - start
print(elapsed, sum(1 for _ in collection.operations()))
"""


def _import_once(source: Path) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(source)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout.split()
    return float(out[0]), int(out[1])


def _inspect_once(source: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pmgen.cli", "inspect", str(source)],
        capture_output=True,
        check=True,
        cwd=REPO,
    )
    return time.perf_counter() - start


def measure(size: int, runs: int, work: Path) -> dict[str, Any]:
    collection = make_collection(size)
    json_path = work / f"synth-{size}.postman_collection.json"
    json_path.write_text(json.dumps(collection), encoding="utf-8")
    folder = write_v3(collection, work / f"synth-{size}-v3")
    return {"input": f"synth {size}", **_pair(json_path, folder, runs)}


def measure_real(name: str, runs: int) -> dict[str, Any] | None:
    """A recorded collection and the v3 folder Postman's CLI migrated it to."""
    migrated = SHARED / "v3" / "migrated"
    table = migrated / "RECORDINGS.tsv"
    if not table.is_file():
        return None
    rows = dict(line.split("\t") for line in table.read_text("utf-8").splitlines()[1:])
    if name not in rows:
        return None
    original = (migrated / rows[name].strip() / "collection.json").resolve()
    return {
        "input": f"{name} (migrated by Postman's CLI)",
        **_pair(original, migrated / name, runs),
    }


def _pair(json_path: Path, folder: Path, runs: int) -> dict[str, Any]:
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    times: dict[str, list[float]] = {"json": [], "v3": []}
    inspect: dict[str, list[float]] = {"json": [], "v3": []}
    counts = {}
    for _ in range(runs):
        for kind, source in (("json", json_path), ("v3", folder)):
            elapsed, count = _import_once(source)
            times[kind].append(elapsed)
            counts[kind] = count
            inspect[kind].append(_inspect_once(source))
    if abs(counts["json"] - counts["v3"]) > counts["json"] // 100:
        raise SystemExit(f"request counts differ: {counts}")
    medians = {k: statistics.median(v) for k, v in times.items()}
    inspect_medians = {k: statistics.median(v) for k, v in inspect.items()}
    return {
        "requests": counts["v3"],
        "v3_files": files,
        "json_bytes": json_path.stat().st_size,
        "import_s": times,
        "import_median_s": medians,
        "ratio": medians["v3"] / medians["json"],
        "inspect_s": inspect,
        "inspect_median_s": inspect_medians,
        "inspect_ratio": inspect_medians["v3"] / inspect_medians["json"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    ap.add_argument(
        "--check", action="store_true", help=f"exit 1 when a ratio > {TARGET}"
    )
    ap.add_argument("--no-real", action="store_true", help="synthetic collections only")
    args = ap.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="pmgen-v3-bench-") as tmp:
        measured = [
            lambda size=size: measure(size, args.runs, Path(tmp)) for size in args.sizes
        ]
        if not args.no_real:
            measured += [
                lambda name=name: measure_real(name, args.runs) for name in REAL
            ]
        for run in measured:
            result = run()
            if result is None:
                continue
            results.append(result)
            m = result["import_median_s"]
            print(
                f"v3 import, {result['input']}: {result['requests']} requests "
                f"({result['v3_files']} files): "
                f"JSON {m['json'] * 1000:.0f} ms, v3 folder {m['v3'] * 1000:.0f} ms, "
                f"ratio {result['ratio']:.2f} (target <= {TARGET}); `pmgen inspect` "
                f"ratio {result['inspect_ratio']:.2f}",
                flush=True,
            )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "v3-import.json").write_text(
        json.dumps({"target": TARGET, "results": results}, indent=1) + "\n", "utf-8"
    )
    return 1 if args.check and any(r["ratio"] > TARGET for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
