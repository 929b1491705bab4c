"""pmgen's own code type-checks (`[tool.mypy]` in pyproject.toml: every def annotated)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_pmgen_passes_mypy(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "scripts/typecheck.py", "--cache-dir", str(tmp_path / "cache")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
    assert "Success" in result.stdout, result.stdout[-3000:]
