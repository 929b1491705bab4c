"""The measured side of `benchmarks.scripted_instructions`, run under callgrind.

    python scripted_instructions_child.py MODE CALLS SERVER TOGGLE_LIBRARY

MODE: `generated` (the generated client's signed call), `by_hand` (httpx + hmac),
`run_signing` / `run_empty` (`Sandbox.run` of the signing script / of `;` with the request
the client sends). Only the timed loop is counted: the helper library's functions switch
callgrind's collection on and off around it.
"""

from __future__ import annotations

import ctypes
import hashlib
import hmac
import importlib
import sys
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

LIMIT_S = (
    1e5  # the deadline is never re-armed inside the loop (arming varies run to run)
)


def _generated(server: str) -> Callable[[], Any]:
    package = importlib.import_module("signed_bench")
    client = package.SignedBench(max_retries=0)
    client.scripts.time_limit = LIMIT_S
    return client.order


def _by_hand(server: str) -> Callable[[], Any]:
    import httpx  # noqa: PLC0415

    raw = httpx.Client()
    secret = b"bench-secret"

    def call() -> Any:
        query = urlencode(
            {
                "symbol": "BNBUSDT",
                "orderId": "42",
                "timestamp": str(int(time.time() * 1000)),
            }
        )
        signature = hmac.new(secret, query.encode(), hashlib.sha256).hexdigest()
        response = raw.get(
            f"{server}/api/v3/order?{query}&signature={signature}",
            headers={"X-API-KEY": "bench-key"},
        )
        response.raise_for_status()
        return response.json()

    return call


def _run(source: str) -> Callable[[], Any]:
    from pmgen.sandbox import Limits, Sandbox, Script, VariableScopes  # noqa: PLC0415

    sandbox = Sandbox(limits=Limits(time_s=LIMIT_S))
    script = Script(source=source, event="prerequest", level="collection", owner="c")
    scopes = VariableScopes(
        collection={"secret": "s", "api_key": "k", "base": "http://127.0.0.1"}
    )
    item = {"disabled": False}
    request: dict[str, Any] = {
        "method": "GET",
        "url": {
            "raw": "{{base}}/api/v3/order?symbol=BNBUSDT&orderId=42&timestamp={{timestamp}}",
            "protocol": None,
            "host": ["{{base}}"],
            "port": None,
            "path": ["api", "v3", "order"],
            "query": [
                {"key": "symbol", "value": "BNBUSDT", **item},
                {"key": "orderId", "value": "42", **item},
                {"key": "timestamp", "value": "{{timestamp}}", **item},
            ],
            "variable": [],
            "hash": None,
        },
        "header": [],
        "body": None,
        "auth": None,
    }

    def call() -> Any:
        scopes.local.clear()  # pm.variables live for one request, as in the client
        return sandbox.run(
            [script], request_name="Order", request=request, scopes=scopes
        )

    return call


def main() -> None:
    mode, calls, server, toggle = (
        sys.argv[1],
        int(sys.argv[2]),
        sys.argv[3],
        sys.argv[4],
    )
    if mode == "generated":
        fn = _generated(server)
    elif mode == "by_hand":
        fn = _by_hand(server)
    else:
        from benchmarks.scripted import SIGN  # noqa: PLC0415

        fn = _run(SIGN if mode == "run_signing" else ";")
    for _ in range(10):  # warm up: connections, the engine's context, caches
        fn()
    helper = ctypes.CDLL(toggle)
    helper.pmgen_collect_on()
    for _ in range(calls):
        fn()
    helper.pmgen_collect_off()


if __name__ == "__main__":
    main()
