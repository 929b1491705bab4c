"""`pmgen.parallel.forked`: the child's result, or the same result (and the same
errors) without a child."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pmgen import parallel
from pmgen.errors import InputError


def test_result_comes_from_a_child() -> None:
    if not parallel.can_fork():
        pytest.skip("no fork here (not POSIX, one CPU or threads running)")
    with parallel.forked(os.getpid) as child_pid:
        assert child_pid() != os.getpid()


def test_same_result_without_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"a.py": "x = 1\n", "b/c.md": "# é\n"}
    with parallel.forked(lambda: dict(files)) as forked_files:
        assert forked_files() == files
    monkeypatch.setenv("PMGEN_NO_FORK", "1")
    with parallel.forked(os.getpid) as own_pid:
        assert own_pid() == os.getpid()


def test_a_failing_child_reraises_here() -> None:
    """The child's failure is not shown; the function runs again here and its error is
    this process's own (message and type intact)."""
    calls: list[int] = []

    def fails() -> None:
        calls.append(os.getpid())
        raise InputError("bad collection", where="c.json: $.item[0]")

    with (
        pytest.raises(InputError, match="bad collection"),
        parallel.forked(fails) as result,
    ):
        result()
    assert calls == [os.getpid()]  # only this process's run is seen here


def test_a_child_left_running_is_killed(tmp_path: Path) -> None:
    if not parallel.can_fork():
        pytest.skip("no fork here")
    pid_file = tmp_path / "pid"

    def linger() -> None:
        pid_file.write_text(str(os.getpid()))
        time.sleep(60)

    with pytest.raises(RuntimeError), parallel.forked(linger):
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.01)
        raise RuntimeError("the parent failed first")
    with pytest.raises(ProcessLookupError):  # killed and reaped: no such process
        os.kill(int(pid_file.read_text()), 0)


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_generate_writes_the_same_files_with_and_without_the_fork(
    tmp_path: Path,
) -> None:
    example = (
        Path(__file__).resolve().parents[1]
        / "examples"
        / "carrierx-core.postman_collection.json"
    )
    trees = []
    for no_fork in ("", "1"):
        out = tmp_path / f"out{no_fork}"
        env = {**os.environ, "PMGEN_NO_FORK": no_fork, "PMGEN_NO_CACHE": "1"}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pmgen.cli",
                "-q",
                "generate",
                str(example),
                "-o",
                str(out),
            ],
            check=True,
            env=env,
        )
        trees.append(_tree(out))
    assert len(trees[0]) > 100 and trees[0] == trees[1]
