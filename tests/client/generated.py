"""Generate a client into a directory (black-formatted, as `pmgen client` writes it) and
import it in-process for runtime tests."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from pmgen.emitters.client import emit
from pmgen.formatting import format_python
from pmgen.importer import load


def generate(collection_json: dict[str, Any], out: Path, package: str, *, reveal: bool = False,
             env_files: list[str] | None = None) -> dict[str, str]:
    src = out / "collection.json"
    out.mkdir(parents=True, exist_ok=True)
    src.write_text(json.dumps(collection_json), encoding="utf-8")
    collection = load(str(src), env_files=env_files or [])
    files = format_python(emit(collection, package_name=package, reveal_secrets=reveal))
    for rel, text in files.items():
        path = out / "project" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return files


def import_package(project: Path, package: str) -> ModuleType:
    sys.path.insert(0, str(project))
    try:
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(project))
