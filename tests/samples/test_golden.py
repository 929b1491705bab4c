"""Golden test: regenerating every sample gives exactly the committed `generated_samples/`."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.regenerate_samples import SAMPLES as DECLARED
from tests.conftest import REPO

SAMPLES = REPO / "generated_samples"
SCRIPT = REPO / "scripts" / "regenerate_samples.py"
COMMAND = ".venv/bin/python scripts/regenerate_samples.py"
CANARY = "c1a2b3-example-token"  # carrierx-core's fake bearer token
MAX_DIFF_LINES = 60


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def _diff_excerpt(path: str, old: bytes, new: bytes) -> str:
    try:
        lines = difflib.unified_diff(
            old.decode().splitlines(keepends=True),
            new.decode().splitlines(keepends=True),
            f"generated_samples/{path} (committed)",
            f"{path} (regenerated)",
        )
        text = list(lines)
    except UnicodeDecodeError:
        return f"{path}: binary content differs\n"
    shown = "".join(text[:MAX_DIFF_LINES])
    more = len(text) - MAX_DIFF_LINES
    return shown + (f"... {more} more diff lines\n" if more > 0 else "")


def _sample_names() -> list[str]:
    return (
        sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
        if SAMPLES.is_dir()
        else []
    )


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not _sample_names():
        pytest.skip(f"no committed samples yet; run `{COMMAND}`")
    out = tmp_path_factory.mktemp("regenerated")
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, f"regeneration failed:\n{proc.stdout}\n{proc.stderr}"
    return out


@pytest.mark.parametrize("name", _sample_names())
def test_sample_matches_regeneration(name: str, regenerated: Path) -> None:
    if not (regenerated / name).is_dir():
        pytest.skip(f"{name}: its source is absent here, so it was not regenerated")
    committed, fresh = _tree(SAMPLES / name), _tree(regenerated / name)
    missing = sorted(set(committed) - set(fresh))
    extra = sorted(set(fresh) - set(committed))
    changed = sorted(p for p in set(committed) & set(fresh) if committed[p] != fresh[p])
    if not (missing or extra or changed):
        return
    report = [
        f"generated_samples/{name} is out of date; regenerate with:\n    {COMMAND}\n"
    ]
    report += [f"only in the committed sample: {p}" for p in missing]
    report += [f"only in the regenerated sample: {p}" for p in extra]
    report += [f"changed: {p}" for p in changed]
    report += [
        _diff_excerpt(f"{name}/{p}", committed[p], fresh[p]) for p in changed[:3]
    ]
    pytest.fail("\n".join(report), pytrace=False)


def test_every_declared_sample_is_committed() -> None:
    missing = [s.name for s in DECLARED if not (SAMPLES / s.name).is_dir()]
    assert not missing, f"samples never generated: {missing}; run `{COMMAND}`"


def test_no_secret_in_samples() -> None:
    """The carrierx-core canary (and any secret) must never reach a generated file."""
    if not _sample_names():
        pytest.skip("no committed samples yet")
    leaks = [
        p.relative_to(REPO).as_posix()
        for p in sorted(SAMPLES.rglob("*"))
        if p.is_file() and CANARY.encode() in p.read_bytes()
    ]
    assert not leaks, f"the secret canary {CANARY!r} leaked into: {leaks}"
