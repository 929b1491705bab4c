"""Every real collection imports, with exactly the requests an independent walk counts,
and keys exactly as Newman's recordings name them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.importer import load
from tests.conftest import SHARED


def _collections() -> list[Path]:
    found = sorted((SHARED / "corpus").glob("*collection.json"))
    found += sorted((SHARED / "seed-collections").glob("*/*.postman_collection.json"))
    return found


def count_requests(value: Any) -> int:
    """Leaf requests, counted from the raw JSON without the importer's help."""
    if isinstance(value, dict) and isinstance(value.get("collection"), dict):
        value = value["collection"]
    if isinstance(value, dict) and isinstance(value.get("requests"), list):  # v1
        return len(value["requests"])
    total = 0
    stack = [value]
    while stack:
        node = stack.pop()
        children = (
            node.get("item", node.get("items")) if isinstance(node, dict) else None
        )
        if isinstance(children, list) and "request" not in node:
            stack.extend(children)
        elif node is not value:
            total += 1
    return total


@pytest.mark.parametrize("path", _collections(), ids=lambda p: p.name)
def test_collection_imports_with_every_request(path: Path, shared_dir: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    collection = load(str(path))
    assert sum(1 for _ in collection.operations()) == count_requests(raw)
    assert collection.info.name
    ids = [op.id for op in collection.operations()]
    assert len(ids) == len(set(ids))


def _recorded() -> list[Path]:
    return sorted(SHARED.glob("*/expected/*/expected.jsonl"))


@pytest.mark.parametrize("expected", _recorded(), ids=lambda p: p.parent.name)
def test_keys_match_newman_recordings(expected: Path, shared_dir: Path) -> None:
    lines = [
        json.loads(line) for line in expected.read_text(encoding="utf-8").splitlines()
    ]
    collection = load(str(expected.parent / "collection.json"))
    assert [op.key for op in collection.operations()] == [line["key"] for line in lines]
