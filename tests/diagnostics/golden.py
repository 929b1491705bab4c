"""Golden tests of what pmgen says about bad input: each folder under `cases/` holds the
input files, a `steps` file and the `expected.txt` output of the last step.

    steps          one pmgen command line per line (OUT is a fresh output directory),
                   or `edit PATH` (a line appended to OUT/PATH: a hand edit)
    expected.txt   `exit N`, then the last step's stderr and stdout

Regenerate after an intended change (then read the diff):

    .venv/bin/python -m tests.diagnostics.golden [CASE ...]
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

from pmgen.cli import main

CASES = Path(__file__).resolve().parent / "cases"
OUT = "OUT"


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if (p / "steps").is_file())


@contextlib.contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _pmgen(argv: list[str]) -> tuple[int, str, str]:
    """Exit code, stderr, stdout of `pmgen argv`, run in this process as the CLI runs."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, err.getvalue(), out.getvalue()


def run_case(name: str, scratch: Path) -> str:
    """The output of the case's last step, with the scratch directory shown as OUT."""
    folder = CASES / name
    out = scratch / "out"
    result = (0, "", "")
    env = {"SOURCE_DATE_EPOCH": None, "PMGEN_CACHE_DIR": str(scratch / "cache")}
    saved = {key: os.environ.get(key) for key in env}
    try:
        for key, value in env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        with _inside(folder):
            for line in (folder / "steps").read_text(encoding="utf-8").splitlines():
                words = [str(out) if w == OUT else w for w in shlex.split(line)]
                if not words:
                    continue
                if words[0] == "edit":
                    with open(out / words[1], "a", encoding="utf-8") as handle:
                        handle.write("# edited by hand\n")
                    continue
                result = _pmgen(words)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    code, err, stdout = result
    text = f"exit {code}\n--- stderr\n{err}--- stdout\n{stdout}"
    return text.replace(str(out), OUT)


def expected(name: str) -> str:
    return (CASES / name / "expected.txt").read_text(encoding="utf-8")


def regenerate(names: list[str]) -> None:
    import tempfile  # noqa: PLC0415

    for name in names or case_names():
        with tempfile.TemporaryDirectory() as scratch:
            text = run_case(name, Path(scratch))
        (CASES / name / "expected.txt").write_text(text, encoding="utf-8")
        print(f"{name}: {text.splitlines()[0]}")


if __name__ == "__main__":
    regenerate(sys.argv[1:])
