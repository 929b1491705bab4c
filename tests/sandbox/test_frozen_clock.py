"""The sandbox under the conformance runner's frozen clock (libfaketime): dates are frozen,
time.sleep fails there, and the time limit must still work."""

from __future__ import annotations

import glob
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROGRAM = """
from pmgen.sandbox import Limits, Sandbox, Script, ScriptTimeout, VariableScopes
sb = Sandbox(limits=Limits(time_s=0.5))
req = {"method": "GET", "url": {"raw": "http://h/"}, "header": [], "body": None, "auth": None}
src = ("console.log(new Date().toISOString());"
       " await new Promise(r => setTimeout(r, 50)); console.log(Date.now())")
r = sb.run([Script(src, "prerequest", "request", "R")],
           request_name="R", request=req, scopes=VariableScopes())
print(r.console)
try:
    sb.run([Script("while (true) {}", "prerequest", "request", "R")], request_name="R",
           request=req, scopes=VariableScopes())
except ScriptTimeout:
    print("timeout")
"""


def test_sandbox_under_frozen_clock(shared_dir: Path) -> None:
    if not glob.glob("/usr/lib/*/faketime/libfaketime.so.1"):
        pytest.skip("libfaketime is not installed")
    script = shared_dir / "conformance" / "frozen_clock.sh"
    out = subprocess.run(
        ["bash", str(script), "2026-01-01T00:00:00Z", sys.executable, "-c", PROGRAM],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "[('log', '2026-01-01T00:00:00.000Z'), ('log', '1767225600000')]",
        "timeout",
    ]
