"""A minimal keep-alive HTTP/1.1 server on 127.0.0.1 for the per-call benchmark.

Runs in its own process (so it does not share the measured process's GIL), answers
every request with a small JSON body, prints its port on the first line of stdout and
stops when stdin closes (the benchmark closes it, so it can never outlive the run).
"""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BODY = b'{"id": "bench-1", "name": "Bench", "quantity": 1, "active": true, "tags": []}'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # One write per response and no Nagle: headers and body in separate segments
    # would meet the client's delayed ACK and add ~40 ms to every call, hiding any
    # client overhead behind the network stack.
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True

    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(BODY)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _answer


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()  # until the parent closes stdin
    server.shutdown()


if __name__ == "__main__":
    main()
