"""A tiny collection builder and a tiny emitter, so lifecycle tests need no real emitter."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from pmgen.emitters import EMITTERS
from pmgen.model import Collection
from pmgen.render import pyrepr


def request(
    name: str, method: str = "GET", path: str = "users", **extra: Any
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": name,
        "id": extra.pop("id", f"id-{name}"),
        "request": {
            "method": method,
            "url": {
                "raw": f"https://api.example.com/{path}",
                "protocol": "https",
                "host": ["api", "example", "com"],
                "path": path.split("/"),
                "query": extra.pop("query", []),
            },
            "header": extra.pop("header", []),
        },
    }
    item["request"].update(extra)
    return item


def collection_json(
    items: list[dict[str, Any]], name: str = "Demo API"
) -> dict[str, Any]:
    return {
        "info": {
            "name": name,
            "_postman_id": "c0ffee00-0000-4000-8000-000000000000",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": items,
    }


def write_collection(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(collection_json(items), indent=2))
    return path


def tiny_emitter(collection: Collection) -> Mapping[str, str]:
    """One Python module per request plus an index: enough to see what a change touches."""
    files = {}
    names = []
    for op in collection.operations():
        names.append(op.identifier)
        files[f"ops/{op.identifier}.py"] = (
            f"METHOD = {pyrepr(op.request.method)}\nURL = {pyrepr(op.request.url.raw)}\n"
            f"QUERY = {pyrepr([q.key for q in op.request.url.query])}\n"
        )
    files["index.md"] = "".join(f"- {n}\n" for n in sorted(names))
    return files


# Stand-ins for the pipeline's three emitters: the tiny emitter as the client, a
# one-file "docs", no snippets.
FAKE_EMITTERS: dict[str, Callable[..., Mapping[str, str]]] = {
    "client": lambda c, _options: tiny_emitter(c),
    "snippets": lambda c, _options: {},
    "docs": lambda c, _options: {"README.md": f"# {c.info.name}\n"},
}


def use_fake_emitters(patch: Callable[[Any, str, Any], None]) -> None:
    for name, fake in FAKE_EMITTERS.items():
        patch(EMITTERS, name, fake)


@pytest.fixture
def fake_emitters(monkeypatch: pytest.MonkeyPatch) -> None:
    """`pmgen generate` with the tiny emitter in place of the three real ones."""
    use_fake_emitters(monkeypatch.setitem)
