"""`importer/scripts.py` parses each distinct script text once: the model must not change."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmgen.importer import load, scripts
from tests.conftest import slow_unless

CORPUS = slow_unless(
    ["commercetools", "newman-inherited-entities", "plaid", "salesforce"],
    lambda name: name in {"newman-inherited-entities", "plaid"},
)


def _unmemoized(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scripts, "_script", scripts._script.__wrapped__)
    monkeypatch.setattr(
        scripts, "_script_variables", scripts._script_variables.__wrapped__
    )


@pytest.mark.parametrize("name", CORPUS)
def test_memoized_import_gives_the_same_model(
    name: str, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = corpus_dir / f"{name}.postman_collection.json"
    scripts._script.cache_clear()
    memoized = load(str(path)).model_dump_json()
    assert scripts._script.cache_info().hits > 0 or name != "commercetools"
    _unmemoized(monkeypatch)
    assert load(str(path)).model_dump_json() == memoized


def test_same_text_in_both_events_and_fresh_lists() -> None:
    source = 'pm.environment.set("token", pm.response.json().data.token);'
    events = [
        {"listen": "prerequest", "script": {"exec": [source]}},
        {"listen": "test", "script": {"exec": source}},
        {"listen": "test", "script": {"exec": [source]}, "disabled": True},
    ]
    found = scripts.scripts(events)
    assert [s.event for s in found] == ["prerequest", "test"]
    assert found[0].sets == found[1].sets
    assert found[0].sets[0].json_path == ["data", "token"]
    mine = scripts.script_variables(source)
    mine.clear()  # a caller's list is its own: the cache keeps its entries
    assert len(scripts.script_variables(source)) == 1
