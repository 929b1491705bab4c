"""How the benchmarks call each pmgen command, and which commands exist yet.

A command counts as available when its module `generator/commands/<name>.py` exists
(that is how `pmgen` itself lists them); the rest are reported "not available yet".
Every run gets its own format cache dir (`PMGEN_CACHE_DIR`) so "cold" means cold.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

PACKAGE = "bench_api"
COMMANDS = ("inspect", "client", "snippets", "docs", "generate")
# The nine styles the issue names (`publisher` only maps a publisher's choice onto these).
SNIPPET_STYLES = (
    "python-requests",
    "python-httpx",
    "python-httpx-async",
    "python-http.client",
    "curl",
    "httpie",
    "wget",
    "http",
    "python-client",
)


def available(name: str) -> bool:
    try:
        return importlib.util.find_spec(f"pmgen.commands.{name}") is not None
    except ModuleNotFoundError:
        return False


def pmgen() -> list[str]:
    """The installed `pmgen` script beside this interpreter, else the module."""
    script = Path(sys.executable).parent / "pmgen"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pmgen.cli"]


def argv(name: str, source: Path, out: Path) -> list[str]:
    base = [*pmgen(), "--quiet"]
    if name == "inspect":
        return [*base, "inspect", str(source)]
    if name == "snippets":
        styles = [arg for style in SNIPPET_STYLES for arg in ("--style", style)]
        return [*base, "snippets", str(source), "-o", str(out), *styles]
    if name in ("client", "generate"):
        # A fixed package name: the same for every input, so outputs compare.
        return [*base, name, str(source), "-o", str(out), "--name", PACKAGE]
    return [*base, name, str(source), "-o", str(out)]


def env(cache_dir: Path) -> dict[str, str]:
    """The caller's environment with its own cache dir; bytecode caching on, as a user
    has it (some sandboxes set PYTHONDONTWRITEBYTECODE: every run then compiles pmgen).
    """
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**inherited, "PMGEN_CACHE_DIR": str(cache_dir)}
