"""Download one URL with httpx: a per-read timeout and an overall deadline per fetch, a
size limit, a redirect limit (credentials never follow a redirect to another host),
retries with backoff on timeouts/5xx/429 (honouring Retry-After), and one clear line for
every failure."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from pmgen import __version__
from pmgen.errors import FetchError
from pmgen.importer.limits import Limits
from pmgen.importer.sources import Document

_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_SLEEP = 30.0
_STATUS_HINTS = {
    401: "unauthorized: the Postman API needs an API key (--api-key or POSTMAN_API_KEY)",
    403: "forbidden: the key has no access to it, or the collection is private",
    404: "not found: check the id, or the link was unshared",
}


def _retry_after(response: httpx.Response, default: float) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return min(max(float(value), 0.0), _MAX_SLEEP)
    except ValueError:
        return default


def _safe(url: str) -> str:
    """The URL as shown in messages (no query: it may carry keys)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


class _Deadline:
    """The overall time limit of one fetch (redirects and retries included).

    httpx's timeout bounds each read, so a server that drips a byte a second never trips
    it. Each request's reads are bounded by the time left, the body loop checks the clock,
    and a watchdog shuts the request's socket when time is up, which also ends a drip
    inside the status line or headers (the blocked read returns, httpx raises).
    """

    _CONNECTED = frozenset(
        {
            "connection.connect_tcp.complete",
            "connection.connect_unix_socket.complete",
            "connection.start_tls.complete",
        }
    )

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        return max(self.end - time.monotonic(), 0.0)

    def passed(self) -> bool:
        return self.expired.is_set() or time.monotonic() >= self.end

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's `trace` extension: remember each socket the request connects."""
        if event not in self._CONNECTED:
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with self._lock:
                self._sockets.append(sock)
            if self.expired.is_set():
                self._expire()

    def _expire(self) -> None:
        self.expired.set()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:  # already closed
                pass

    def cancel(self) -> None:
        self._timer.cancel()


class Fetcher:
    def __init__(
        self,
        limits: Limits,
        *,
        progress: Callable[[str], None] | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.limits = limits
        self.progress = progress or (lambda message: None)
        self.sleep = sleep
        self.client = httpx.Client(
            timeout=httpx.Timeout(limits.timeout),
            follow_redirects=False,
            transport=transport,
            # a fresh connection per request, so the deadline's watchdog sees its socket
            limits=httpx.Limits(max_keepalive_connections=0),
            headers={
                "User-Agent": f"pmgen/{__version__}",
                "Accept": "application/json, text/html;q=0.9, */*;q=0.5",
            },
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Document:
        deadline = _Deadline(self.limits.max_time)
        try:
            return self._get(url, dict(headers or {}), deadline)
        except httpx.HTTPError as exc:
            if deadline.passed():  # the watchdog cut the connection
                raise self._too_slow(url) from None
            raise FetchError(
                f"network error: {exc or type(exc).__name__}", where=_safe(url)
            ) from None
        finally:
            deadline.cancel()

    def _too_slow(self, url: str) -> FetchError:
        return FetchError(
            f"gave up after {self.limits.max_time:g}s in total (--max-time): "
            "the server is too slow",
            where=_safe(url),
        )

    def _get(self, url: str, headers: dict[str, str], deadline: _Deadline) -> Document:
        origin = urlsplit(url).netloc
        for _ in range(self.limits.max_redirects + 1):
            response_url, location, document = self._get_with_retries(
                url, headers, deadline
            )
            if document is not None:
                return document
            url = urljoin(response_url, location)
            if urlsplit(url).scheme not in ("http", "https"):
                raise FetchError(
                    f"redirected to a non-HTTP URL: {location}",
                    where=_safe(response_url),
                )
            if (
                urlsplit(url).netloc != origin
            ):  # keys stay with the host they were meant for
                headers.pop("X-Api-Key", None)
        raise FetchError(
            f"more than {self.limits.max_redirects} redirects", where=_safe(url)
        )

    def _get_with_retries(
        self, url: str, headers: dict[str, str], deadline: _Deadline
    ) -> tuple[str, str, Document | None]:
        delay = self.limits.backoff
        for attempt in range(self.limits.retries + 1):
            last = attempt == self.limits.retries
            if deadline.passed():
                raise self._too_slow(url)
            try:
                self.progress(f"fetching {_safe(url)}")
                with self.client.stream(
                    "GET",
                    url,
                    headers=headers,
                    timeout=min(self.limits.timeout, deadline.left()),
                    extensions={"trace": deadline.trace},
                ) as response:
                    if response.is_redirect:
                        return url, response.headers["Location"], None
                    if response.status_code in _RETRY_STATUS and not last:
                        wait = _retry_after(response, delay)
                        self.progress(
                            f"HTTP {response.status_code}, retrying in {wait:.1f}s"
                        )
                        self._sleep(wait, deadline, url)
                        delay *= 2
                        continue
                    if response.status_code >= 400:
                        hint = _STATUS_HINTS.get(
                            response.status_code, response.reason_phrase or "error"
                        )
                        raise FetchError(
                            f"HTTP {response.status_code} {hint}", where=_safe(url)
                        )
                    data = self._read(response, url, deadline)
                    return (
                        url,
                        "",
                        Document(
                            data=data,
                            where=_safe(url),
                            url=url,
                            content_type=response.headers.get("Content-Type"),
                        ),
                    )
            except httpx.TimeoutException:
                if deadline.passed():
                    raise self._too_slow(url) from None
                if last:
                    raise FetchError(
                        f"timed out after {self.limits.timeout:g}s "
                        f"({self.limits.retries + 1} attempts)",
                        where=_safe(url),
                    ) from None
                self.progress(f"timed out, retrying in {delay:.1f}s")
                self._sleep(delay, deadline, url)
                delay *= 2
        raise FetchError(
            "gave up after retries", where=_safe(url)
        )  # unreachable in practice

    def _sleep(self, seconds: float, deadline: _Deadline, url: str) -> None:
        """Back off before a retry, unless the wait would outlast the deadline."""
        if seconds >= deadline.left():
            raise self._too_slow(url)
        self.sleep(seconds)

    def _read(self, response: httpx.Response, url: str, deadline: _Deadline) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.limits.max_bytes:
            raise FetchError(
                f"response larger than {self.limits.max_bytes} bytes ({declared} declared)",
                where=_safe(url),
            )
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            if deadline.passed():
                raise self._too_slow(url)
            size += len(chunk)
            if size > self.limits.max_bytes:
                raise FetchError(
                    f"response larger than {self.limits.max_bytes} bytes",
                    where=_safe(url),
                )
            chunks.append(chunk)
        if deadline.passed():  # the watchdog may end a body without a length early
            raise self._too_slow(url)
        if size > 256 * 1024:
            self.progress(f"downloaded {size // 1024} KiB")
        return b"".join(chunks)
