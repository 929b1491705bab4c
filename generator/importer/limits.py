"""Input limits: untrusted collections must not exhaust memory, stack or patience."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 200 * 1024 * 1024  # input size (file, stdin or download)
    max_depth: int = 64  # folder nesting
    max_json_depth: int = (
        500  # JSON nesting (deeper input gets a clear error, not RecursionError)
    )
    max_requests: int = 100_000
    timeout: float = 30.0  # seconds per URL request
    max_redirects: int = 5
    retries: int = 3  # extra attempts on timeouts, 5xx and 429
    backoff: float = 0.5  # seconds, doubled per attempt (Retry-After wins when given)
