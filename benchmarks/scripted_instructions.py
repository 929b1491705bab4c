"""Instructions per call of `benchmarks.scripted`'s two paths and of the sandbox run, counted
by valgrind's callgrind: unlike times, the counts do not move with other processes' load,
so they show a change of a few percent that a loaded machine's timings hide.

    .venv/bin/python -m benchmarks.scripted_instructions [CALLS]   # one JSON line

Needs valgrind and a C compiler with valgrind's headers (a three-line helper switches the
counting on and off around the measured loop). Prints millions of instructions per call:
`generated` (the generated client's signed call), `by_hand` (httpx + hmac), `run_signing`
and `run_empty` (`Sandbox.run` of the signing script and of an empty one). Not part of
`benchmarks.run` (a few minutes under valgrind).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.percall import keepalive_server
from benchmarks.scripted import _generate

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MODES = ("generated", "by_hand", "run_signing", "run_empty")
HELPER = """#include <valgrind/callgrind.h>
void pmgen_collect_on(void) { CALLGRIND_ZERO_STATS; CALLGRIND_TOGGLE_COLLECT; }
void pmgen_collect_off(void) { CALLGRIND_TOGGLE_COLLECT; CALLGRIND_DUMP_STATS_AT("loop"); }
"""


def missing() -> str | None:
    """Why the count cannot run here, or None."""
    for tool in ("valgrind", "cc"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    return None


def _helper(work: Path) -> Path:
    source = work / "toggle.c"
    source.write_text(HELPER, encoding="utf-8")
    library = work / "toggle.so"
    subprocess.run(
        ["cc", "-O1", "-shared", "-fPIC", "-o", str(library), str(source)],
        check=True,
        capture_output=True,
    )
    return library


def _count(mode: str, calls: int, server: str, toggle: Path, work: Path) -> float:
    out = work / f"{mode}.callgrind"
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",
        "PYTHONPATH": os.pathsep.join([str(work / "project"), str(REPO)]),
    }
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            # fair thread scheduling: the sandbox arms its time limit by a hand-off
            # between two threads, which valgrind's default lock can starve
            "--fair-sched=yes",
            f"--callgrind-out-file={out}",
            sys.executable,
            str(HERE / "scripted_instructions_child.py"),
            mode,
            str(calls),
            server,
            str(toggle),
        ],
        env=env,
        capture_output=True,
        check=True,
        timeout=1800,
    )
    # the helper's dump is the file ending in .1 (the rest of the process goes to `out`)
    dumped = out.with_name(out.name + ".1")
    for line in dumped.read_text(encoding="utf-8").splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1]) / calls / 1e6
    raise RuntimeError(f"no summary in {dumped}")


def measure(calls: int = 100, modes: tuple[str, ...] = MODES) -> dict[str, Any]:
    reason = missing()
    if reason:
        return {"ok": False, "error": reason}
    with (
        keepalive_server() as url,
        tempfile.TemporaryDirectory(prefix="pmgen-scripted-instr-") as tmp,
    ):
        work = Path(tmp)
        try:
            toggle = _helper(work)
        except subprocess.CalledProcessError as exc:
            return {
                "ok": False,
                "error": "the callgrind helper did not compile: "
                + exc.stderr.decode(errors="replace").strip().splitlines()[-1],
            }
        if "generated" in modes:
            _generate(url, work)
        counts = {m: round(_count(m, calls, url, toggle, work), 3) for m in modes}
    return {"ok": True, "unit": "M instructions per call", "calls": calls, **counts}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 100)))
