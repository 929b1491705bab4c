"""The recordings' frozen clock for the programs the conformance runs start (test
infrastructure only: the generated programs read the real clock, `time.time()`).

Newman recorded `../shared/*/expected/*` with its clock frozen (`recording.json`:
`frozen_clock`); a signature over the time (AWS SigV4) matches Newman's only at that
moment. The runners put the moment in PMGEN_TEST_FROZEN_CLOCK (seconds) and:

- the fork server's children and the client driver call `apply()` before running code;
- shell programs find `python3` in `shim_dir()` first on PATH: this module, which
  applies the clock and then runs `python3 FILE ARGS` or `python3 - ARGS` (stdin); and
  `date` there prints that moment (GNU date's `-d @SECONDS`).
"""

from __future__ import annotations

import calendar
import functools
import json
import os
import runpy
import shutil
import sys
import tempfile
import time
from pathlib import Path

VARIABLE = "PMGEN_TEST_FROZEN_CLOCK"
# Newman's echo server port: a signature over the host and the time alone (awsv4) matches
# only when the echo server listens there again (when the port is free); the schemes
# with a nonce cannot match anyway, so they do not compete for the port
RECORDED_PORT = 18080
_HOST_SIGNED = ("awsv4",)


def signs_host(expected_dir: Path) -> bool:
    """Whether the recording has auth signed over host and time alone (awsv4)."""
    try:
        text = (expected_dir / "collection.json").read_text("utf-8")
    except OSError:
        return False
    return any(f'"type": "{kind}"' in text for kind in _HOST_SIGNED)


def recorded(expected_dir: Path) -> str | None:
    """The recording's frozen clock as seconds since the epoch (text), or None."""
    path = expected_dir / "recording.json"
    try:
        iso = json.loads(path.read_text("utf-8")).get("frozen_clock") or ""
    except (OSError, ValueError):
        return None
    if not iso:
        return None
    moment = time.strptime(iso.replace("Z", "").split(".")[0], "%Y-%m-%dT%H:%M:%S")
    return str(calendar.timegm(moment))


def apply() -> None:
    """Stop `time.time()` at PMGEN_TEST_FROZEN_CLOCK when it is set (this process only)."""
    value = os.environ.get(VARIABLE)
    if value:
        frozen = float(value)
        time.time = lambda: frozen
        time.time_ns = lambda: int(frozen * 1e9)


@functools.cache
def shim_dir() -> Path:
    """A directory whose `python3` is this module run by the test interpreter."""
    shim = Path(tempfile.mkdtemp(prefix="pmgen-frozen-clock-"))
    repo = Path(__file__).resolve().parents[2]
    script = shim / "python3"
    script.write_text(
        "#!/bin/sh\n"
        f'PYTHONPATH="{repo}${{PYTHONPATH:+:$PYTHONPATH}}" '
        f'exec "{sys.executable}" -m tests.helpers.frozen_clock "$@"\n',
        "utf-8",
    )
    script.chmod(0o755)
    # shell programs that sign with openssl read the time from `date`
    real_date = shutil.which("date") or "/bin/date"
    clock = shim / "date"
    clock.write_text(
        "#!/bin/sh\n"
        f'if [ -n "${{{VARIABLE}:-}}" ]; then\n'
        f'  exec "{real_date}" -d "@${{{VARIABLE}%.*}}" "$@"\n'
        "fi\n"
        f'exec "{real_date}" "$@"\n',
        "utf-8",
    )
    clock.chmod(0o755)
    return shim


def main() -> None:
    apply()
    args = sys.argv[1:]
    sys.argv = args
    if args and args[0] == "-":
        code = sys.stdin.read()
        exec(compile(code, "<stdin>", "exec"), {"__name__": "__main__"})
    else:
        sys.path[0] = str(Path(args[0]).resolve().parent)
        runpy.run_path(args[0], run_name="__main__")


if __name__ == "__main__":
    main()
