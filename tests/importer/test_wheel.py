"""The wheel installs into a fresh venv and works there: `pmgen --version`, `pmgen inspect`
on a bundled collection, templates shipped. Dependencies come from PyPI (pip's cache
keeps reruns fast). Set PMGEN_SKIP_WHEEL_TEST=1 to skip it offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pmgen import __version__
from tests.importer.helpers import FIXTURES, REPO

pytestmark = pytest.mark.skipif(
    os.environ.get("PMGEN_SKIP_WHEEL_TEST") == "1", reason="PMGEN_SKIP_WHEEL_TEST=1"
)


def _run(
    *args: str | Path, cwd: Path, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert (
        result.returncode == 0
    ), f"{args} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with pmgen installed from a freshly built wheel; returns its bin dir."""
    work = tmp_path_factory.mktemp("wheel")
    _run(
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--outdir",
        work / "dist",
        REPO,
        cwd=work,
    )
    (wheel,) = (work / "dist").glob("pmgen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "pmgen/importer/__init__.py" in names
    assert not any(n.startswith("generator/") for n in names)
    if (REPO / "templates").is_dir() and any((REPO / "templates").rglob("*.jinja")):
        assert any(
            n.startswith("pmgen/templates/") for n in names
        ), "templates missing from the wheel"
    _run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    bin_dir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    _run(
        bin_dir / "python",
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "-q",
        wheel,
        cwd=work,
    )
    return bin_dir


def test_version_from_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    result = _run(installed / "pmgen", "--version", cwd=tmp_path)
    assert __version__ in result.stdout


def test_inspect_a_bundled_collection_from_the_installed_wheel(
    installed: Path, tmp_path: Path
) -> None:
    source = tmp_path / "bookshop.postman_collection.json"
    shutil.copy(
        FIXTURES / "bookshop.postman_collection.json", source
    )  # away from the checkout
    result = _run(installed / "pmgen", "inspect", source, cwd=tmp_path)
    assert result.stdout.startswith("Bookshop API  (v2.1.0, 7 requests, 2 folders)")
    schema = _run(installed / "pmgen", "schema", cwd=tmp_path)
    assert '"title": "Collection"' in schema.stdout


def test_templates_are_found_from_the_installed_wheel(
    installed: Path, tmp_path: Path
) -> None:
    code = "from pmgen.render import templates_dir; print(templates_dir())"
    result = _run(installed / "python", "-c", code, cwd=tmp_path)
    assert "site-packages" in result.stdout and result.stdout.strip().endswith(
        "pmgen/templates"
    )


def test_the_import_name_is_pmgen(installed: Path, tmp_path: Path) -> None:
    result = _run(installed / "python", "-m", "pmgen", "--version", cwd=tmp_path)
    assert __version__ in result.stdout
    probe = "import importlib.util as u; print(u.find_spec('generator'))"
    assert _run(installed / "python", "-c", probe, cwd=tmp_path).stdout.strip() == "None"
