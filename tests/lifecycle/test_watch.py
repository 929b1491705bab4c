"""`pmgen watch` as a real process: picks up a changed file and a changed URL, stops on Ctrl-C."""

from __future__ import annotations

import hashlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.helpers.echo_server import EchoServer, Record
from tests.lifecycle.conftest import collection_json, request, write_collection

REPO = Path(__file__).resolve().parents[2]
# The child runs the real CLI with the tiny emitter (the real emitters have their own tests).
LAUNCH = """
import sys
from tests.lifecycle.conftest import use_fake_emitters
use_fake_emitters(lambda table, key, value: table.__setitem__(key, value))
from pmgen.cli import main
sys.exit(main(sys.argv[1:]))
"""
TIMEOUT = 90.0  # real emitters run in the child; CI machines are slow


class Watch:
    def __init__(
        self, *args: str, cwd: Path, env: dict[str, str] | None = None
    ) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, "watch", *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, text: str, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r}; got: {seen}")

    def quiet_for(self, seconds: float) -> list[str]:
        time.sleep(seconds)
        out = []
        while not self.lines.empty():
            out.append(self.lines.get())
        return [line for line in out if "warning" not in line]

    def interrupt(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        self.expect("stopped")
        return self.proc.wait(timeout=20)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.mark.parametrize("mode", ["file-system events", "polling"])
def test_watch_picks_up_a_changed_file_and_stops_on_ctrl_c(
    tmp_path: Path, mode: str
) -> None:
    source = write_collection(tmp_path / "api.json", [request("List users")])
    env = {"PMGEN_WATCH_POLLING": "1"} if mode == "polling" else {}
    watch = Watch(
        str(source),
        "-o",
        "out",
        "--interval",
        "0.2",
        "--date",
        "2024-01-01",
        cwd=tmp_path,
        env=env,
    )
    try:
        watch.expect(mode)
        watch.expect("regenerated: first generation, 1 requests")
        os.utime(source)  # touched, not changed: no regeneration
        assert watch.quiet_for(1.0) == []
        write_collection(
            source, [request("List users"), request("Create user", "POST")]
        )
        line = watch.expect("regenerated: 1 added")
        assert "0 breaking" in line
        log = (tmp_path / "out/docs/CHANGELOG.md").read_text()
        assert "POST Create user" in log
        source.write_text(
            "{ not json"
        )  # a half-saved file: one error line, watch goes on
        watch.expect("error:")
        write_collection(source, [request("Create user", "POST")])
        watch.expect("1 removed, 0 renamed, 0 changed (1 breaking)")
        assert watch.interrupt() == 0
    finally:
        watch.kill()


def test_watch_polls_a_url_with_etag(tmp_path: Path) -> None:
    state = {"body": json.dumps(collection_json([request("List users")])).encode()}

    def serve(record: Record) -> tuple[int, list[tuple[str, str]], bytes]:
        etag = '"' + hashlib.sha256(state["body"]).hexdigest()[:16] + '"'
        asked = dict((k.lower(), v) for k, v in record["headers"]).get("if-none-match")
        if asked == etag:
            return 304, [("ETag", etag)], b""
        return (
            200,
            [("Content-Type", "application/json"), ("ETag", etag)],
            state["body"],
        )

    with EchoServer(responder=serve) as server:
        url = f"{server.url}/collection.json"
        watch = Watch(
            url, "-o", "out", "--interval", "0.2", "--date", "2024-01-01", cwd=tmp_path
        )
        try:
            watch.expect("ETag")
            watch.expect("regenerated: first generation, 1 requests")
            time.sleep(1.0)
            conditional = [
                r
                for r in server.requests
                if any(k.lower() == "if-none-match" for k, _ in r["headers"])
            ]
            assert conditional, "polls must be conditional"
            state["body"] = json.dumps(
                collection_json(
                    [request("List users"), request("Delete user", "DELETE")]
                )
            ).encode()
            watch.expect("regenerated: 1 added")
            assert (tmp_path / "out/.pmgen.json").is_file()
            assert watch.interrupt() == 0
        finally:
            watch.kill()
