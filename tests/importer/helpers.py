"""Helpers for the importer tests: load a JSON value through a real file, run the CLI."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pmgen.cli import main
from pmgen.importer import load
from pmgen.model import Collection, Operation

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
V20 = "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"


def load_value(
    tmp_path: Path, value: Any, name: str = "c.json", **kwargs: Any
) -> Collection:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return load(str(path), **kwargs)


def collection(items: list[Any], schema: str = V21, **extra: Any) -> dict[str, Any]:
    return {"info": {"name": "T", "schema": schema}, "item": items, **extra}


def ops(c: Collection) -> list[Operation]:
    return list(c.operations())


def run_pmgen(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`pmgen ARGS` in a child process: real exit codes, real stdout/stderr."""
    return subprocess.run(
        [sys.executable, "-m", "pmgen.cli", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def invoke(
    *args: str,
    stdin: bytes | None = None,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> Result:
    """`pmgen ARGS` in this process (fast): exit code, stdout and stderr as the user sees them."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.ExitStack() as stack:
        if stdin is not None:
            assert monkeypatch is not None, "stdin needs monkeypatch"
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        try:
            main(list(args))
        except SystemExit as exc:
            code = (
                exc.code
                if isinstance(exc.code, int)
                else (0 if exc.code is None else 1)
            )
    return Result(code, out.getvalue(), err.getvalue())
