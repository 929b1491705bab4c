"""pmgen's own code is linted and formatted as its generated code is: `ruff check` with the
rules in pyproject.toml and black, over `generator/` (the runtime copied into every client
included)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_pmgen_passes_ruff() -> None:
    result = _run("ruff", "check", "--no-cache", "generator")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]


def test_pmgen_is_black_formatted() -> None:
    result = _run("black", "--check", "--quiet", "generator")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
