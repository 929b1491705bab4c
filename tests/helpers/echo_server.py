"""A real HTTP/1.1 server on 127.0.0.1 that records every request (tests only).

Records have the shape of `../shared/conformance/echo_server.py`'s log lines
(method, path, query, headers in received order, body_b64, content_type), so the
shared `compare.py` can score them. A `responder` callable may answer instead of the
default `200 {"ok": true, "seq": N}`: it gets the record and returns
(status, headers, body bytes).
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

Record = dict[str, Any]
Responder = Callable[[Record], tuple[int, list[tuple[str, str]], bytes]]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: Any) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        if name.startswith("do_"):
            return self._handle
        raise AttributeError(name)

    def _read_body(self) -> tuple[bytes, bool]:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks), True
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return (self.rfile.read(length) if length else b""), False

    def _handle(self) -> None:
        body, chunked = self._read_body()
        parts = urlsplit(self.path)
        record: Record = {
            "method": self.command,
            "path": parts.path,
            "query": parts.query if "?" in self.path else None,
            "headers": [[k, v] for k, v in self.headers.raw_items()],
            "body_b64": base64.b64encode(body).decode("ascii"),
            "content_type": self.headers.get("Content-Type"),
            "chunked": chunked,
            "http_version": self.request_version,
        }
        record["seq"] = self.server.record(record)
        if self.server.responder is not None:
            status, headers, payload = self.server.responder(record)
        else:
            status = 200
            headers = [("Content-Type", "application/json")]
            payload = json.dumps({"ok": True, "seq": record["seq"]}).encode()
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Echo-Seq", str(record["seq"]))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, responder: Responder | None, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.responder = responder
        self.records: list[Record] = []
        self.lock = threading.Lock()

    def record(self, rec: Record) -> int:
        with self.lock:
            self.records.append(rec)
            return len(self.records)


class EchoServer:
    """`with EchoServer() as server:` -> `server.url`, `server.port`, `server.requests`."""

    def __init__(self, responder: Responder | None = None, *, port: int = 0) -> None:
        """`port`: the port to listen on when it is free (else any free port)."""
        try:
            self._server = _Server(responder, port)
        except OSError:
            self._server = _Server(responder)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def requests(self) -> list[Record]:
        with self._server.lock:
            return list(self._server.records)

    def clear(self) -> None:
        with self._server.lock:
            self._server.records.clear()

    def __enter__(self) -> EchoServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
