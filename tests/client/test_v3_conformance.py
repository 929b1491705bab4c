"""The generated client, built from the v3 folders of ../shared/v3/migrated (recorded
collections migrated by Postman's CLI), sends what Newman sent for the v2.1 originals.
Requests whose sending the format lost (FORMAT.md §16) are left out (`v3_losses`).

Sampled by default; every request when slow:
    .venv/bin/python -m pytest -q -m slow tests/client/test_v3_conformance.py
or by hand: `.venv/bin/python -m tests.client.conformance [--sample N] --v3 [NAME...]`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.client.conformance import run_collection, v3_recorded_collections
from tests.client.test_conformance import KNOWN as KNOWN_V21

SAMPLE = int(os.environ.get("PMGEN_V3_SAMPLE", "8"))
TARGET = 99.0
# The v2.1 harness's known misses hold for the same requests of the migrated folders.
KNOWN = {f"v3-{label}": why for label, why in KNOWN_V21.items()} | {
    # corpus2 is not in the v2.1 client harness; the client generated from the v2.1
    # originals sends these two the same way (run_collection on corpus2, by hand)
    "v3-opentok-video: Session / Create a session": "a raw JSON body under a urlencoded "
    "Content-Type: the client re-serializes the JSON, Newman sends the raw text",
    "v3-xero-oauth2: Refresh token": "Newman replaces an explicit Content-Type: application/json "
    "by multipart/form-data for a formdata body; pmgen keeps the explicit header",
}


def _run(shared_dir: Path, tmp_path: Path, sample: int | None) -> None:
    sources = v3_recorded_collections(shared_dir)
    if not sources:
        pytest.skip("../shared/v3/migrated is absent")
    totals = [0, 0]
    misses: list[str] = []
    for label, expected_dir, origin, v3_dir in sources:
        score = run_collection(label, expected_dir, origin, None, tmp_path / label,
                               sample=sample, v3_dir=v3_dir)  # fmt: skip
        print(score.line())
        totals[0] += score.not_script[0]
        totals[1] += score.not_script[1]
        misses += [
            f"{label}: {i['key']}"
            for i in score.report["items"]
            if not i["identical"] and not i["script_affected"]
        ]
    unexpected = [m for m in misses if m not in KNOWN]
    assert not unexpected, "\n".join(unexpected)
    # over the requests some generated code can match (the known misses left out)
    comparable = totals[1] - (len(misses) - len(unexpected))
    assert comparable > 0
    assert 100.0 * totals[0] / comparable >= TARGET, (totals, misses)


def test_v3_client_sends_what_newman_sent_sampled(
    shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PMGEN_CONFORMANCE_NO_BLACK", "1")
    _run(shared_dir, tmp_path, SAMPLE)


@pytest.mark.slow
def test_v3_client_sends_what_newman_sent_full(
    shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PMGEN_CONFORMANCE_NO_BLACK", "1")
    _run(shared_dir, tmp_path, None)
