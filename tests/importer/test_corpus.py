"""Every real collection imports, with exactly the requests an independent walk counts,
and keys exactly as Newman's recordings name them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pmgen.importer import load
from tests.conftest import SHARED, slow_unless
from tests.importer.helpers import invoke


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


def _operations(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for item in items:
        found.extend(_operations(item["items"]) if item["kind"] == "folder" else [item])
    return found


@pytest.mark.parametrize(
    "path",
    slow_unless(_collections(), lambda p: p.stat().st_size <= 2_000_000),
    ids=lambda p: p.name,
)
def test_inspect_json_reports_every_request(path: Path, shared_dir: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    result = invoke("inspect", str(path), "--json")
    assert result.returncode == 0, result.stderr
    model = json.loads(result.stdout)
    operations = _operations(model["items"])
    assert len(operations) == count_requests(raw)
    assert model["info"]["name"]
    ids = [op["id"] for op in operations]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "path",
    sorted((SHARED / "seed-collections").glob("*/*.published.json")),
    ids=lambda p: p.parent.name,
)
def test_seed_metadata_files_import(path: Path, shared_dir: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    info = raw["collection"]["info"]
    collection = load(str(path))
    assert collection.info.name == info["name"]
    assert collection.info.description == info["description"]
    assert collection.info.format == "published-metadata"
    assert collection.publish and collection.publish.published_id == info["publishedId"]
    assert collection.publish.owner_id == info["owner"]
    assert len(collection.publish.languages) == len(json.loads(raw["languages"])) > 0
    assert [e.name for e in collection.environments] == [
        e["name"] for e in raw["environments"]
    ]
    for env, raw_env in zip(collection.environments, raw["environments"], strict=True):
        assert [v.key for v in env.values] == [v["key"] for v in raw_env["values"]]
    assert not list(collection.operations())
    assert "requests live in the full collection" in collection.diagnostics[0].message


def _recorded() -> list[Path]:
    return sorted(SHARED.glob("*/expected/*/expected.jsonl"))


@pytest.mark.parametrize("expected", _recorded(), ids=lambda p: p.parent.name)
def test_keys_match_newman_recordings(expected: Path, shared_dir: Path) -> None:
    lines = [
        json.loads(line) for line in expected.read_text(encoding="utf-8").splitlines()
    ]
    collection = load(str(expected.parent / "collection.json"))
    assert [op.key for op in collection.operations()] == [line["key"] for line in lines]
