"""Run Python snippets (and the raw HTTP sender) in forked children of one interpreter that
imported the HTTP libraries once: each program still runs as `python FILE` runs it
(`runpy`, `__main__`, its own working directory, environment, argv, stdin from
/dev/null, exit status), but without ~0.3 s of interpreter start-up and imports each.

    with ForkRunner() as runner:
        status, stderr = runner.run(["python", "x.py"], cwd=..., env=..., timeout=30)

The server is its own single-threaded process (forking a threaded test process is not
safe). PMGEN_CONFORMANCE_FORK=0 runs plain subprocesses instead (runner.py).

HTTPie, a Python program the shell snippets call as `http`, runs the same way through
`HttpieShim`: an `http` bash script first on PATH hands its pid and arguments to a server
over 127.0.0.1 TCP; the forked child takes the script's working directory, environment
and standard streams from /proc/PID and runs HTTPie's own entry point with its argv.
"""

from __future__ import annotations

import json
import os
import runpy
import select
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.helpers import frozen_clock

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
        frozen_clock.apply()  # the recording's moment, when the runner gives one
        if argv[:2] == ["-m", "pmgen.wire.send"]:
            sys.argv = ["send", *argv[2:]]
            runpy.run_module("pmgen.wire.send", run_name="__main__", alter_sys=True)
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
    import pmgen.wire.send  # noqa: F401, PLC0415  (the raw HTTP sender)

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


STREAMS = ("stdin", "stdout", "stderr")


def _shim_child(conn: socket.socket, timeout: float) -> None:
    """In the forked child: become the `http` the script ran, reply with its status."""
    try:
        signal.alarm(max(1, int(timeout)))
        _take_over(conn)
    except BaseException:  # nothing sent yet: the shim runs the real HTTPie
        conn.sendall(b"fallback\n")
        os._exit(0)
    code = 1
    try:
        # httpie.core.main's defaults were bound when the server imported it: pass ours
        from httpie.context import Environment  # noqa: PLC0415  (preloaded)
        from httpie.core import main  # noqa: PLC0415

        ttys = {f"{n}_isatty": os.isatty(fd) for fd, n in enumerate(STREAMS)}
        code = main(args=sys.argv, env=Environment(**ttys)).value
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # report it as python would, then exit 1
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            conn.sendall(f"{code}\n".encode())
        finally:
            os._exit(code)


def _take_over(conn: socket.socket) -> None:
    """Take the script's argv, working directory, environment and streams."""
    data = b""  # pid, argc, then argc arguments, each NUL-terminated
    while chunk := conn.recv(65536):
        data += chunk
        fields = data.split(b"\0")
        if len(fields) > 2 and len(fields) - 1 >= 2 + int(fields[1]):
            break
    pid, _, *argv = data.decode("utf-8", "surrogateescape").split("\0")[:-1]
    proc = Path("/proc") / pid
    os.chdir(os.readlink(proc / "cwd"))
    environ = (proc / "environ").read_bytes().split(b"\0")
    os.environ.clear()
    for entry in filter(None, environ):
        key, _, value = entry.decode("utf-8", "surrogateescape").partition("=")
        os.environ[key] = value
    for fd, mode in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY)):
        os.dup2(os.open(proc / "fd" / str(fd), mode), fd)
    sys.argv = ["http", *argv]


def serve_httpie(timeout: float) -> None:
    """Accept shim connections; fork a child per connection (they run concurrently)."""
    import httpie.core  # noqa: F401, PLC0415  (what each child would import)

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reap themselves
    listener = socket.create_server(("127.0.0.1", 0))
    sys.stdout.write(f"{listener.getsockname()[1]}\n")
    sys.stdout.flush()
    while True:  # until the test process closes our stdin (or dies)
        ready, _, _ = select.select([listener, sys.stdin], [], [])
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 1):
            return
        if listener not in ready:
            continue
        conn, _ = listener.accept()
        if os.fork() == 0:
            listener.close()
            _shim_child(conn, timeout)
        conn.close()


SHIM = """#!/usr/bin/env bash
# HTTPie run by pmgen's conformance fork server (tests/conformance/forkrun.py)
exec 3<>/dev/tcp/127.0.0.1/{port} || exit 127
printf '%s\\0' "$$" "$#" "$@" >&3
read -r -u 3 status || status=1
if [ "$status" = fallback ]; then  # the server could not take over: the real HTTPie
  exec {real} "$@"
fi
exit "$status"
"""


class HttpieShim:
    """The `http` shim and its server: `path_dir` goes first on the snippets' PATH."""

    def __init__(self, timeout: float) -> None:
        root = str(Path(__file__).resolve().parents[2])
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.conformance.forkrun", "httpie", str(timeout)],
            stdin=subprocess.PIPE,  # closed (or its writer gone): the server ends
            stdout=subprocess.PIPE,
            cwd=root,
            env=dict(os.environ, PYTHONPATH=root),
            text=True,
        )
        assert self.proc.stdout is not None
        port = int(self.proc.stdout.readline())
        self.path_dir = Path(tempfile.mkdtemp(prefix="pmgen-httpie-shim-"))
        shim = self.path_dir / "http"
        real = shlex.quote(str(Path(sys.executable).parent / "http"))
        shim.write_text(SHIM.format(port=port, real=real), "utf-8")
        shim.chmod(0o755)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


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
    if sys.argv[1:2] == ["httpie"]:
        serve_httpie(float(sys.argv[2]))
    else:
        serve()
