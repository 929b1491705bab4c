"""Input limits: untrusted collections must not exhaust memory, stack or patience.

Each is configurable: `Limits(...)` in the API, `--max-size`, `--max-requests`,
`--max-depth`, `--max-json-depth`, `--timeout` and `--max-time` on the command line, and
the same keys in `pmgen.toml` (`max-depth = 16`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 200 * 1024 * 1024  # input size (file, stdin or download)
    max_depth: int = 64  # folder nesting
    # JSON nesting: deeper input gets a clear error, not a RecursionError
    max_json_depth: int = 500
    max_requests: int = 100_000
    timeout: float = 30.0  # seconds per network read/connect of a URL source
    # seconds per URL fetch in total (redirects and retries included): a server
    # dripping bytes never trips `timeout`
    max_time: float = 300.0
    max_redirects: int = 5
    retries: int = 3  # extra attempts on timeouts, 5xx and 429
    backoff: float = 0.5  # seconds, doubled per attempt (Retry-After wins when given)
