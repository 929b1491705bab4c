"""Any JSON shape in any field: the importer returns a Collection or raises InputError,
never another exception (deterministic type-chaos over every fixture form)."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmgen.errors import InputError
from pmgen.importer import load
from tests.importer.helpers import FIXTURES

REPLACEMENTS: list[Any] = [
    None,
    0,
    1.5,
    True,
    "",
    "x",
    [],
    {},
    [None],
    {"a": None},
    "{{x}}",
    -1,
]
V1 = {
    "id": "c1", "name": "Legacy", "order": ["r3"], "folders_order": ["f1"],
    "folders": [{"id": "f1", "name": "Outer", "order": ["r1"], "folders_order": ["f2"]},
                {"id": "f2", "name": "Inner", "order": ["r2"]}],
    "requests": [
        {"id": "r1", "name": "One", "method": "POST", "url": "http://x.test/:id",
         "pathVariables": {"id": "5"}, "headers": "A: 1\n", "dataMode": "urlencoded",
         "data": [{"key": "k", "value": "v", "enabled": False}], "currentHelper": "basicAuth",
         "helperAttributes": {"id": "basic", "username": "u"}, "tests": "x",
         "responses": [{"name": "ok", "responseCode": {"code": 200}}]},
        {"id": "r2", "name": "Two", "dataMode": "raw", "rawModeData": "{}"},
        {"id": "r3", "name": "Three", "dataMode": "graphql", "graphqlModeData": {"query": "q"}},
    ],
}  # fmt: skip


def _documents() -> list[Any]:
    bookshop = json.loads((FIXTURES / "bookshop.postman_collection.json").read_text())
    published = [
        json.loads((FIXTURES / "published" / name).read_text())
        for name in ("collection.json", "metadata.json")
    ]
    return [bookshop, {"collection": bookshop}, *published, V1]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node) if isinstance(node, list) else ()
    )
    for key, child in children:
        yield from _paths(child, (*path, key))


def _mutate(document: Any, rng: random.Random) -> Any:
    document = copy.deepcopy(document)
    paths = list(_paths(document))[1:]
    for _ in range(rng.randint(1, 4)):
        *parents, last = rng.choice(paths)
        node = document
        try:
            for key in parents:
                node = node[key]
            node[last] = copy.deepcopy(rng.choice(REPLACEMENTS))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation replaced this branch
    return document


@pytest.mark.parametrize("seed", range(4))
def test_type_chaos_never_crashes(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    documents = _documents()
    path = tmp_path / "chaos.json"
    for _ in range(150):
        path.write_text(json.dumps(_mutate(rng.choice(documents), rng)))
        try:
            load(str(path))
        except InputError:
            pass
