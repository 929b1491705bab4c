"""The Python snippet styles render black's own layout, so `snippets.emit` marks them
black-stable and black skips them. Proven here against black itself: real collections
(corpus and seeds, sampled under CI), a hostile collection, random values."""

from __future__ import annotations

import ast
import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import black
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmgen.emitters import snippets
from pmgen.emitters.snippet_code import (
    assign,
    element,
    is_black_stable,
    pystr,
    tuple_element,
)
from pmgen.errors import InputError
from pmgen.formatting import BLACK_MODE, black_changes, format_python, stable_paths
from pmgen.importer import load
from pmgen.model import Collection
from tests.security.hostile import HOSTILE

PY_STYLES = sorted(snippets.BLACK_STABLE_STYLES)
# Each collection is cut to a sample of its requests (seeded: the same every run).
SAMPLE = int(os.environ.get("PMGEN_SNIPPET_SAMPLE", "12"))  # 0: every request


def _sampled(collection: Collection, seed: str) -> Iterator[str]:
    ids = [op.id for op in collection.operations()]
    if SAMPLE and len(ids) > SAMPLE:
        ids = random.Random(seed).sample(ids, SAMPLE)
    return iter(ids)


def _emit_sample(collection: Collection, seed: str) -> dict[str, str]:
    keep = set(_sampled(collection, seed))
    files = snippets.emit(collection, styles=PY_STYLES)
    index = json.loads(files["index.json"])
    wanted = {
        path
        for entry in index["requests"]
        if entry["id"] in keep
        for path in entry["snippets"].values()
    }
    stable = stable_paths(files)
    return {p: files[p] for p in sorted(wanted) if p in stable}


def _assert_stable(files: dict[str, str], total: int, minimum: float) -> None:
    assert not black_changes(files), "black changes files marked black-stable"
    if total:
        assert len(files) / total >= minimum, f"only {len(files)}/{total} marked"


def _collections(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.postman_collection.json"))


def test_corpus_snippets_marked_stable_are_black_output(corpus_dir: Path) -> None:
    for source in _collections(corpus_dir):
        collection = load(str(source))
        keep = set(_sampled(collection, source.name))
        stable = _emit_sample(collection, source.name)
        _assert_stable(stable, len(keep) * len(PY_STYLES), 0.0)


def test_nearly_every_corpus_snippet_is_marked(corpus_dir: Path) -> None:
    """Marking is the fast path: files black must still format should be rare."""
    marked = total = 0
    for source in _collections(corpus_dir):
        files = snippets.emit(load(str(source)), styles=PY_STYLES)
        total += sum(1 for p in files if p.endswith(".py"))
        marked += len(stable_paths(files))
    assert total and marked / total >= 0.97, (marked, total)


def test_seed_snippets_marked_stable_are_black_output(seed_dir: Path) -> None:
    for source in sorted(seed_dir.glob("*/*.json")):
        if "environment" in source.name:
            continue
        try:
            collection = load(str(source))
        except InputError:  # not every seed file is a collection
            continue
        _assert_stable(_emit_sample(collection, source.name), 0, 0.0)


def _hostile_collection(tmp: Path) -> Collection:
    items = []
    for n, text in enumerate([*HOSTILE, "é" * 90, "テスト" * 30, "x" * 200]):
        items.append({
            "name": text or "empty",
            "request": {
                "method": "POST",
                "header": [
                    {"key": "X-Value", "value": text},
                    {"key": "X-Long", "value": text * 3},
                    {"key": "Authorization", "value": "Bearer {{token}}" + text},
                ],
                "url": {
                    "raw": f"https://e.x/{n}?q={text}",
                    "host": ["e", "x"],
                    "path": [str(n)],
                    "query": [{"key": "q", "value": text}, {"key": text, "value": "{{$guid}}"}],
                },
                "body": (
                    {"mode": "raw", "raw": text * 2 + "{{token}}" + text}
                    if n % 3 == 0
                    else {"mode": "urlencoded", "urlencoded": [{"key": text, "value": text}]}
                    if n % 3 == 1
                    else {"mode": "formdata", "formdata": [
                        {"key": text, "value": text, "type": "text", "contentType": text},
                        {"key": "plain", "value": text + "{{$timestamp}}", "type": "text"},
                    ]}
                ),
            },
        })  # fmt: skip
    document = {
        "info": {
            "name": "Hostile \"\"\" \\ \u202e " + "n" * 100,
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "variable": [{"key": "token", "value": "s3cr3t-Value-0000000000", "type": "secret"}],
        "item": items,
    }  # fmt: skip
    source = tmp / "hostile.postman_collection.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    return load(str(source))


def test_hostile_values_keep_snippets_black_stable(tmp_path: Path) -> None:
    files = snippets.emit(_hostile_collection(tmp_path), styles=PY_STYLES)
    stable = {p: files[p] for p in stable_paths(files)}
    pys = [p for p in files if p.endswith(".py")]
    _assert_stable(stable, len(pys), 0.5)
    for path in pys:  # marked or not, every file compiles
        compile(files[path], path, "exec")


def test_verify_mode_accepts_a_corpus_run(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PMGEN_VERIFY_BLACK_STABLE=1 runs black on marked files and fails on a change."""
    monkeypatch.setenv("PMGEN_VERIFY_BLACK_STABLE", "1")
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")
    files = snippets.emit(
        load(str(corpus_dir / "pcg-formdata-file.postman_collection.json")),
        styles=PY_STYLES,
    )
    assert stable_paths(files)
    assert format_python(files, workers=1) == dict(files)


# ---- the layout helpers against black, on random values


def _black(source: str) -> str:
    return black.format_str(source, mode=BLACK_MODE)


texts = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120
) | st.sampled_from([*HOSTILE, "'\"", "\\'", '"\'"', "'" * 3 + '"'])
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(text=texts)
def test_pystr_is_the_literal_black_writes(text: str) -> None:
    literal = pystr(text)
    assert ast.literal_eval(literal) == text
    source = f"x = {literal}\n"
    if is_black_stable(source):
        assert _black(source) == source


operand_lists = st.lists(
    st.one_of(
        texts.map(pystr),
        st.sampled_from(['os.environ["PM_TOKEN"]', "str(uuid.uuid4())"]),
    ),
    min_size=1,
    max_size=4,
)


@SETTINGS
@given(ops=operand_lists, key=texts, name=texts)
def test_layouts_are_black_layouts(ops: list[str], key: str, name: str) -> None:
    source = "\n".join([
        assign("body_text", ops),
        "headers = {",
        element(ops, 4, lead=f"{pystr(key)}: "),
        "}",
        "headers = [",
        tuple_element([[pystr(name)], ops], 4),
        "]",
        "",
    ])  # fmt: skip
    compile(source, "layout", "exec")
    if is_black_stable(source):
        assert _black(source) == source
