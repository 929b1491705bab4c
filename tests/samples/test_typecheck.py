"""The sample clients type-check with `mypy --strict` (what their users' type checkers see)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.samples.conftest import SAMPLES, import_name


def test_sample_clients_pass_mypy_strict(tmp_path: Path) -> None:
    packages = [
        project / import_name(project)
        for project in sorted(p.parent for p in SAMPLES.glob("*/client/pyproject.toml"))
    ]
    if not packages:
        pytest.skip("no generated sample clients")
    config = (
        tmp_path / "mypy.ini"
    )  # not the repo's config, which excludes generated_samples
    config.write_text("[mypy]\n")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--config-file",
            str(config),
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            *map(str, packages),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=tmp_path,
    )
    errors = (proc.stdout + proc.stderr).strip().splitlines()
    assert proc.returncode == 0, f"mypy --strict: {len(errors)} errors:\n" + "\n".join(
        errors[:40]
    )
