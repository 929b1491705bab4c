"""URL sources have size and time limits: a huge, endless, silent, dripping or looping
server on 127.0.0.1 gets one clear error line (exit 1) in bounded time and memory."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.security.cli import run_pmgen

MB = 1024 * 1024


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        mode = self.path.strip("/").split("?")[0]
        try:
            getattr(self, f"_{mode}")()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _head(self, length: int | None = None, chunked: bool = False) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if length is not None:
            self.send_header("Content-Length", str(length))
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def _declared_huge(self) -> None:
        self._head(length=50 * 1024 * MB)
        self.wfile.write(b"[" * 1024)

    def _endless(self) -> None:  # chunked, never ends
        self._head(chunked=True)
        chunk = b'{"a":' * 10_000
        for _ in range(100_000):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))

    def _silent(self) -> None:  # accepts, never answers
        time.sleep(30)

    def _drip(self) -> None:  # one byte every 0.4 s: no single read ever times out
        self._head(length=10_000)
        for _ in range(10_000):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.4)

    def _drip_headers(self) -> None:  # the status line and headers, a byte at a time
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + b"X-Pad: a\r\n" * 500
        )
        for byte in head:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.4)

    def _drip_chunked(
        self,
    ) -> None:  # no length: a watchdog cut must not look like the end
        self._head(chunked=True)
        for _ in range(10_000):
            self.wfile.write(b"1\r\n \r\n")
            self.wfile.flush()
            time.sleep(0.4)

    def _loop(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/loop")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def hostile_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("mode", "budget"),
    [
        ("declared_huge", 20),
        ("endless", 30),
        ("silent", 30),
        ("drip", 12),
        ("drip_headers", 12),
        ("drip_chunked", 12),
        ("loop", 20),
    ],
)
def test_hostile_server_gets_a_clear_error(
    hostile_url: str, mode: str, budget: float
) -> None:
    started = time.monotonic()
    args = ["inspect", f"{hostile_url}/{mode}", "--timeout", "1", "--max-size", "1MB",
            "--max-time", "3"]  # fmt: skip
    try:
        result = run_pmgen(*args, timeout=budget + 10)
    except subprocess.TimeoutExpired:
        pytest.fail(
            f"{mode}: pmgen still running after {budget + 10}s with --timeout 1 (a hang)"
        )
    elapsed = time.monotonic() - started
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pmgen: error:"), result.stderr[
        -500:
    ]
    assert "Traceback" not in result.stderr
    assert (
        elapsed < budget
    ), f"{mode}: took {elapsed:.0f}s (limit: --timeout 1 --max-time 3)"
    if mode.startswith("drip"):
        assert "--max-time" in lines[0] and "/" + mode in lines[0], lines[0]
