"""Shell and Python snippets, run with hostile values against a local echo server, create no
file and run no command: every hostile value arrives at the server as data instead."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.echo_server import EchoServer
from tests.security.hostile import MARKER, PYTHON_BREAKOUTS, SHELL_BREAKOUTS

pytest.importorskip("pmgen.emitters.snippets")
from pmgen.emitters import snippets
from pmgen.importer import load

RUNNERS = {"py": [sys.executable], "sh": ["bash"]}
STYLES = [
    "python-requests",
    "python-httpx",
    "python-http.client",
    "curl",
    "httpie",
    "wget",
]
# Interpreter start-up dominates (httpie ~2 s a run): shell styles run every payload, the
# slow ones a sample, unless PMGEN_SECURITY_FULL=1. Python snippets are also AST-checked.
FULL = os.environ.get("PMGEN_SECURITY_FULL") == "1"
SAMPLE_EVERY = {
    "httpie": 5,
    "python-requests": 6,
    "python-httpx": 6,
    "python-http.client": 4,
}
PAYLOADS = [
    *SHELL_BREAKOUTS,
    *PYTHON_BREAKOUTS[:6],
    "{{ 7*7 }}",
    "日本語 é 🙂",
    "\u202egnp.exe",
]


def _collection(base_url: str) -> dict[str, object]:
    items = []
    for n, payload in enumerate(PAYLOADS):
        items.append(
            {
                "name": f"{payload} #{n}",
                "request": {
                    "method": "POST",
                    # http.client cannot send non-latin-1 header values (conformance, not safety)
                    "header": [
                        {
                            "key": "X-Hostile",
                            "value": payload if payload.isascii() else "x",
                        }
                    ],
                    "url": {
                        "raw": f"{{{{baseUrl}}}}/p/{n}?q={payload}",
                        "host": ["{{baseUrl}}"],
                        "path": ["p", str(n)],
                        "query": [{"key": "q", "value": payload}],
                    },
                    "body": (
                        {
                            "mode": "urlencoded",
                            "urlencoded": [{"key": "field", "value": payload}],
                        }
                        if n % 2
                        else {
                            "mode": "raw",
                            "raw": payload,
                            "options": {"raw": {"language": "text"}},
                        }
                    ),
                    "description": payload,
                },
            }
        )
    return {
        "info": {
            "name": f"hostile {MARKER}",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": items,
        "variable": [{"key": "baseUrl", "value": base_url}],
    }


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer() as echo:
        yield echo


def _tools(style_ext: str, path: str) -> bool:
    style = path.split("/", 1)[0]
    needed = {"curl": "curl", "wget": "wget", "httpie": "http"}.get(style)
    if (
        needed
        and shutil.which(needed) is None
        and not (Path(sys.executable).parent / needed).exists()
    ):
        return False
    return style_ext in RUNNERS


def test_hostile_snippets_run_as_data(tmp_path: Path, server: EchoServer) -> None:
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(_collection(server.url)), encoding="utf-8")
    styles = [
        "python-requests",
        "python-httpx",
        "python-http.client",
        "curl",
        "httpie",
        "wget",
    ]
    files = snippets.emit(load(str(source)), styles=styles)
    workdir = tmp_path / "run"
    workdir.mkdir()
    env = {
        **os.environ,
        "HOME": str(workdir),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    ran = 0
    unsent: list[str] = []
    seen: dict[str, int] = {}
    for path, text in sorted(files.items()):
        ext = path.rsplit(".", 1)[-1]
        if not _tools(ext, path):
            continue
        style = path.split("/", 1)[0]
        seen[style] = seen.get(style, -1) + 1
        if not FULL and seen[style] % SAMPLE_EVERY.get(style, 1):
            continue
        script = tmp_path / "snippets" / path
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_text(text, encoding="utf-8")
        before = len(server.requests)
        result = subprocess.run(
            [*RUNNERS[ext], str(script)],
            cwd=workdir,
            env=env,
            capture_output=True,
            timeout=60,
            check=False,
        )
        ran += 1
        if (
            len(server.requests) == before
        ):  # refusing a value (e.g. a newline in a header) is fine
            unsent.append(
                f"{path}: {result.stderr.decode(errors='replace').strip()[-200:]}"
            )
        leftovers = sorted(
            p.name for p in workdir.iterdir() if not p.name.startswith(".")
        )
        assert not leftovers, f"{path} created files: {leftovers}"
    assert ran >= len(PAYLOADS) * 2 + 10, f"only {ran} snippets could run"
    assert len(unsent) <= ran // 10, "too many snippets sent nothing:\n" + "\n".join(
        unsent
    )
    assert not list(tmp_path.rglob(f"{MARKER}*")), "a hostile command ran"
    for record in server.requests:  # no header smuggled in through a newline
        names = [name for name, _ in record["headers"]]
        assert not any(MARKER in name for name in names), f"header injection: {names}"
    # The values arrived as data, verbatim: e.g. the header of the first shell payload.
    sent = {
        v for r in server.requests for k, v in r["headers"] if k.lower() == "x-hostile"
    }
    assert SHELL_BREAKOUTS[0] in sent
