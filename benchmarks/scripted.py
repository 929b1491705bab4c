"""Per-call overhead of an operation signed by a collection-level HMAC pre-request script
(the crypto-exchange pattern: a timestamp and an HMAC-SHA256 over the query), run by the
generated client's script sandbox, against the same call made with httpx and Python's
`hmac` by hand. Target (issue: scripts in the client): at most 2x.

    .venv/bin/python -m benchmarks.scripted     # prints one JSON line

`benchmarks.run` includes it (the client section of the table).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.percall import keepalive_server

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CALLS, BATCHES = 50, 7
PACKAGE = "signed_bench"
SECRET = "bench-secret"
SIGN = """
const ts = Date.now();
pm.variables.set('timestamp', ts);
const query = pm.request.url.query.filter(q => q.key !== 'signature')
    .map(q => q.key + '=' + pm.variables.replaceIn(q.value)).join('&');
const signature = CryptoJS.HmacSHA256(query, pm.variables.get('secret')).toString();
pm.request.url.query.upsert({key: 'signature', value: signature});
pm.request.headers.upsert({key: 'X-API-KEY', value: pm.variables.get('api_key')});
"""


def collection(server: str) -> dict[str, Any]:
    return {
        "info": {
            "name": "Signed Bench",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "event": [{"listen": "prerequest", "script": {"exec": SIGN.splitlines()}}],
        "variable": [
            {"key": "base", "value": server},
            {"key": "secret", "value": SECRET},
            {"key": "api_key", "value": "bench-key"},
        ],
        "item": [
            {
                "name": "Order",
                "request": {
                    "method": "GET",
                    "url": "{{base}}/api/v3/order?symbol=BNBUSDT&orderId=42&timestamp={{timestamp}}",
                },
            }
        ],
    }


def _generate(server: str, out: Path) -> None:
    sys.path.insert(0, str(REPO))
    from pmgen.emitters.client import emit  # noqa: PLC0415
    from pmgen.formatting import format_python  # noqa: PLC0415
    from pmgen.importer import load  # noqa: PLC0415

    source = out / "collection.json"
    source.write_text(json.dumps(collection(server)), encoding="utf-8")
    files = format_python(
        emit(load(str(source)), package_name=PACKAGE, reveal_secrets=True)
    )
    for rel, text in files.items():
        path = out / "project" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def measure() -> dict[str, Any]:
    with (
        keepalive_server() as url,
        tempfile.TemporaryDirectory(prefix="pmgen-scripted-bench-") as tmp,
    ):
        _generate(url, Path(tmp))
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "project")}
        config = json.dumps(
            {
                "package": PACKAGE,
                "server": url,
                "secret": SECRET,
                "calls": CALLS,
                "batches": BATCHES,
            }
        )
        done = subprocess.run(
            [sys.executable, str(HERE / "scripted_child.py"), config],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return {"ok": False, "error": lines[-1] if lines else f"exit {done.returncode}"}
    return {"ok": True, **json.loads(done.stdout.strip().splitlines()[-1])}


if __name__ == "__main__":
    print(json.dumps(measure()))
