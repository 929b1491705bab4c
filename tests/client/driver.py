"""Runs python-client usage programs one by one inside the generated project's venv and
writes what the echo server logged for each (`actual.jsonl` rows for compare.py).

    python driver.py ITEMS.json ECHO_LOG.jsonl ACTUAL.jsonl PACKAGE

Standard library + the generated package only (it runs in the test venv).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import sys
import time
from typing import Any


def _freeze_clock() -> None:
    """The recording's frozen clock (PMGEN_TEST_FROZEN_CLOCK, set by the conformance run):
    what the client signs over the time matches Newman's request only at that moment."""
    value = os.environ.get("PMGEN_TEST_FROZEN_CLOCK")
    if value:
        frozen = float(value)
        time.time = lambda: frozen


def main() -> None:
    items_path, log_path, out_path, package = sys.argv[1:5]
    _freeze_clock()
    base = importlib.import_module(f"{package}._base_client")
    base.INITIAL_RETRY_DELAY = 0.01  # type: ignore[attr-defined]  (fail fast on dead hosts)
    items: list[dict[str, Any]] = json.loads(open(items_path, encoding="utf-8").read())
    rows = []
    with open(log_path, "a+", encoding="utf-8") as log:
        for item in items:
            log.seek(0, 2)
            start = log.tell()
            error = None
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(
                        compile(item["code"], item["key"], "exec"),
                        {"__name__": "__usage__"},
                    )
            except Exception as exc:  # recorded: compare.py reports it
                error = f"{type(exc).__name__}: {exc}"[:500]
            log.seek(start)
            requests = [
                json.loads(line) for line in log.read().splitlines() if line.strip()
            ]
            rows.append({"key": item["key"], "requests": requests, "error": error})
    with open(out_path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
