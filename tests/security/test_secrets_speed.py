"""The fast secret scan finds exactly what the plain one did (issue 7).

`token_shapes` skips the regexes for a value that holds none of a kind's literals and
caches the result per value; `SecretReport.of` is computed once per collection; `scrub`
builds its regex once per set of secrets. Each test compares with the plain version
(every regex over every value, a fresh regex per call) on the real corpus and on
hypothesis text that mixes token-shaped strings with noise.
"""

from __future__ import annotations

import gc
import json
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmgen import secrets
from pmgen.errors import InputError
from pmgen.importer import load
from tests.conftest import SLOW

PATTERNS = [(kind, rx) for kind, _, rx in secrets._SECRET_SHAPES]


def plain_token_shapes(text: str) -> list[tuple[str, str]]:
    """The scan before the speed-up: every regex over the whole value."""
    return [(kind, m.group(0)) for kind, rx in PATTERNS for m in rx.finditer(text)]


def plain_scrub(
    files: dict[str, str], found: Iterable[str], min_length: int
) -> dict[str, str]:
    replacements: dict[str, str] = {}
    for secret in sorted({s for s in found if len(s) >= min_length}):
        for form in secrets.secret_forms(secret):
            if len(form) >= min_length:
                replacements.setdefault(form, secrets._neutral_mask(secret))
    if not replacements:
        return dict(files)
    rx = re.compile(
        "|".join(re.escape(f) for f in sorted(replacements, key=len, reverse=True))
    )
    return {p: rx.sub(lambda m: replacements[m.group(0)], t) for p, t in files.items()}


def _strings(value: Any) -> Iterator[str]:
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            stack += [*node.keys(), *node.values()]
        elif isinstance(node, list):
            stack += node


# Each kind's regex must never match without one of its literals (the skip is exact).
@pytest.mark.parametrize(("kind", "literals", "rx"), secrets._SECRET_SHAPES,
                         ids=[k for k, _, _ in secrets._SECRET_SHAPES])  # fmt: skip
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_match_holds_a_literal(
    kind: str, literals: tuple[str, ...], rx: re.Pattern[str], data: st.DataObject
) -> None:
    match = data.draw(st.from_regex(rx, fullmatch=True))
    assert any(literal in match for literal in literals), (kind, match)


SHAPED = st.one_of(*[st.from_regex(rx, fullmatch=True) for _, rx in PATTERNS])
NOISE = st.sampled_from(
    ["", " ", "-", "_", ".", "x", "é", "Bearer ", "\n", "$", "key-"]
)
MIXED = st.lists(st.one_of(SHAPED, NOISE, st.text(max_size=20)), max_size=8).map(
    "".join
)


@settings(max_examples=100, deadline=None)
@given(text=MIXED)
def test_token_shapes_equal_the_plain_scan_on_generated_text(text: str) -> None:
    assert list(secrets.token_shapes(text)) == plain_token_shapes(text)
    assert list(secrets.token_shapes(text)) == plain_token_shapes(text)  # cached
    assert secrets.looks_like_secret(text) == bool(plain_token_shapes(text))


def _corpus_files(corpus_dir: Path, full: bool) -> list[Path]:
    files = sorted(corpus_dir.glob("*.json"))
    if not full:  # the big ones take seconds each to import: a fixed sample by default
        files = [f for f in files if f.stat().st_size < 3_000_000]
        files = random.Random(7).sample(files, min(8, len(files)))
    return files


@pytest.mark.parametrize("full", [False, pytest.param(True, marks=SLOW)])
def test_token_shapes_and_scrub_equal_the_plain_versions_on_the_corpus(
    corpus_dir: Path, full: bool
) -> None:
    values: set[str] = set()
    hits = 0
    for path in _corpus_files(corpus_dir, full):
        values.update(_strings(json.loads(path.read_text(encoding="utf-8"))))
    for text in sorted(values):
        plain = plain_token_shapes(text)
        hits += bool(plain)
        assert list(secrets.token_shapes(text)) == plain, text[:200]
    assert values and (not full or hits > 0)  # the full corpus leaks real tokens
    for path in _corpus_files(corpus_dir, full):
        if path.name.endswith("environment.json"):
            continue
        try:
            collection = load(str(path))
        except InputError:  # not every corpus file is a collection
            continue
        report = secrets.SecretReport.of(collection)
        files = {"a.txt": "\n".join(sorted(report.values)) + "\n" + path.name}
        for min_length in (6, 8):
            assert secrets.scrub(files, report.values, min_length) == plain_scrub(
                files, report.values, min_length
            )


def test_secret_report_is_computed_once_per_collection(corpus_dir: Path) -> None:
    path = corpus_dir / "paypal-partner.postman_collection.json"
    if not path.exists():
        pytest.skip("paypal-partner collection absent")
    first, second = load(str(path)), load(str(path))
    report = secrets.SecretReport.of(first)
    assert secrets.SecretReport.of(first) is report
    other = secrets.SecretReport.of(second)  # equal content, another object: its own
    assert other is not report and other == report and report.leaks
    del first
    gc.collect()
    assert all(ref() is not None for ref, _ in secrets._reports.values())
