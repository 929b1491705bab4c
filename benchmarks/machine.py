"""What machine the benchmarks ran on (printed and kept beside every result)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return 0.0


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def load_average() -> float:
    """The 1-minute load average: above the CPU count, other work slowed the timings."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0


def cpu_probe() -> float:
    """Seconds for a fixed pure-Python loop: the speed the machine gives now. Virtual
    machines share their host; the same commit measured at another hour can differ by 2x
    with the load average unchanged, and this figure shows it."""
    started = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return time.perf_counter() - started


def machine_info() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count() or 0,
        "usable_cpus": (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count()
        ),
        "cpu_model": _cpu_model(),
        "memory_gib": _memory_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "black": _version("black"),
        "pydantic": _version("pydantic"),
        "httpx": _version("httpx"),
        "pmgen_commit": _git_commit(),
        "load_at_start": load_average(),
        "probe_at_start": cpu_probe(),
    }


def describe(info: dict[str, Any]) -> str:
    return (
        f"{info['usable_cpus']} CPUs ({info['cpu_model']}), {info['memory_gib']} GiB RAM, "
        f"{info['os']}, Python {info['python']}, black {info['black']}, "
        f"pmgen @ {info['pmgen_commit']}"
    )
