"""Snippets of requests their own pre-request scripts shape, against Newman's recordings
under the recording's frozen clock (tests/conformance/suite.py). The default run takes one
corpus2 collection whose every request a collection-level script signs (timestamp and
HMAC-SHA256 over the query: Binance); the full run over every recorded collection:
    .venv/bin/python -m tests.conformance.suite --full --style python-requests --style curl
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.suite import run_styles, summarize

pytest.importorskip("quickjs")

CASES = ["c2-binance-spot"]
STYLES = ["python-requests", "curl"]


def test_signed_requests_identical(shared_dir: Path) -> None:
    if not (shared_dir / "corpus2" / "expected" / "binance-spot").is_dir():
        pytest.skip("../shared/corpus2 has no binance-spot recording")
    by_style = run_styles(shared_dir, STYLES, full=True, cases=CASES, corpus2=True)
    for style in STYLES:
        totals = summarize(style, by_style[style])
        identical, total = totals["chain"]
        assert total >= 40, f"{style}: only {total} script-shaped requests scored"
        assert identical == total, f"{style}: {identical}/{total} identical"
