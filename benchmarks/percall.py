"""Per-call overhead of a generated client method against a raw httpx call.

The call is the one pmgen's own `python-client` snippet makes for a GET request of a
synthetic collection (`pmgen.emitters.client_usage.render_usage`); the server is
`percall_server.py` in its own process; the timing runs in `percall_child.py`.
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benchmarks.run import Bench, Input

HERE = Path(__file__).resolve().parent
CALLS, BATCHES = 100, 9
PREFERRED = ("synth-100", "synth-1000", "synth-20")


def _call_from_usage(program: str) -> tuple[str, str]:
    """(client class, call expression) from a `python-client` snippet program."""
    tree = ast.parse(program)
    client_class = call = None
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.names:
            client_class = node.names[0].name
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and any(isinstance(t, ast.Name) and t.id == "result" for t in node.targets)
        ):
            call = ast.unparse(node.value)
    if client_class is None or call is None or not call.startswith("client."):
        raise ValueError("unexpected python-client snippet shape")
    return client_class, call


def _pick_operation(collection: Any) -> Any:
    operations = list(collection.operations())
    return next(
        (op for op in operations if op.request.method.upper() == "GET"), operations[0]
    )


@contextlib.contextmanager
def keepalive_server() -> Iterator[str]:
    """`percall_server.py` in its own process; yields its URL, stops it on exit (it ends
    when its stdin closes, so it cannot outlive the benchmark)."""
    server = subprocess.Popen(
        [sys.executable, str(HERE / "percall_server.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        yield f"http://127.0.0.1:{int(server.stdout.readline())}"
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=10)


def _time_calls(path_entry: Path, config: dict[str, Any], work: Path) -> dict[str, Any]:
    with keepalive_server() as url:
        config = {**config, "server": url}
        config_path = work / "percall.json"
        config_path.write_text(json.dumps(config), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(path_entry)}
        out = subprocess.run(
            [sys.executable, str(HERE / "percall_child.py"), str(config_path)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if out.returncode != 0:
        lines = out.stderr.strip().splitlines()
        return {"ok": False, "error": lines[-1] if lines else f"exit {out.returncode}"}
    return {"ok": True, **json.loads(out.stdout.strip().splitlines()[-1])}


def measure(
    bench: Bench, inputs: list[Input], log: Callable[[str], None]
) -> dict[str, Any]:
    # Imported here: the client emitter may not exist yet, and clientbench imports us.
    from benchmarks.clientbench import generated_client, locate_package  # noqa: PLC0415
    from pmgen.emitters import client_usage  # noqa: PLC0415
    from pmgen.importer import load  # noqa: PLC0415

    by_label = {i.label: i for i in inputs}
    chosen = next((by_label[x] for x in PREFERRED if x in by_label), inputs[-1])
    out, error = generated_client(bench, chosen.path)
    if out is None:
        return {"ok": False, "error": error}
    located = locate_package(out)
    if located is None:
        return {"ok": False, "error": f"no package in {out}"}
    path_entry, package = located
    collection = load(str(chosen.path))
    operation = _pick_operation(collection)
    program = client_usage.render_usage(
        collection, operation, package=package, reveal_secrets=False
    )
    client_class, call = _call_from_usage(program)
    config = {
        "package": package,
        "client_class": client_class,
        "call": call,
        "calls": CALLS,
        "batches": BATCHES,
    }
    result = _time_calls(path_entry, config, out.parent)
    result.update(input=chosen.label, operation=operation.key)
    if result["ok"]:
        log(
            f"per-call ({chosen.label}, {operation.key}): "
            f"generated {result['generated_us']:.0f} µs, raw {result['raw_us']:.0f} µs, "
            f"ratio {result['ratio']:.2f}"
        )
    return result
