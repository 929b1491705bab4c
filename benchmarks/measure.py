"""Run one command as a child process and measure its wall time, CPU time and peak memory.

Memory is sampled from /proc every 50 ms over the child and all its descendants:
- `tree_pss_mb`: the peak of the SUM of their proportional set sizes (PSS: a page shared
  by n processes counts 1/n in each). The memory target is judged on this: it is what
  the machine holds, a page a forked child shares with its parent counted once;
- `tree_rss_mb`: the peak of the sum of their resident sets (shared pages counted in
  every process that maps them: an upper bound);
- `max_rss_mb`: the peak of the largest single process.
Not `ru_maxrss`: Linux folds the parent's pre-exec high-water mark into the child's, so
a benchmark process holding a big collection would inflate every child's figure.
CPU time (`ru_utime + ru_stime` from `wait4`) covers the child and its reaped children.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SAMPLE_INTERVAL = (
    0.05  # a /proc scan costs ~2 ms: keep the sampler off the measured cores
)
# Reading a process's PSS walks its page tables under its memory-map lock (~20 ms for
# 400 MB): at every sample it slowed the measured command by half. It is read every 10th
# sample (0.5 s) and whenever the summed RSS has grown by a tenth since the last read (so
# a short command's peak is seen too); RSS is read at every sample.
PSS_EVERY = 10
PSS_GROWTH = 1.1
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system, the child and its reaped descendants
    max_rss_mb: float
    tree_rss_mb: float
    returncode: int
    tree_pss_mb: float = 0.0
    stderr_tail: str = ""


@dataclass
class Measurement:
    """The median over several runs of one command (and every run, for the JSON)."""

    seconds: float
    cpu_seconds: float
    max_rss_mb: float
    tree_rss_mb: float
    tree_pss_mb: float = 0.0
    runs: list[Run] = field(default_factory=list)
    ok: bool = True
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _children_map() -> dict[int, list[int]]:
    """ppid -> pids, from /proc/*/stat (no /proc/PID/task/*/children on every kernel)."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: split after the last ")".
        fields = stat[stat.rindex(b")") + 2 :].split()
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def _pss_kb(pid: int, rss_kb: int) -> int:
    """The process's PSS (Linux 4.14+); its RSS where the kernel does not say."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return rss_kb


def tree_rss_kb(root: int, *, pss: bool = True) -> tuple[int, int, int]:
    """(sum of RSS, largest RSS, sum of PSS or 0 when `pss` is false) in KiB over `root`
    and its descendants."""
    tree = _children_map()
    total, largest, pss_total, stack = 0, 0, 0, [root]
    while stack:
        pid = stack.pop()
        rss = _rss_kb(pid)
        total, largest = total + rss, max(largest, rss)
        pss_total += _pss_kb(pid, rss) if rss and pss else 0
        stack.extend(tree.get(pid, ()))
    return total, largest, pss_total


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.largest_kb = 0
        self.peak_pss_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        count, last_total, total_at_pss = 0, 0, 0
        while not self.done.is_set():
            read_pss = count % PSS_EVERY == 0 or last_total > PSS_GROWTH * total_at_pss
            total, largest, pss = tree_rss_kb(self.pid, pss=read_pss)
            if read_pss:
                total_at_pss = total
            count, last_total = count + 1, total
            self.peak_kb = max(self.peak_kb, total)
            self.peak_pss_kb = max(self.peak_pss_kb, pss)
            self.largest_kb = max(self.largest_kb, largest)
            self.done.wait(SAMPLE_INTERVAL)


def run_once(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 900.0,
) -> Run:
    """Run `argv` once; stdout is discarded, the end of stderr kept for error messages."""
    # The previous command's output (16,000 files) is still being written back by the
    # kernel: flushed first, so that it does not land in this command's time.
    os.sync()
    with open(os.devnull, "wb") as devnull, _tempfile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            stdout=devnull,
            stderr=err,
            env=dict(env) if env else None,
            cwd=cwd,
            start_new_session=True,  # its own process group: a timeout kills its pool too
        )
        sampler = _Sampler(proc.pid)
        sampler.start()
        deadline = started + timeout
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.perf_counter() - started
        # Set by hand: Popen must not wait for a child wait4 already reaped.
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.done.set()
        sampler.join()
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace").strip()
        if timed_out:
            tail += f"\ntimed out after {timeout:.0f} s (killed)"
    return Run(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        max_rss_mb=sampler.largest_kb / 1024,
        tree_rss_mb=sampler.peak_kb / 1024,
        tree_pss_mb=sampler.peak_pss_kb / 1024,
        returncode=proc.returncode,
        stderr_tail=tail,
    )


def _tempfile() -> Any:
    return tempfile.TemporaryFile()


def median_of(runs: list[Run]) -> Measurement:
    ok = all(r.returncode == 0 for r in runs)
    failed = next((r for r in runs if r.returncode != 0), None)
    error = ""
    if failed is not None:
        lines = [line for line in failed.stderr_tail.splitlines() if line.strip()]
        error = f"exit {failed.returncode}: {lines[-1] if lines else 'no message'}"
    return Measurement(
        seconds=statistics.median(r.seconds for r in runs),
        cpu_seconds=statistics.median(r.cpu_seconds for r in runs),
        max_rss_mb=statistics.median(r.max_rss_mb for r in runs),
        tree_rss_mb=statistics.median(r.tree_rss_mb for r in runs),
        tree_pss_mb=statistics.median(r.tree_pss_mb for r in runs),
        runs=runs,
        ok=ok,
        error=error,
    )
