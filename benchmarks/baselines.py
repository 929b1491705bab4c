"""Optional baselines, measured in the same run as pmgen (skipped when not installed).

- postman-code-generators (Node) over every request of the collection for one style
  (python-requests), against `pmgen snippets --style python-requests` on the same file.
  It only renders strings in memory; pmgen also formats and writes files.
- openapi-python-client on the collection converted to OpenAPI by `postman-to-openapi`
  (JSON bodies that do not parse are marked text first: the converter crashes on them),
  against `pmgen client` on the original collection. The conversion keeps one operation
  per method + path, far fewer than the collection's requests (counted in the report).

Both live outside the repository: Node modules in `$PMGEN_BENCH_NODE_DIR` (default
`~/.cache/pmgen-bench/node`), openapi-python-client in the venv `$PMGEN_BENCH_OPC_VENV`
(default `~/.cache/pmgen-bench/opc-venv`). `--install-baselines` installs both there.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks import commands

if TYPE_CHECKING:
    from benchmarks.run import Bench

HERE = Path(__file__).resolve().parent
CACHE = Path.home() / ".cache" / "pmgen-bench"
NODE_DIR = Path(os.environ.get("PMGEN_BENCH_NODE_DIR", CACHE / "node"))
OPC_VENV = Path(os.environ.get("PMGEN_BENCH_OPC_VENV", CACHE / "opc-venv"))
NODE_PACKAGES = ("postman-code-generators", "postman-collection", "postman-to-openapi")


def install_baselines(log: Callable[[str], None]) -> None:
    if shutil.which("npm"):
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        log(f"installing {', '.join(NODE_PACKAGES)} into {NODE_DIR}")
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                *NODE_PACKAGES,
            ],
            cwd=NODE_DIR,
            check=False,
        )
    if not (OPC_VENV / "bin" / "openapi-python-client").exists():
        log(f"installing openapi-python-client into {OPC_VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(OPC_VENV)], check=False)
        subprocess.run(
            [str(OPC_VENV / "bin" / "pip"), "install", "-q", "openapi-python-client"],
            check=False,
        )


def _node_env() -> dict[str, str]:
    return {**os.environ, "NODE_PATH": str(NODE_DIR / "node_modules")}


def _has_node_module(name: str) -> bool:
    return (
        shutil.which("node") is not None and (NODE_DIR / "node_modules" / name).is_dir()
    )


def _textify_invalid_json(items: list[dict[str, Any]]) -> None:
    for item in items:
        if "item" in item:
            _textify_invalid_json(item["item"])
            continue
        request = item.get("request")
        body = request.get("body") if isinstance(request, dict) else None
        if not isinstance(body, dict) or body.get("mode") != "raw":
            continue
        options = body.setdefault("options", {}).setdefault("raw", {})
        if options.get("language", "json") == "json":
            try:
                json.loads(body.get("raw") or '""')
            except ValueError:
                options["language"] = "text"


def pcg(bench: Bench, source: Path) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": "postman-code-generators",
        "what": "python-requests, every request",
    }
    if not _has_node_module("postman-code-generators"):
        return {
            **row,
            "ok": False,
            "error": f"not installed in {NODE_DIR} (--install-baselines)",
        }
    script = HERE / "baselines_js" / "pcg_snippets.js"
    m = bench.measure(
        lambda _: (
            ["node", str(script), str(source), "python", "requests"],
            _node_env(),
        )
    )
    if not m.ok:
        return {**row, "ok": False, "error": m.error}
    row.update(ok=True, seconds=m.seconds, rss_mb=m.tree_rss_mb)
    if commands.available("snippets"):

        def ours(_: int) -> tuple[list[str], dict[str, str]]:
            out = bench.fresh("snippets-one") / "out"
            argv = [
                *commands.pmgen(),
                "--quiet",
                "snippets",
                str(source),
                "-o",
                str(out),
                "--style",
                "python-requests",
            ]
            return argv, commands.env(bench.fresh("cache"))

        mine = bench.measure(ours)
        row["pmgen_what"] = "`snippets --style python-requests`"
        if mine.ok:
            row["pmgen_seconds"] = mine.seconds
        else:
            row["pmgen_error"] = mine.error
    return row


def openapi_python_client(
    bench: Bench, source: Path, measured: dict[str, Any]
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "name": "openapi-python-client",
        "what": "client from an OpenAPI conversion",
    }
    opc = OPC_VENV / "bin" / "openapi-python-client"
    if not opc.exists():
        return {
            **row,
            "ok": False,
            "error": f"not installed in {OPC_VENV} (--install-baselines)",
        }
    if not _has_node_module("postman-to-openapi"):
        return {
            **row,
            "ok": False,
            "error": f"postman-to-openapi not installed in {NODE_DIR}",
        }
    work = bench.fresh("openapi")
    data = json.loads(source.read_text(encoding="utf-8"))
    _textify_invalid_json(data.get("item", []))
    cleaned, spec = work / "collection.json", work / "openapi.yml"
    cleaned.write_text(json.dumps(data), encoding="utf-8")
    converted = subprocess.run(
        ["node", str(HERE / "baselines_js" / "to_openapi.js"), str(cleaned), str(spec)],
        env=_node_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if converted.returncode != 0:
        return {**row, "ok": False, "error": converted.stderr.strip()[-200:]}
    operations = len(
        re.findall(
            r"^    (?:get|post|put|patch|delete|head|options):", spec.read_text(), re.M
        )
    )
    env = {
        **os.environ,
        "PATH": f"{OPC_VENV / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
    }

    def build(_: int) -> tuple[list[str], dict[str, str]]:
        out = bench.fresh("opc") / "out"
        return [
            str(opc),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out),
            "--meta",
            "none",
        ], env

    m = bench.measure(build)
    if not m.ok:
        return {**row, "ok": False, "error": m.error}
    row.update(
        ok=True,
        seconds=m.seconds,
        rss_mb=m.tree_rss_mb,
        what=f"{row['what']} ({operations} operations)",
    )
    mine = measured.get("client", {})
    row["pmgen_what"] = "`client`, every request"
    if mine.get("ok"):
        row["pmgen_seconds"] = mine["seconds"]
    else:
        row["pmgen_error"] = mine.get("error") or "not measured"
    return row


def measure(
    bench: Bench,
    label: str,
    source: Path,
    *,
    install: bool,
    log: Callable[[str], None],
    measured: dict[str, Any],
) -> dict[str, Any]:
    """`measured`: pmgen's own measurements on `source` (reused, not run again)."""
    if install:
        install_baselines(log)
    rows = []
    for row in (pcg(bench, source), openapi_python_client(bench, source, measured)):
        log(
            f"baseline {row['name']}: "
            + (f"{row['seconds']:.2f} s" if row.get("ok") else row["error"])
        )
        rows.append(row)
    return {"input": label, "rows": rows}
