"""The timing side of `benchmarks.scripted`, in a fresh interpreter.

    python scripted_child.py CONFIG_JSON

The generated client's method (its collection script signs the query in the sandbox)
against the same request built by hand: `time`, `hmac`, `hashlib` and httpx. Batches
alternate; per-call times are medians over batches (`ratio` is theirs); `ratio_paired` is
the median of each batch's ratio to the by-hand batch after it. Prints one JSON line.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import statistics
import sys
import time
from typing import Any
from urllib.parse import urlencode

import httpx


def main() -> None:
    config = json.loads(sys.argv[1])
    package = importlib.import_module(config["package"])
    client = package.SignedBench(max_retries=0)
    raw = httpx.Client()
    secret = config["secret"].encode()
    url = config["server"] + "/api/v3/order"

    def generated() -> Any:
        return client.order()

    def by_hand() -> Any:
        query = urlencode(
            {
                "symbol": "BNBUSDT",
                "orderId": "42",
                "timestamp": str(int(time.time() * 1000)),
            }
        )
        signature = hmac.new(secret, query.encode(), hashlib.sha256).hexdigest()
        response = raw.get(
            f"{url}?{query}&signature={signature}", headers={"X-API-KEY": "bench-key"}
        )
        response.raise_for_status()
        return response.json()

    for _ in range(10):  # warm up: connections, the engine's context, caches
        generated()
        by_hand()
    times: dict[str, list[float]] = {"generated": [], "by_hand": []}
    for _ in range(config["batches"]):
        for name, fn in (("generated", generated), ("by_hand", by_hand)):
            started = time.perf_counter()
            for _ in range(config["calls"]):
                fn()
            times[name].append((time.perf_counter() - started) / config["calls"])
    gen_us = statistics.median(times["generated"]) * 1e6
    hand_us = statistics.median(times["by_hand"]) * 1e6
    # each batch against the by-hand batch right after it: a burst of load from other
    # processes that lasts a batch or two moves one pair, not the medians of both sides
    paired = statistics.median(
        g / h for g, h in zip(times["generated"], times["by_hand"], strict=True)
    )
    print(
        json.dumps(
            {
                "generated_us": gen_us,
                "by_hand_us": hand_us,
                "ratio": gen_us / hand_us,
                "ratio_paired": paired,
                "calls": config["calls"] * config["batches"],
            }
        )
    )


if __name__ == "__main__":
    main()
