"""A run killed at any moment leaves whole files, the previous manifest, and a next run
that finishes the job without calling pmgen's own files "edited by hand"."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pmgen import manifest as mf
from pmgen.manifest import ManifestInfo
from pmgen.writer import write_tree

REPO = Path(__file__).resolve().parents[2]
OLD = {f"pkg/m{i:03}.py": f"OLD = {i}\n" * 50 for i in range(120)}
NEW = {
    f"pkg/m{i:03}.py": f"NEW = {i}\n" * 60 for i in range(20, 140)
}  # 20 dropped, 20 added
INFO_OLD = ManifestInfo(source="api.json", source_sha256="a" * 64)
INFO_NEW = ManifestInfo(source="api.json", source_sha256="b" * 64)

CHILD = r"""
import json, sys, time
from pmgen import writer
from pmgen.manifest import ManifestInfo
slow = float(sys.argv[3])
original = writer._atomic_write
def paced(out, path, text, mode, *made):
    original(out, path, text, mode, *made)
    print("wrote", path, flush=True)
    time.sleep(slow)
if slow:
    writer._atomic_write = paced
files = json.load(open(sys.argv[2]))
info = ManifestInfo(source="api.json", source_sha256="b" * 64)
writer.write_tree(sys.argv[1], files, manifest=info)
print("done", flush=True)
"""


def start_child(out: Path, tmp_path: Path, slow: float) -> subprocess.Popen[str]:
    new_json = tmp_path / "new.json"
    new_json.write_text(json.dumps(NEW))
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(out), str(new_json), str(slow)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def assert_consistent(out: Path, old_manifest: str) -> None:
    manifest_text = (out / mf.MANIFEST_NAME).read_text()  # old, or the new one complete
    if manifest_text != old_manifest:
        assert set(json.loads(manifest_text)["files"]) == set(NEW)
    for path in set(OLD) | set(NEW):
        target = out / path
        if target.exists():
            assert target.read_text() in (
                OLD.get(path),
                NEW.get(path),
            ), f"{path} is torn"


def finish_and_check(out: Path) -> None:
    report = write_tree(out, NEW, manifest=INFO_NEW)
    assert report.refused == []
    for path, text in NEW.items():
        assert (out / path).read_text() == text
    for path in set(OLD) - set(NEW):
        assert not (out / path).exists()
    assert not (out / mf.PENDING_NAME).exists()
    assert not [p for p in out.rglob(f"{mf.TEMP_PREFIX}*")]
    assert set(json.loads((out / mf.MANIFEST_NAME).read_text())["files"]) == set(NEW)


@pytest.mark.parametrize("kill_after", [1, 40, 110])
def test_kill_mid_write_leaves_previous_output_usable(
    tmp_path: Path, kill_after: int
) -> None:
    out = tmp_path / "out"
    write_tree(out, OLD, manifest=INFO_OLD)
    old_manifest = (out / mf.MANIFEST_NAME).read_text()
    child = start_child(out, tmp_path, slow=0.02)
    assert child.stdout is not None
    for _ in range(kill_after):
        assert child.stdout.readline().startswith("wrote")
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert (out / mf.MANIFEST_NAME).read_text() == old_manifest  # manifest renamed last
    assert (out / mf.PENDING_NAME).is_file()
    assert_consistent(out, old_manifest)
    replaced = sum((out / p).exists() and (out / p).read_text() == NEW[p] for p in NEW)
    assert replaced >= kill_after - 1  # the first write is the pending manifest
    finish_and_check(out)


@pytest.mark.parametrize("delay", [0.15, 0.3, 0.45, 0.6])
def test_kill_at_an_arbitrary_moment(tmp_path: Path, delay: float) -> None:
    out = tmp_path / "out"
    write_tree(out, OLD, manifest=INFO_OLD)
    old_manifest = (out / mf.MANIFEST_NAME).read_text()
    child = start_child(out, tmp_path, slow=0.0)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert_consistent(out, old_manifest)
    json.loads((out / mf.MANIFEST_NAME).read_text())  # never torn
    finish_and_check(out)
