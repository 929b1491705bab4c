"""Docs for every real collection: render, cover every request, pass the link checker,
leak no secret.

Snippets are rendered for whole collections up to SNIPPET_LIMIT requests and for the
first SNIPPET_LIMIT requests of bigger ones (the snippet styles are the slow part);
`PMGEN_DOCS_FULL=1` renders snippets for every request of every collection (~5 minutes).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pmgen.docs_snippets import docs_with_snippets as emit
from pmgen.emitters.docs_links import check_links
from pmgen.secrets import SecretReport
from tests.docs.corpus import COLLECTIONS, SEEDS, load, sample, unlisted
from tests.docs.test_emit import assert_covers_every_request

FULL = os.environ.get("PMGEN_DOCS_FULL") == "1"
SNIPPET_LIMIT = 120


def test_every_shared_collection_is_listed(shared_dir: Path) -> None:
    assert unlisted(shared_dir) == []


@pytest.mark.parametrize("name", sorted(COLLECTIONS | SEEDS))
def test_docs_cover_every_request_and_links_resolve(
    shared_dir: Path, name: str
) -> None:
    collection = load(name)
    count = sum(1 for _ in collection.operations())
    assert count > 0
    big = count > SNIPPET_LIMIT and not FULL
    files = emit(collection, styles=() if big else ("curl", "python-requests"))
    assert_covers_every_request(collection, files)
    assert check_links(files) == []
    text = "\n".join(files.values())
    leaked = [
        v
        for v in SecretReport.of(collection).values
        if len(v) >= 6 and not v.isalpha() and v in text  # (letters only: placeholders)
    ]
    assert leaked == []
    if big:  # the snippets of a sample of it
        part = sample(collection, SNIPPET_LIMIT // 3)
        files = emit(part, styles=("curl", "python-requests"))
        assert_covers_every_request(part, files)
        assert check_links(files) == []
        assert "```shell" in "\n".join(files.values())


def test_seed_canary_never_appears(shared_dir: Path) -> None:
    collection = load("seed-collections/carrierx/carrierx-core.postman_collection.json")
    for site in (None, "mkdocs"):
        files = emit(collection, site=site)
        assert not [p for p, t in files.items() if "c1a2b3-example-token" in t]


def test_output_is_identical_across_processes(shared_dir: Path) -> None:
    """No dependence on hash seeds, dict/set order or time: two fresh runs, same bytes."""
    script = (
        "import hashlib, json, sys\n"
        "from tests.docs.corpus import load\n"
        "from pmgen.docs_snippets import docs_with_snippets as emit\n"
        "files = emit(load(sys.argv[1]), site='mkdocs')\n"
        "print(hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest())\n"
    )
    name = "seed-collections/vonage-contact-center/vonage-contact-center.postman_collection.json"
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, name],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
