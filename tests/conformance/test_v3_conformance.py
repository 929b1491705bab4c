"""Snippets generated from the v3 folders of ../shared/v3/migrated (the recorded
collections migrated by Postman's CLI) send what Newman sent for the v2.1 originals.

Requests whose sending the format lost are left out and listed (FORMAT.md §16, rules in
`runner.v3_losses`). By default two styles over a sample of each folder; the full run
(every style, every request) is marked slow:
    .venv/bin/python -m pytest -q -m slow tests/conformance/test_v3_conformance.py
or by hand: `.venv/bin/python -m tests.conformance.suite --v3 [--full] [--style S]`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pmgen.emitters.snippets import DEFAULT_STYLES
from tests.conformance import suite
from tests.conformance.runner import discover_v3
from tests.conformance.suite import figure_line, run_styles, summarize

THRESHOLD = float(os.environ.get("PMGEN_CONFORMANCE_MIN", "99"))
SAMPLED_STYLES = ["curl", "python-requests"]


def _check(shared_dir: Path, styles: list[str], full: bool) -> None:
    if not discover_v3(shared_dir):
        pytest.skip("../shared/v3/migrated is absent")
    by_style = run_styles(shared_dir, styles, full=full, v3=True)
    failures = []
    for style, results in by_style.items():
        assert len(results) == len(
            discover_v3(shared_dir)
        )  # every folder imported and ran
        totals = summarize(style, results)
        print(figure_line(style, totals))
        assert totals["ns_total"] > 0
        if totals["target_pct"] < THRESHOLD:
            failures.append(f"{style}: {totals['target_pct']:.1f}% < {THRESHOLD}%")
    assert not failures, failures


def test_v3_snippets_send_what_newman_sent_sampled(
    shared_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(suite, "SAMPLE", int(os.environ.get("PMGEN_V3_SAMPLE", "10")))
    _check(shared_dir, SAMPLED_STYLES, full=False)


@pytest.mark.slow
def test_v3_snippets_send_what_newman_sent_full(shared_dir: Path) -> None:
    _check(shared_dir, list(DEFAULT_STYLES), full=True)
