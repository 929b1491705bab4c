"""Every snippet style against Newman's recordings (see tests/conformance/suite.py).

The test run samples requests per collection; the full run (every request, every style):
    .venv/bin/python -m tests.conformance.suite --full
Target: >= 99% identical over comparable requests no script shapes, per style
(PMGEN_CONFORMANCE_MIN overrides the threshold, e.g. while a style is being built).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from pmgen.emitters.snippets import DEFAULT_STYLES
from tests.conformance.suite import figure_line, run_styles, summarize

THRESHOLD = float(os.environ.get("PMGEN_CONFORMANCE_MIN", "99"))


@pytest.fixture(scope="module")
def results(shared_dir: Path) -> dict[str, dict[str, Any]]:
    by_style = run_styles(shared_dir, list(DEFAULT_STYLES))
    totals = {style: summarize(style, res) for style, res in by_style.items()}
    for style, t in totals.items():
        print(figure_line(style, t))
    return totals


@pytest.mark.parametrize("style", DEFAULT_STYLES)
def test_style_conforms(results: dict[str, dict[str, Any]], style: str) -> None:
    t = results[style]
    assert t["ns_total"] > 0
    # target_pct == ns_pct, except for tools that cannot send Postman's raw URL bytes (suite.py)
    assert (
        t["target_pct"] >= THRESHOLD
    ), f"{style}: {t['target_pct']:.1f}% < {THRESHOLD}%"
