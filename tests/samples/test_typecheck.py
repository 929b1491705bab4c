"""The sample clients type-check with `mypy --strict` and pass their own generated tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.return_types import count
from tests.samples.conftest import SAMPLES, SampleVenv, import_name


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


def test_sample_clients_pass_their_own_tests(
    sample_venv: SampleVenv, tmp_path: Path
) -> None:
    """Each installed sample passes the tests generated from its saved examples (one pytest
    run for all samples; their `tests` packages are told apart by importlib mode)."""
    suites = sorted(str(p) for p in SAMPLES.glob("*/client/tests") if p.is_dir())
    if not suites:
        pytest.skip("no generated sample clients")
    sample_venv.install_sample(Path(suites[0]).parent.parent.name)  # installs them all
    config = tmp_path / "pytest.ini"  # not the repo's pytest settings
    config.write_text("[pytest]\n")
    proc = subprocess.run(
        [
            str(sample_venv.python),
            "-m",
            "pytest",
            "-q",
            "-c",
            str(config),
            "--rootdir",
            str(tmp_path),
            "--import-mode=importlib",
            "-p",
            "no:cacheprovider",
            *suites,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]


def test_raw_responses_are_typed(tmp_path: Path) -> None:
    """`with_raw_response` keeps each method's parameters and types its result as the
    `APIResponse` of what the method returns (sync and async)."""
    project = SAMPLES / "carrierx-core" / "client"
    if not project.is_dir():
        pytest.skip("no carrierx-core sample")
    usage = tmp_path / "usage.py"
    usage.write_text(
        "from carrierx_core import AsyncCarrierxCore, CarrierxCore\n\n"
        "client = CarrierxCore()\n"
        "reveal_type(client.endpoints.get_endpoints(limit=1))\n"
        "reveal_type(client.with_raw_response.endpoints.get_endpoints(limit=1))\n"
        "reveal_type(client.endpoints.with_raw_response.get_endpoints(limit=1).parse())\n"
        "reveal_type(client.with_raw_response.phone_numbers.get_did_by_sid('d1'))\n\n\n"
        "async def main() -> None:\n"
        "    async_client = AsyncCarrierxCore()\n"
        "    raw = async_client.with_raw_response.endpoints\n"
        "    reveal_type(await raw.get_endpoints(limit=1))\n"
        "    raw.get_endpoints(limt=1)\n",
        encoding="utf-8",
    )
    (tmp_path / "mypy.ini").write_text("[mypy]\n")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--config-file",
         str(tmp_path / "mypy.ini"), "--cache-dir", str(tmp_path / "cache"), "usage.py"],
        capture_output=True, text=True, check=False, timeout=600, cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(project)},
    )  # fmt: skip
    out = proc.stdout.replace("carrierx_core.models.", "").replace(
        "carrierx_core._response.", ""
    )
    revealed = [
        line.split("Revealed type is ")[1]
        for line in out.splitlines()
        if "Revealed" in line
    ]
    # without a saved example, what `parse` can return: `JSONValue | bytes`, which
    # mypy shows expanded (JSON objects, lists, scalars, null, and bytes), never Any
    unknown = revealed.pop(3)
    assert unknown.startswith('"APIResponse[dict[str, ') and "Any" not in unknown
    assert unknown.endswith('| str | int | float | None | bytes]"'), unknown
    assert revealed == [
        '"EndpointsGetEndpointsResponse"',
        '"APIResponse[EndpointsGetEndpointsResponse]"',
        '"EndpointsGetEndpointsResponse"',
        '"APIResponse[EndpointsGetEndpointsResponse]"',
    ], out
    assert 'Unexpected keyword argument "limt"' in out  # the parameters are kept


def test_no_method_returns_any() -> None:
    """Every operation method says what it returns (`pmgen.responses`): `Any` never."""
    found = count(SAMPLES)
    if not found:
        pytest.skip("no generated sample clients")
    assert not [a for a in found if re.search(r"\bAny\b", a)], found
