"""Run Python snippets (and the raw HTTP sender) in forked children of one interpreter that
imported the HTTP libraries once: each program still runs as `python FILE` runs it
(`runpy`, `__main__`, its own working directory, environment, argv, stdin from
/dev/null, exit status), but without ~0.3 s of interpreter start-up and imports each.

    with ForkRunner() as runner:
        status, stderr = runner.run(["python", "x.py"], cwd=..., env=..., timeout=30)

The server is its own single-threaded process (forking a threaded test process is not
safe). PMGEN_CONFORMANCE_FORK=0 runs plain subprocesses instead (runner.py).
"""

from __future__ import annotations

import json
import os
import runpy
import signal
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

# what snippets import: loaded once in the server, shared by every child
PRELOAD = ("requests", "httpx", "http.client", "json", "uuid", "asyncio", "ssl")


def _child(job: dict[str, Any]) -> None:
    """In the forked child: become `python FILE ARGS...` and exit with its status."""
    code = 1
    try:
        signal.alarm(max(1, int(job["timeout"])))  # SIGALRM's default action ends us
        os.chdir(job["cwd"])
        os.environ.clear()
        os.environ.update(job["env"])
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        out = os.open(os.devnull, os.O_WRONLY)
        os.dup2(out, 1)
        err = os.open(job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(err, 2)
        argv = job["argv"]
        if argv[:2] == ["-m", "generator.wire.send"]:
            sys.argv = ["send", *argv[2:]]
            runpy.run_module("generator.wire.send", run_name="__main__", alter_sys=True)
        else:
            sys.argv = list(argv)
            sys.path[0] = str(Path(argv[0]).resolve().parent)
            runpy.run_path(argv[0], run_name="__main__")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # report it as python would, then exit 1
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve() -> None:
    """The server loop: one JSON job per stdin line, one JSON status per stdout line."""
    for name in PRELOAD:
        __import__(name)
    import generator.wire.send  # noqa: F401, PLC0415  (the raw HTTP sender)

    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _child(job)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            code = -os.WTERMSIG(status)
        else:
            code = os.WEXITSTATUS(status)
        sys.stdout.write(json.dumps({"status": code}) + "\n")
        sys.stdout.flush()


class ForkRunner:
    """A client of one server process (use one per thread)."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parents[2])
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.conformance.forkrun"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=root,
            env=dict(os.environ, PYTHONPATH=root),
            text=True,
        )
        self.tmp = Path(tempfile.mkdtemp(prefix="pmgen-forkrun-"))

    def run(
        self, argv: list[str], *, cwd: Path, env: dict[str, str], timeout: float
    ) -> tuple[int, bytes]:
        """(exit status, stderr) of `python ARGV...`; a timeout is status -SIGALRM."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        stderr = self.tmp / "stderr"
        job = {"argv": argv, "cwd": str(cwd), "env": env, "timeout": timeout}
        job["stderr"] = str(stderr)
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        return int(reply["status"]), stderr.read_bytes() if stderr.exists() else b""

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)

    def __enter__(self) -> ForkRunner:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


if __name__ == "__main__":
    serve()
