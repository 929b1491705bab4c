"""Download one URL with httpx: timeouts, a size limit, a redirect limit (credentials
never follow a redirect to another host), retries with backoff on timeouts/5xx/429
(honouring Retry-After), and one clear line for every failure."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from generator import __version__
from generator.errors import FetchError
from generator.importer.limits import Limits
from generator.importer.sources import Document

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
        headers = dict(headers or {})
        origin = urlsplit(url).netloc
        for _ in range(self.limits.max_redirects + 1):
            response_url, location, document = self._get_with_retries(url, headers)
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
        self, url: str, headers: dict[str, str]
    ) -> tuple[str, str, Document | None]:
        delay = self.limits.backoff
        for attempt in range(self.limits.retries + 1):
            last = attempt == self.limits.retries
            try:
                self.progress(f"fetching {_safe(url)}")
                with self.client.stream("GET", url, headers=headers) as response:
                    if response.is_redirect:
                        return url, response.headers["Location"], None
                    if response.status_code in _RETRY_STATUS and not last:
                        wait = _retry_after(response, delay)
                        self.progress(
                            f"HTTP {response.status_code}, retrying in {wait:.1f}s"
                        )
                        self.sleep(wait)
                        delay *= 2
                        continue
                    if response.status_code >= 400:
                        hint = _STATUS_HINTS.get(
                            response.status_code, response.reason_phrase or "error"
                        )
                        raise FetchError(
                            f"HTTP {response.status_code} {hint}", where=_safe(url)
                        )
                    data = self._read(response, url)
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
                if last:
                    raise FetchError(
                        f"timed out after {self.limits.timeout:g}s "
                        f"({self.limits.retries + 1} attempts)",
                        where=_safe(url),
                    ) from None
                self.progress(f"timed out, retrying in {delay:.1f}s")
                self.sleep(delay)
                delay *= 2
            except httpx.TransportError as exc:
                raise FetchError(
                    f"network error: {exc or type(exc).__name__}", where=_safe(url)
                ) from None
        raise FetchError(
            "gave up after retries", where=_safe(url)
        )  # unreachable in practice

    def _read(self, response: httpx.Response, url: str) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.limits.max_bytes:
            raise FetchError(
                f"response larger than {self.limits.max_bytes} bytes ({declared} declared)",
                where=_safe(url),
            )
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.limits.max_bytes:
                raise FetchError(
                    f"response larger than {self.limits.max_bytes} bytes",
                    where=_safe(url),
                )
            chunks.append(chunk)
        if size > 256 * 1024:
            self.progress(f"downloaded {size // 1024} KiB")
        return b"".join(chunks)
