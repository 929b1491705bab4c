"""The docs show the snippets they are given (`pmgen.docs_snippets`): in `generate`
what the snippets emitter returned, else the chosen styles emitted for the docs alone.
The pages must be the same either way."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pmgen import docs_snippets, formatting
from pmgen.cli import cli
from pmgen.docs_snippets import docs_with_snippets
from pmgen.emitters import docs, python_client_usage, snippets
from pmgen.importer import load
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
    monkeypatch.setattr(docs_snippets, "_formatted", lambda files, chosen: files)


@pytest.mark.parametrize("name", CORPUS)
def test_reused_snippets_give_the_same_pages(
    name: str, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_black(monkeypatch)
    collection = load(str(corpus_dir / f"{name}.postman_collection.json"))
    alone = docs_with_snippets(collection, site="mkdocs", package="demo")
    everything = snippets.emit(
        collection, styles=ALL_STYLES, package="demo", usage=python_client_usage
    )
    calls: list[Any] = []
    real = snippets.render_snippet

    def counting(*args: Any, **kwargs: Any) -> str:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(snippets, "render_snippet", counting)
    reused = docs_with_snippets(
        collection, site="mkdocs", package="demo", emitted=everything
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
    reused = docs_with_snippets(collection, emitted=only_curl)
    assert reused == docs_with_snippets(collection)
    assert "```python" in reused["requests.md"] or any(
        "```python" in text for text in reused.values()
    )


def test_black_stable_marks_skip_black(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Python snippet the snippets emitter marks black-stable is not sent to black
    when the docs format the snippets they emitted themselves."""
    collection = load(str(corpus_dir / "pcg-basic.postman_collection.json"))
    plain = snippets.emit(collection, styles=("python-requests", "curl"))
    python = [p for p in plain if p.endswith(".py")]
    marked = formatting.BlackStable(dict(plain), python)
    monkeypatch.setattr(snippets, "emit", lambda *args, **kwargs: marked)
    seen: list[set[str]] = []
    real = formatting.format_python

    def spy(files: Any, **kwargs: Any) -> dict[str, str]:
        seen.append(set(formatting.stable_paths(files)))
        return real(files, **kwargs)

    monkeypatch.setattr(formatting, "format_python", spy)
    docs_with_snippets(collection, styles=("python-requests", "curl"))
    assert seen == [set(python)]


def test_generate_hands_the_snippets_to_the_docs(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[bool] = []
    real = docs_snippets.for_docs

    @functools.wraps(real)
    def spy(*args: Any, **kwargs: Any) -> Any:
        given.append(kwargs["emitted"] is not None)  # what the snippets emitter returned
        return real(*args, **kwargs)

    monkeypatch.setattr(docs_snippets, "for_docs", spy)
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
    alone = CliRunner().invoke(
        cli, ["docs", str(source), "-o", str(tmp_path / "docs"), "--style", "curl"]
    )
    assert alone.exit_code == 0, alone.output
    written = tmp_path / "out" / "docs"
    pages = sorted(p.relative_to(written) for p in written.rglob("*.md"))
    assert pages and pages == sorted(
        p.relative_to(tmp_path / "docs") for p in (tmp_path / "docs").rglob("*.md")
    )
    for page in pages:
        if page.name != "CHANGELOG.md":
            assert (written / page).read_text() == (tmp_path / "docs" / page).read_text()
