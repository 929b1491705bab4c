"""The snippets the docs show (`DocSnippets`), built from the snippets emitter's output.

    shown = for_docs(collection, ["curl", "python-requests"], reveal_secrets=False,
                     package="demo", emitted=None)
    docs.emit(collection, snippets=shown, ...)
    docs_with_snippets(collection, styles=["curl"])   # the two steps in one

`generate` passes what the snippets emitter returned (`emitted`), so each snippet is
rendered once; `pmgen docs` has none, and the chosen styles are emitted here. Either way
the chosen styles' Python snippets are formatted here (the pipeline formats the written
snippets meanwhile, in a child when there are many). The docs emitter never imports the
snippets emitter: this is where the two meet.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from pmgen import formatting
from pmgen.emitted import BlackStable, is_python, stable_paths
from pmgen.emitters import docs, python_client_usage, snippets
from pmgen.emitters.docs_view import DocSnippets
from pmgen.errors import GeneratorBug
from pmgen.model import Collection, Operation
from pmgen.wire.effects import CollectionEffects

_LANGUAGE_OF_EXT = {"py": "python", "sh": "shell", "http": "http"}


def for_docs(
    collection: Collection,
    styles: Sequence[str],
    *,
    reveal_secrets: bool,
    package: str | None,
    emitted: Mapping[str, str] | None = None,
    effects: CollectionEffects | None = None,
) -> DocSnippets | None:
    """Every request's snippet in each of `styles` (`()`: no snippets). `emitted`: the
    snippets emitter's output for this collection and options, used when it covers every
    style (its `index.json` says which it has)."""
    if not styles:
        return None
    chosen = snippets.resolve_styles(collection, list(styles))
    if emitted is None or not set(chosen) <= _styles_in(emitted):
        emitted = _emit(collection, chosen, reveal_secrets, package, effects)
    texts = _formatted(emitted, chosen)

    def lookup(op: Operation, style: str) -> tuple[str, str]:
        path = snippets.snippet_path(op, style)
        if path in texts:
            ext = snippets.STYLES[style].ext
            return texts[path], _LANGUAGE_OF_EXT.get(ext, ext)
        # The style cannot say this request: rendering it again raises the reason.
        snippets.render_snippet(
            collection,
            op,
            style,
            reveal_secrets=reveal_secrets,
            package=package,
            usage=python_client_usage,
            effects=effects,
        )
        raise snippets.Unsupported(f"no {style} snippet")  # not reached: it raised

    return DocSnippets(chosen, lookup)


def docs_with_snippets(
    collection: Collection,
    *,
    styles: Sequence[str] = docs.DEFAULT_STYLES,
    site: str | None = None,
    reveal_secrets: bool = False,
    templates_dir: str | None = None,
    package: str | None = None,
    emitted: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The docs emitter's files showing the `styles`' snippets (`()`: none)."""
    shown = for_docs(
        collection,
        styles,
        reveal_secrets=reveal_secrets,
        package=package,
        emitted=emitted,
    )
    return docs.emit(
        collection,
        snippets=shown,
        site=site,
        reveal_secrets=reveal_secrets,
        templates_dir=templates_dir,
    )


def _styles_in(files: Mapping[str, str]) -> set[str]:
    """The styles a snippets emitter's output covers (its `index.json` says)."""
    try:
        styles = json.loads(files["index.json"])["styles"]
    except (KeyError, TypeError, ValueError):
        return set()
    return (
        {s for s in styles if isinstance(s, str)} if isinstance(styles, list) else set()
    )


def _formatted(emitted: Mapping[str, str], chosen: Sequence[str]) -> dict[str, str]:
    """The chosen styles' snippets, Python black-formatted (black-stable ones only
    compiled); if one does not compile, all stay as written (the page shows them)."""
    mine = tuple(f"{style}/" for style in chosen)
    files = {p: text for p, text in emitted.items() if p.startswith(mine)}
    python = {p: text for p, text in files.items() if is_python(p)}
    stable = stable_paths(emitted) & set(python)
    try:
        return {**files, **formatting.format_python(BlackStable(python, stable))}
    except GeneratorBug:
        return files


def _emit(
    collection: Collection,
    styles: Sequence[str],
    reveal_secrets: bool,
    package: str | None,
    effects: CollectionEffects | None,
) -> Mapping[str, str]:
    try:
        return snippets.emit(
            collection,
            styles=styles,
            reveal_secrets=reveal_secrets,
            package=package,
            usage=python_client_usage,
            effects=effects,
        )
    except Exception:  # one broken snippet must not sink the docs
        return _render_each(collection, styles, reveal_secrets, package, effects)


def _render_each(
    collection: Collection,
    styles: Sequence[str],
    reveal_secrets: bool,
    package: str | None,
    effects: CollectionEffects | None = None,
) -> dict[str, str]:
    """Snippet by snippet, skipping the ones that fail (`lookup` shows their error)."""
    files: dict[str, str] = {}
    for op in collection.operations():
        for style in styles:
            try:
                text = snippets.render_snippet(
                    collection,
                    op,
                    style,
                    reveal_secrets=reveal_secrets,
                    package=package,
                    usage=python_client_usage,
                    effects=effects,
                )
            except Exception:  # shown on the page by `lookup`
                continue
            files[snippets.snippet_path(op, style)] = text
    return files
