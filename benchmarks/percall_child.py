"""The timing side of the per-call benchmark, run in a fresh interpreter.

    python percall_child.py CONFIG.json

CONFIG: package, client_class, call (a call expression on `client`, produced by pmgen's
`render_usage`), server (http://127.0.0.1:PORT), calls, batches. One generated call is
captured first (an httpx request hook on a separate client) so the raw httpx call can
replay exactly the same method, URL, headers and body. Then batches of generated and raw
calls alternate; per-call times are the medians over batches. Prints one JSON line.
"""

from __future__ import annotations

import importlib
import json
import statistics
import sys
import time
from typing import Any

import httpx


def main() -> None:
    config = json.loads(open(sys.argv[1], encoding="utf-8").read())
    package = importlib.import_module(config["package"])
    client_class = getattr(package, config["client_class"])
    call = compile(config["call"], "<pmgen call>", "eval")
    options = {"base_url": config["server"], "auth": None, "max_retries": 0}

    captured: list[httpx.Request] = []
    hooked = httpx.Client(event_hooks={"request": [captured.append]})
    eval(call, {"client": client_class(http_client=hooked, **options)})
    sent = captured[0]
    sent.read()
    headers = [
        (k, v)
        for k, v in sent.headers.multi_items()
        if k.lower() not in ("content-length",)
    ]

    client = client_class(**options)
    raw = httpx.Client()
    scope = {"client": client}

    def generated() -> Any:
        return eval(call, scope)

    def raw_call() -> Any:
        response = raw.request(
            sent.method, sent.url, headers=headers, content=sent.content or None
        )
        response.raise_for_status()
        return response.json()

    for _ in range(20):  # warm up both paths (connections, caches)
        generated()
        raw_call()
    gen_times: list[float] = []
    raw_times: list[float] = []
    for _ in range(config["batches"]):
        for fn, times in ((generated, gen_times), (raw_call, raw_times)):
            started = time.perf_counter()
            for _ in range(config["calls"]):
                fn()
            times.append((time.perf_counter() - started) / config["calls"])
    gen_us, raw_us = (
        statistics.median(gen_times) * 1e6,
        statistics.median(raw_times) * 1e6,
    )
    print(
        json.dumps(
            {
                "generated_us": gen_us,
                "raw_us": raw_us,
                "ratio": gen_us / raw_us,
                "method": sent.method,
                "path": sent.url.path,
                "calls": config["calls"] * config["batches"],
            }
        )
    )


if __name__ == "__main__":
    main()
