"""Benchmarks of a generated client package: import time and per-call overhead.

Import time: a fresh interpreter imports `httpx` and `pydantic` (what any client needs),
then the generated package; both parts are timed inside the child with
`time.perf_counter`, so the figures exclude interpreter start-up. Median of several runs,
after one warm-up import that writes the `.pyc` files.

Per-call overhead: in one child process, the same request is sent to a recording HTTP
server on 127.0.0.1 (its own process, so it does not share the GIL) alternately by a
generated client method and by a raw `httpx.Client` call replaying exactly what the
method sent; the ratio of the medians of interleaved batches is reported.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks import commands, percall

if TYPE_CHECKING:
    from benchmarks.run import Bench, Input

IMPORT_RUNS = 9
PREFERRED_INPUTS = ("commercetools", "synth-1000", "synth-100")

_IMPORT_PROGRAM = """
import sys, time
t0, c0 = time.perf_counter(), time.process_time()
import httpx, pydantic
t1 = time.perf_counter()
__import__(sys.argv[1])
t2, c2 = time.perf_counter(), time.process_time()
print(t1 - t0, t2 - t1, c2 - c0)
"""


def locate_package(client_dir: Path) -> tuple[Path, str] | None:
    """(sys.path entry, package name) of the generated package under `client_dir`."""
    for root in (client_dir / "src", client_dir):
        if not root.is_dir():
            continue
        packages = sorted(
            p.name
            for p in root.iterdir()
            if (p / "__init__.py").is_file() and p.name not in ("tests", "test")
        )
        if packages:
            return root, packages[0]
    return None


def import_time(path_entry: Path, package: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(path_entry)}
    # the warm-up run must write the package's .pyc files (an installed package has them;
    # httpx and pydantic do): an inherited PYTHONDONTWRITEBYTECODE would time compiling it
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    samples: list[tuple[float, float, float]] = []
    for i in range(IMPORT_RUNS + 1):
        out = subprocess.run(
            [sys.executable, "-c", _IMPORT_PROGRAM, package],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            lines = out.stderr.strip().splitlines()
            return {
                "ok": False,
                "error": lines[-1] if lines else f"exit {out.returncode}",
            }
        if i:  # the first run compiles the package's .pyc files
            deps, own, cpu = (float(x) for x in out.stdout.split())
            samples.append((deps, own, cpu))
    deps_ms = statistics.median(s[0] for s in samples) * 1000
    own_ms = statistics.median(s[1] for s in samples) * 1000
    total_ms = statistics.median(s[0] + s[1] for s in samples) * 1000
    cpu_ms = statistics.median(s[2] for s in samples) * 1000
    return {
        "ok": True,
        "package": package,
        "deps_ms": deps_ms,
        "package_ms": own_ms,
        "total_ms": total_ms,
        "total_cpu_ms": cpu_ms,
    }


def generated_client(bench: Bench, source: Path) -> tuple[Path | None, str]:
    """The client project generated for `source`: by `pmgen client`, else by
    `pmgen generate` (its `client/` dir) while the client command does not exist."""
    if commands.available("client"):
        return bench.output("client", source)
    out, error = bench.output("generate", source)
    return (out / "client" if out else None), error


def measure(
    bench: Bench, inputs: list[Input], log: Callable[[str], None]
) -> dict[str, Any]:
    """`inputs`: those on which a client was generated in this run."""
    if not (commands.available("client") or commands.available("generate")):
        return {"available": False}
    if not inputs:
        return {
            "available": True,
            "error": "no client was generated (failed or timed out)",
        }
    by_label = {i.label: i for i in inputs}
    chosen = next(
        (by_label[label] for label in PREFERRED_INPUTS if label in by_label), inputs[0]
    )
    client_dir, error = generated_client(bench, chosen.path)
    if client_dir is None:
        log(f"client benchmarks: generating {chosen.label} failed: {error}")
        return {"available": True, "input": chosen.label, "error": error}
    located = locate_package(client_dir)
    if located is None:
        return {
            "available": True,
            "input": chosen.label,
            "error": f"no package found in {client_dir}",
        }
    result: dict[str, Any] = {
        "available": True,
        "input": chosen.label,
        "operations": chosen.requests,
    }
    result["import"] = import_time(*located)
    log(f"client import ({chosen.label}): {json.dumps(result['import'])}")
    result["per_call"] = per_call(bench, inputs, log)
    return result


def per_call(
    bench: Bench, inputs: list[Input], log: Callable[[str], None]
) -> dict[str, Any]:
    try:
        return percall.measure(bench, inputs, log)
    except Exception as exc:  # a benchmark bug, or a client that cannot be driven
        log(f"per-call benchmark failed: {type(exc).__name__}: {exc}")
        return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
