"""One venv per test session for generated projects: httpx, pydantic, pytest, mypy,
hatchling and the script engine from PyPI (or pip's cache), then each project with
`pip install --no-deps --no-build-isolation` (a real install, kept fast).

`PMGEN_TEST_VENV=/path` reuses an existing venv (it must have those packages).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# the `scripts` extra of packages whose collection has scripts: quickjs-ng (+ cryptography)
REQUIREMENTS = ["httpx", "pydantic", "pytest", "mypy", "hatchling", "quickjs-ng", "cryptography"]


@dataclass
class ProjectVenv:
    root: Path

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    @classmethod
    def create(cls, root: Path) -> ProjectVenv:
        reuse = os.environ.get("PMGEN_TEST_VENV")
        if reuse:
            return cls(Path(reuse))
        subprocess.run([sys.executable, "-m", "venv", str(root)], check=True)
        venv = cls(root)
        subprocess.run(
            [str(venv.python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *REQUIREMENTS],
            check=True, timeout=600,
        )
        return venv


def install_project(venv: ProjectVenv, project: Path) -> None:
    subprocess.run(
        [str(venv.python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
         "--no-build-isolation", "--force-reinstall", str(project)],
        check=True, timeout=300, stdout=subprocess.DEVNULL,
    )
