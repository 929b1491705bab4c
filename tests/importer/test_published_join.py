"""`--published`: a collection file joined with its published-documentation metadata."""

from pathlib import Path

import pytest

from pmgen.errors import UsageError
from pmgen.importer import load

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_metadata_joins_the_collection_it_describes() -> None:
    collection = load(
        str(EXAMPLES / "callerdesk.postman_collection.json"),
        published_metadata=str(EXAMPLES / "callerdesk.published.json"),
    )
    assert collection.publish is not None
    assert collection.publish.published_id == "2sA3kPp4vp"
    assert "curl:cURL" in collection.publish.languages
    assert sum(1 for _ in collection.operations()) == 20
    assert not [d for d in collection.diagnostics if d.level == "warning"]


def test_metadata_of_another_collection_is_flagged() -> None:
    collection = load(
        str(EXAMPLES / "carrierx-core.postman_collection.json"),
        published_metadata=str(EXAMPLES / "callerdesk.published.json"),
    )
    assert any("describes collection" in d.message for d in collection.diagnostics)


def test_a_collection_is_not_metadata() -> None:
    with pytest.raises(UsageError, match="published-documentation metadata"):
        load(
            str(EXAMPLES / "callerdesk.postman_collection.json"),
            published_metadata=str(EXAMPLES / "carrierx-core.postman_collection.json"),
        )
