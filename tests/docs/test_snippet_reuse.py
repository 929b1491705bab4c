"""The docs take their snippets from the snippets emitter (and, in `generate`, from the
snippets it already rendered): the pages must be the same either way."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import formatting
from generator.cli import cli
from generator.emitters import docs, snippets
from generator.importer import load
from tests.conftest import slow_unless

SAMPLE = {"pcg-basic", "newman-inherited-entities"}
CORPUS = slow_unless(
    ["pcg-basic", "newman-inherited-entities", "twilio-nonstandard-items", "plaid",
     "bruno-oauth2-grants", "salesforce"],
    lambda name: name in SAMPLE,
)
ALL_STYLES = tuple(snippets.STYLES)


def _no_black(monkeypatch: pytest.MonkeyPatch) -> None:
    """Formatting is the same call either way; skipping it keeps the test fast."""
    monkeypatch.setattr(docs, "_black", lambda files: files)


@pytest.mark.parametrize("name", CORPUS)
def test_reused_snippets_give_the_same_pages(
    name: str, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_black(monkeypatch)
    collection = load(str(corpus_dir / f"{name}.postman_collection.json"))
    alone = docs.emit(collection, site="mkdocs", package="demo")
    everything = snippets.emit(collection, styles=ALL_STYLES, package="demo")
    calls: list[Any] = []
    real = snippets.render_snippet

    def counting(*args: Any, **kwargs: Any) -> str:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(snippets, "render_snippet", counting)
    reused = docs.emit(
        collection, site="mkdocs", package="demo", snippet_files=everything
    )
    assert reused == alone
    missing = [
        (op.key, style)
        for op in collection.operations()
        for style in docs.DEFAULT_STYLES
        if snippets.snippet_path(op, style) not in everything
    ]
    assert len(calls) == len(missing)  # only to say why a style cannot show a request


def test_output_missing_a_style_is_not_reused(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_black(monkeypatch)
    collection = load(str(corpus_dir / "pcg-basic.postman_collection.json"))
    only_curl = snippets.emit(collection, styles=("curl",))
    reused = docs.emit(collection, snippet_files=only_curl)
    assert reused == docs.emit(collection)
    assert "```python" in reused["requests.md"] or any(
        "```python" in text for text in reused.values()
    )


def test_black_stable_marks_skip_black(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Python snippet the snippets emitter marks black-stable is not sent to black."""
    collection = load(str(corpus_dir / "pcg-basic.postman_collection.json"))
    plain = snippets.emit(collection, styles=("python-requests", "curl"))
    python = [p for p in plain if p.endswith(".py")]
    marked = formatting.BlackStable(dict(plain), python)
    seen: list[set[str]] = []
    real = formatting.format_python

    def spy(files: Any, **kwargs: Any) -> dict[str, str]:
        seen.append(set(formatting.stable_paths(files)))
        return real(files, **kwargs)

    monkeypatch.setattr(formatting, "format_python", spy)
    docs.emit(collection, snippet_files=marked)
    assert seen == [set(python)]


def test_generate_hands_the_snippets_to_the_docs(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[bool] = []
    real = docs.emit

    @functools.wraps(real)  # `generate` passes what the signature accepts
    def spy(collection: Any, **kwargs: Any) -> dict[str, str]:
        given.append(kwargs.get("snippet_files") is not None)
        return real(collection, **kwargs)

    monkeypatch.setattr(docs, "emit", spy)
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")
    source = corpus_dir / "pcg-basic.postman_collection.json"
    result = CliRunner().invoke(
        cli,
        [
            "generate",
            str(source),
            "-o",
            str(tmp_path / "out"),
            "--only",
            "snippets",
            "--only",
            "docs",
            "--style",
            "curl",  # no Python snippets: no black
        ],
    )
    assert result.exit_code == 0, result.output
    assert given == [True]
