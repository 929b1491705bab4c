"""`pmgen generate` with the real emitters on a real collection: deterministic, and a
second run on the same source writes nothing (`--check` agrees)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pmgen import manifest as mf

REPO = Path(__file__).resolve().parents[2]
LAUNCH = "import sys; from pmgen.cli import main; sys.exit(main(sys.argv[1:]))"


def pmgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LAUNCH, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=600,
        check=False,
    )


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()
    }


def test_generate_twice_is_byte_identical_and_up_to_date(
    seed_dir: Path, tmp_path: Path
) -> None:
    source = next((seed_dir / "webex").glob("*.postman_collection.json"))
    first = pmgen(
        "generate", str(source), "-o", "a", "--date", "2024-01-01", cwd=tmp_path
    )
    assert first.returncode == 0, first.stderr[-3000:]
    for part in ("client", "snippets", "docs"):
        assert (tmp_path / "a" / part).is_dir(), f"no {part}/ in the output"
    assert (tmp_path / "a/docs/CHANGELOG.md").is_file()
    other = pmgen(
        "generate", str(source), "-o", "b", "--date", "2024-01-01", cwd=tmp_path
    )
    assert other.returncode == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")  # deterministic, run to run
    stamps = {p: (tmp_path / "a" / p).stat().st_mtime_ns for p in tree(tmp_path / "a")}
    again = pmgen("generate", str(source), "-o", "a", cwd=tmp_path)
    assert again.returncode == 0 and "up to date" in again.stdout, again.stdout
    assert {p: (tmp_path / "a" / p).stat().st_mtime_ns for p in stamps} == stamps
    check = pmgen("generate", str(source), "-o", "a", "--check", cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    manifest = mf.read(tmp_path / "a")
    assert (
        manifest is not None and len(manifest.files) == len(stamps) - 2
    )  # + manifest, snapshot
