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


@pytest.mark.parametrize("command", ["generate", "client"])  # client: a prewarmed child
def test_generate_writes_the_same_files_with_and_without_the_fork(
    tmp_path: Path, command: str
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
                command,
                str(example),
                "-o",
                str(out),
            ],
            check=True,
            env=env,
        )
        trees.append(_tree(out))
    assert len(trees[0]) > 40 and trees[0] == trees[1]


# -- prewarmed: a child started early, handed its function later -------------------------

_WARM = "warm"


def _preload(marker: str) -> None:
    Path(marker).write_text(f"{os.getpid()}", encoding="utf-8")


def _read_marker(marker: str) -> tuple[int, str]:
    """Run in the prewarmed child: its pid, and what its preload wrote."""
    return os.getpid(), Path(marker).read_text(encoding="utf-8")


def _fails(marker: str) -> None:
    raise InputError(f"bad collection in {os.getpid()}", where=marker)


def test_prewarmed_runs_the_function_where_the_preload_ran(tmp_path: Path) -> None:
    if not parallel.can_fork():
        pytest.skip("no fork here")
    import functools  # noqa: PLC0415

    marker = str(tmp_path / _WARM)
    with parallel.prewarmed(functools.partial(_preload, marker)) as beside:
        with beside(functools.partial(_read_marker, marker)) as result:
            pid, preloaded_in = result()
        assert pid != os.getpid() and preloaded_in == str(pid)
        # a second call, and one that cannot be pickled, get a child of their own
        with beside(functools.partial(_read_marker, marker)) as again:
            assert again()[0] not in (pid, os.getpid())
        with beside(lambda: os.getpid()) as unpicklable:
            assert unpicklable() != os.getpid()


def test_an_unused_prewarmed_child_is_killed(tmp_path: Path) -> None:
    if not parallel.can_fork():
        pytest.skip("no fork here")
    import functools  # noqa: PLC0415

    marker = tmp_path / _WARM
    with parallel.prewarmed(functools.partial(_preload, str(marker))):
        while not marker.exists() or not marker.read_text():
            time.sleep(0.01)
    with pytest.raises(ProcessLookupError):
        os.kill(int(marker.read_text()), 0)


def test_a_failing_prewarmed_function_reraises_here(tmp_path: Path) -> None:
    import functools  # noqa: PLC0415

    marker = str(tmp_path / _WARM)
    with (
        pytest.raises(InputError, match=f"bad collection in {os.getpid()}$"),
        parallel.prewarmed(functools.partial(_preload, marker)) as beside,
        beside(functools.partial(_fails, marker)) as result,
    ):
        result()


def test_prewarmed_without_fork_runs_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import functools  # noqa: PLC0415

    monkeypatch.setenv("PMGEN_NO_FORK", "1")
    marker = tmp_path / _WARM
    marker.write_text("here", encoding="utf-8")
    with (
        parallel.prewarmed(
            functools.partial(_preload, str(tmp_path / "unused"))
        ) as beside,
        beside(functools.partial(_read_marker, str(marker))) as result,
    ):
        assert result() == (os.getpid(), "here")
    assert not (tmp_path / "unused").exists()  # no child, no preload
