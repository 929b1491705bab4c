"""Run one random collection through pmgen in process: import, every emitter, every check.

Shared by the property tests (few examples in CI) and `fuzz_main.py` (10,000+). An emitter
that has not landed yet is skipped (reported by `available_emitters`).
"""

from __future__ import annotations

import functools
import importlib
import json
import tempfile
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pmgen.errors import InputError
from pmgen.model import Collection
from tests.security.checks import file_violations, secret_violations

Files = dict[str, str]
Emitter = Callable[[Collection], Files]


def import_json(document: Any, environment: Any = None) -> Collection | None:
    """The importer on a document (via a real file): a Collection, or None on InputError.

    Anything else it raises is a bug and propagates.
    """
    from pmgen.importer import load  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="pmgen-fuzz-") as tmp:
        source = Path(tmp) / "collection.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        env_files = []
        if environment is not None:
            env_path = Path(tmp) / "env.json"
            env_path.write_text(json.dumps(environment), encoding="utf-8")
            env_files.append(str(env_path))
        try:
            return load(str(source), env_files=env_files)
        except InputError:
            return None


def _client(collection: Collection) -> Files:
    module = importlib.import_module("pmgen.emitters.client")
    files: Files = module.emit(
        collection, package_name="fuzzed_api", reveal_secrets=False
    )
    return files


def _snippets(collection: Collection) -> Files:
    module = importlib.import_module("pmgen.emitters.snippets")
    files: Files = module.emit(collection, reveal_secrets=False)  # every default style
    return files


def _docs(collection: Collection) -> Files:
    _reuse_environment(importlib.import_module("pmgen.emitters.docs"))
    shown = importlib.import_module("pmgen.docs_snippets")
    files: Files = shown.docs_with_snippets(collection, reveal_secrets=False)
    return files


def _reuse_environment(module: Any) -> None:
    """`docs.emit` builds a fresh Jinja overlay per call, so every call recompiles its
    templates: nothing for one CLI run, a third of a fuzz example. The overlay depends on
    the templates directory only (its filters are pure functions), so one per directory
    renders exactly the same files."""
    factory = getattr(module, "_environment", None)
    if callable(factory) and not hasattr(factory, "cache_info"):
        module._environment = functools.cache(factory)


EMITTERS: dict[str, tuple[str, Emitter]] = {
    "client": ("pmgen.emitters.client", _client),
    "snippets": ("pmgen.emitters.snippets", _snippets),
    "docs": ("pmgen.emitters.docs", _docs),
}


def available_emitters() -> dict[str, Emitter]:
    found = {}
    for name, (module, emitter) in EMITTERS.items():
        if importlib.util.find_spec(module) is not None:
            found[name] = emitter
    return found


def format_files(files: Mapping[str, str]) -> Files:
    """What the writer would get: black + compile via pmgen.formatting when present."""
    try:
        from pmgen.formatting import format_python  # noqa: PLC0415
    except ImportError:
        return dict(files)
    return format_python(dict(files))


def emit_and_check(
    collection: Collection, emitters: Mapping[str, Emitter]
) -> list[str]:
    """Every emitter's output passes every check; returns the violations.

    Each emitter runs on its own: one crashing (anything but InputError) is reported as
    `[name] crash: ...` and the others are still checked.
    """
    problems: list[str] = []
    for name, emitter in emitters.items():
        try:
            files = emitter(collection)
        except InputError:
            continue
        except Exception as exc:  # a generator bug on hostile input
            where = traceback.extract_tb(exc.__traceback__)[-1]
            problems.append(
                f"[{name}] crash: {type(exc).__name__}: {str(exc)[:200]} "
                f"(at {Path(where.filename).name}:{where.lineno})"
            )
            continue
        problems += [f"[{name}] {p}" for p in file_violations(files)]
        problems += [f"[{name}] {p}" for p in secret_violations(files)]
    return problems
