"""pmgen's benchmark suite: one command, a markdown table and a JSON file.

    .venv/bin/python -m benchmarks.run            # everything (about 20-40 minutes on 2 cores)
    .venv/bin/python -m benchmarks.run --quick    # one run each, synth 100/1,000/5,000 + corpus

Measures every available pmgen command (`inspect`, `client`, `snippets` with all styles,
`docs`, `generate`) on the real collections in ../shared/corpus (when present) and on
synthetic ones (`benchmarks/synth.py`), as the median wall time and peak memory of
several child-process runs; regeneration (no change, one request changed); import time
and per-call overhead of a generated client; baselines when installed. Writes
`benchmarks/results/latest.{md,json}` and prints the table.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import baselines, clientbench, commands, lifecycle, report, scripted, synth
from benchmarks.machine import REPO, cpu_probe, describe, load_average, machine_info
from benchmarks.measure import Measurement, median_of, run_once

SHARED = REPO.parent / "shared"
REAL_INPUTS = {
    "commercetools": "corpus/commercetools.postman_collection.json",
    "sabre-booking-management": "corpus/sabre-booking-management.postman_collection.json",
}
QUICK_SIZES = (100, 1_000, 5_000)  # 5,000 vs 1,000 stands in for the growth figure
QUICK_TIMEOUT = 300.0
QUICK_REAL = ("commercetools",)  # the collection every target names
BIG = (
    5_000  # at and above this size only inspect, client and generate run (time budget)
)


@dataclass
class Input:
    label: str
    path: Path
    requests: int


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Bench:
    def __init__(self, work: Path, runs: int, timeout: float = 600.0) -> None:
        self.work = work
        self.runs = runs
        self.timeout = timeout
        self.outputs: dict[tuple[str, Path], Path] = {}  # last good output per command
        self.caches: dict[tuple[str, Path], Path] = {}  # and the format cache it filled
        self._counter = 0

    def fresh(self, prefix: str) -> Path:
        """A new empty directory under the work dir (output dirs, cold caches)."""
        self._counter += 1
        return Path(
            tempfile.mkdtemp(prefix=f"{self._counter:03d}-{prefix}-", dir=self.work)
        )

    def measure(
        self,
        build: Callable[[int], tuple[list[str], dict[str, str]]],
        runs: int | None = None,
    ) -> Measurement:
        """Median over runs; `build(i)` prepares run i and returns (argv, env)."""
        results = []
        for i in range(runs or self.runs):
            argv, env = build(i)
            results.append(run_once(argv, env=env, cwd=REPO, timeout=self.timeout))
            if results[-1].returncode != 0:
                break  # a failing command fails the same way every time
        return median_of(results)

    def command(self, name: str, source: Path, runs: int | None = None) -> Measurement:
        outs: list[Path] = []
        caches: list[Path] = []

        def build(_: int) -> tuple[list[str], dict[str, str]]:
            outs.append(self.fresh(name) / "out")
            caches.append(self.fresh("cache"))
            return commands.argv(name, source, outs[-1]), commands.env(caches[-1])

        measured = self.measure(build, runs)
        if measured.ok:
            self.outputs[(name, source)] = outs[-1]
            self.caches[(name, source)] = caches[-1]
        return measured

    def output(self, name: str, source: Path) -> tuple[Path | None, str]:
        """What `name` generated for `source` (generating it when not measured yet)."""
        if (name, source) not in self.outputs:
            measured = self.command(name, source, runs=1)
            if not measured.ok:
                return None, measured.error
        return self.outputs[(name, source)], ""


def _synth(*args: str) -> str:
    """`python -m benchmarks.synth ...` in a child, so that big collections never enter
    this process: it stays small beside the commands it measures."""
    argv = [sys.executable, "-m", "benchmarks.synth", *args]
    return subprocess.run(
        argv, cwd=REPO, check=True, capture_output=True, text=True
    ).stdout


def _ran(
    inputs: list[Input], table: dict[str, dict[str, Any]], name: str
) -> list[Input]:
    """The inputs on which `name` ran and succeeded (benchmarks built on it use them)."""
    return [i for i in inputs if table[i.label].get(name, {}).get("ok")]


def _first_that_ran(
    inputs: list[Input], table: dict[str, dict[str, Any]], name: str
) -> Input | None:
    ran = _ran(inputs, table, name)
    return ran[0] if ran else None


def count_requests(path: Path) -> int:
    return int(_synth("--count", str(path)))


def gather_inputs(args: argparse.Namespace, work: Path) -> list[Input]:
    inputs = []
    if not args.no_real:
        for label, rel in REAL_INPUTS.items():
            if args.quick and label not in QUICK_REAL:
                continue
            path = SHARED / rel
            if path.is_file():
                inputs.append(Input(label, path, count_requests(path)))
            else:
                log(f"{label}: {path} absent, skipped")
    for size in args.sizes:
        path = work / f"synth-{size}.postman_collection.json"
        _synth(str(size), "-o", str(path))
        inputs.append(Input(f"synth-{size}", path, size))
    return inputs


def measure_commands(
    bench: Bench,
    inputs: list[Input],
    selected: tuple[str, ...],
    table: dict[str, dict[str, Any]],
    save: Callable[[], None],
) -> None:
    """Fill `table` (input -> command -> measurement), saving after every input."""
    for item in inputs:
        row: dict[str, Any] = {}
        names = selected if item.requests < BIG else ("inspect", "client", "generate")
        names = tuple(n for n in names if n in selected)
        runs = 1 if item.requests > BIG else None
        for name in commands.COMMANDS:
            if name not in names:
                row[name] = {
                    "available": commands.available(name),
                    "skipped": "not run",
                }
            elif not commands.available(name):
                row[name] = {"available": False}
            else:
                m = bench.command(name, item.path, runs)
                row[name] = {"available": True, **m.to_json()}
                status = (
                    f"{m.seconds:.2f} s, cpu {m.cpu_seconds:.2f} s, {m.tree_rss_mb:.0f} MB, "
                    f"load {load_average():.1f}"
                    if m.ok
                    else f"FAILED ({m.error})"
                )
                log(f"{item.label} {name}: {status}")
                table[item.label] = row
                save()
        table[item.label] = row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run pmgen's benchmarks.")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one run each; commercetools and synth 100, 1,000 and 5,000; a 300 s "
        "timeout; baselines only when already installed",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per measurement (median); default 3"
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=None,
        help="synthetic sizes (default 100 1000 5000 20000)",
    )
    parser.add_argument(
        "--commands",
        nargs="*",
        choices=commands.COMMANDS,
        default=list(commands.COMMANDS),
        help="commands to measure (default: all)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds before a run is killed and reported as timed out "
        "(default 600; 300 with --quick)",
    )
    parser.add_argument(
        "--no-real", action="store_true", help="skip the corpus collections"
    )
    parser.add_argument(
        "--no-baselines",
        action="store_true",
        help="skip postman-code-generators / openapi-python-client",
    )
    parser.add_argument(
        "--install-baselines",
        action="store_true",
        help="npm-install postman-code-generators into the cache first",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "benchmarks" / "results",
        help="where latest.md/json go",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="scratch dir (default: a new temp dir, removed after)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
        args.sizes = args.sizes if args.sizes is not None else list(QUICK_SIZES)
        args.timeout = args.timeout or QUICK_TIMEOUT
        args.install_baselines = False  # measured when installed, never installed here
    if args.sizes is None:
        args.sizes = list(synth.SIZES)
    if args.timeout is None:
        args.timeout = 600.0

    info = machine_info()
    log(f"machine: {describe(info)}")
    work = args.work or Path(tempfile.mkdtemp(prefix="pmgen-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        bench = Bench(work, args.runs, args.timeout)
        inputs = gather_inputs(args, work)
        results: dict[str, Any] = {
            "machine": info,
            "settings": {
                "runs": args.runs,
                "quick": args.quick,
                "sizes": args.sizes,
                "timeout": args.timeout,
            },
            "inputs": {
                i.label: {"path": str(i.path), "requests": i.requests} for i in inputs
            },
            "commands": {},
        }

        def save(final: bool = False) -> None:
            """Write the results so far: a long run that is stopped still leaves a table."""
            results["machine"]["load_at_end"] = load_average()
            results["machine"]["probe_at_end"] = cpu_probe()
            results["complete"] = final
            results["targets"] = report.targets(results)
            args.out.mkdir(parents=True, exist_ok=True)
            text = json.dumps(results, indent=2) + "\n"
            (args.out / "latest.json").write_text(text, encoding="utf-8")
            (args.out / "latest.md").write_text(
                report.markdown(results), encoding="utf-8"
            )

        measure_commands(bench, inputs, tuple(args.commands), results["commands"], save)
        main_input = inputs[0] if inputs else None
        regen_input = _first_that_ran(inputs, results["commands"], "generate")
        if regen_input is not None:
            results["lifecycle"] = lifecycle.measure(
                bench, regen_input.label, regen_input.path, log
            )
            save()
        if "client" in args.commands or "generate" in args.commands:
            made = _ran(inputs, results["commands"], "client") or _ran(
                inputs, results["commands"], "generate"
            )
            results["client"] = clientbench.measure(bench, made, log)
            save()
            log("scripted call: an HMAC-signing collection script vs hmac by hand")
            results["scripted_call"] = scripted.measure()
            save()
        if not args.no_baselines and main_input is not None:
            results["baselines"] = baselines.measure(
                bench,
                main_input.label,
                main_input.path,
                install=args.install_baselines,
                log=log,
                measured=results["commands"].get(main_input.label, {}),
            )
        save(final=True)
        print(report.markdown(results))
        log(f"wrote {args.out / 'latest.md'} and latest.json")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
