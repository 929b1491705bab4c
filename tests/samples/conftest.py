"""One venv per test session for the sample clients, and a runner for scenario flows.

Each sample's `client/` project is really installed with
`pip install --no-deps --no-build-isolation` (all samples in one pip run, by the project's
own pip through `--python`, so the venv needs no pip of its own). The venv's runtime
dependencies (httpx, pydantic) come from the project's own venv through a `.pth` link, so
a test session needs no network unless the samples' build backend is missing (then pip
fetches it once, from its cache when warm).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomllib

from tests.conftest import REPO

SAMPLES = Path(
    os.environ.get("PMGEN_SAMPLES_DIR") or REPO / "generated_samples"
)  # override: try a fresh regeneration
FLOWS = Path(__file__).resolve().parent / "flows"
BACKEND_PACKAGES = {
    "hatchling.build": "hatchling",
    "setuptools.build_meta": "setuptools",
    "flit_core.buildapi": "flit_core",
}


class SampleVenv:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.python = root / "bin" / "python"
        self.installed: dict[str, str] = {}  # sample name -> import package
        self._lock = threading.Lock()

    def pip(self, *args: str) -> None:
        """The project's pip, acting on this venv (`--python`): no ensurepip per session."""
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(self.python),
                "--disable-pip-version-check",
                "-q",
                *args,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        assert (
            proc.returncode == 0
        ), f"pip {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"

    def has_module(self, module: str) -> bool:
        code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
        return (
            subprocess.run([str(self.python), "-c", code], check=False).returncode == 0
        )

    def install_all(self) -> None:
        """Install every generated sample client in one pip run (one resolver start-up)."""
        projects = sorted(p.parent for p in SAMPLES.glob("*/client/pyproject.toml"))
        if not projects:
            return
        backends = set()
        for project in projects:
            meta = tomllib.loads(
                (project / "pyproject.toml").read_text(encoding="utf-8")
            )
            backends.add(meta.get("build-system", {}).get("build-backend", ""))
        missing = [
            b for b in sorted(backends) if b and not self.has_module(b.split(".")[0])
        ]
        if missing:
            self.pip(
                "install", *(BACKEND_PACKAGES.get(b, b.split(".")[0]) for b in missing)
            )
        self.pip("install", "--no-deps", "--no-build-isolation", *map(str, projects))
        self.installed = {p.parent.name: import_name(p) for p in projects}

    def install_sample(self, name: str) -> str:
        """The import package of generated_samples/<name>/client (installed once per session)."""
        with self._lock:
            if not self.installed:
                self.install_all()
        if name not in self.installed:
            pytest.skip(f"generated_samples/{name}/client is not generated")
        return self.installed[name]

    def run_flow(
        self, flow: str, mode: str, env: dict[str, str], *, check: bool = True
    ) -> dict[str, Any]:
        """Run `flows/flow_<flow>.py <mode>`; the program prints one JSON object last."""
        proc = subprocess.run(
            [str(self.python), str(FLOWS / f"flow_{flow}.py"), mode],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            env={**_clean_env(), **env},
        )
        if not check:  # the caller asserts on what the server received
            return {}
        assert (
            proc.returncode == 0
        ), f"flow {flow} ({mode}) failed:\n{proc.stdout}\n{proc.stderr}"
        lines = proc.stdout.strip().splitlines()
        return json.loads(lines[-1]) if lines else {}


def import_name(project: Path) -> str:
    """The importable package inside a generated project (the dir holding __init__.py)."""
    candidates = sorted(
        p.parent.name
        for p in project.glob("*/__init__.py")
        if p.parent.name not in {"tests", "docs"}
    ) + sorted(p.parent.name for p in project.glob("src/*/__init__.py"))
    assert candidates, f"no package found in {project}"
    return candidates[0]


def _clean_env() -> dict[str, str]:
    """The child's environment without proxies or stray credentials for the samples."""
    drop = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}
    return {
        k: v
        for k, v in os.environ.items()
        if k.lower() not in drop and not k.startswith("PYTHONPATH")
    }


@pytest.fixture(scope="session")
def sample_venv(tmp_path_factory: pytest.TempPathFactory) -> SampleVenv:
    root = tmp_path_factory.mktemp("samples-venv")
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(root)],
        check=True,
        timeout=300,
    )
    venv = SampleVenv(root)
    # httpx/pydantic as the project venv has them: link its site-packages.
    site = subprocess.run(
        [
            str(venv.python),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "pmgen-project-deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n"
    )
    return venv


@pytest.fixture(scope="session")
def install_sample(sample_venv: SampleVenv) -> Callable[[str], str]:
    return sample_venv.install_sample
