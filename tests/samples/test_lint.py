"""The generated samples pass `ruff check` with the rule set for generated code.

The rule set (README, "Generated code"): pycodestyle errors and warnings, pyflakes
(unused imports and names, undefined names), isort's order, pyupgrade for Python 3.10 and
bugbear, at black's line length. Line length itself is not checked (E501): docstrings
and comments carry the collection's own text, which black leaves as it is.
Each client project is checked from its own folder, so the package counts as first party
for the imports of its tests, as it does for a user running ruff there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.samples.conftest import SAMPLES

RUFF_ARGS = (
    "check", "--isolated", "--no-cache", "--target-version", "py310", "--line-length", "88",
    "--select", "E,W,F,I,UP,B", "--ignore", "E501", "--output-format", "concise",
)  # fmt: skip


def _ruff(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *RUFF_ARGS, "."],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=folder,
    )


def _folders(kind: str) -> list[Path]:
    folders = sorted(p for p in SAMPLES.glob(f"*/{kind}") if p.is_dir())
    if not folders:
        pytest.skip(f"no generated samples with {kind}/ under {SAMPLES}")
    return folders


@pytest.mark.parametrize("kind", ["client", "snippets"])
def test_generated_code_passes_ruff(kind: str) -> None:
    problems = []
    for folder in _folders(kind):
        proc = _ruff(folder)
        if proc.returncode != 0:
            problems.append(
                f"{folder.relative_to(SAMPLES)}:\n{proc.stdout}{proc.stderr}"
            )
    assert not problems, "\n".join(problems)


def test_ruff_run_would_catch_an_unused_import(tmp_path: Path) -> None:
    """The check above can fail: the same run on a copy with an unused import does."""
    (tmp_path / "module.py").write_text(
        '"""A module."""\n\nimport os\nfrom typing import Any\n\nVALUE: Any = 1\n',
        encoding="utf-8",
    )
    proc = _ruff(tmp_path)
    assert proc.returncode == 1
    assert "F401" in proc.stdout and "`os` imported but unused" in proc.stdout
