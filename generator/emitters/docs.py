"""Markdown documentation for a collection: `emit(collection, ...) -> {path: text}`.

    README.md            name, description, publisher, base URLs, authentication,
                         variables (masked), contents
    folders/<slug>.md    one page per top-level folder (nested folders as sections)
    requests.md          requests at the collection root
    mkdocs.yml           with `site="mkdocs"`; the pages then live under `docs/`

The pipeline: plan pages and anchors (`docs_pages`), build views (`docs_view`,
`docs_readme`: masking, sanitizing, snippets), render `templates/docs/`, then a last
pass masks any literal secret left. Writes nothing; the output is deterministic.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Mapping, Sequence
from typing import Any

import jinja2

from generator import render
from generator.emitters.docs_markdown import FILTERS, md_text, one_line
from generator.emitters.docs_masking import Masker
from generator.emitters.docs_pages import Builder, Plan, link_mapper, plan_pages
from generator.emitters.docs_readme import overview
from generator.emitters.docs_sanitize import md_description_cell, safe_url
from generator.emitters.docs_view import SnippetRenderer
from generator.errors import UsageError
from generator.model import Collection, Operation

SITES = ("mkdocs",)
DEFAULT_STYLES = ("curl", "python-requests")
_LANGUAGE_OF_EXT = {"py": "python", "sh": "shell", "http": "http"}


def emit(
    collection: Collection,
    *,
    styles: Sequence[str] = DEFAULT_STYLES,
    site: str | None = None,
    reveal_secrets: bool = False,
    templates_dir: str | None = None,
    package: str | None = None,
    snippet_files: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The docs tree as {relative path: markdown}. `styles=()` leaves snippets out;
    `package` names the client package for the `python-client` snippet style.
    `snippet_files`: what the snippets emitter already returned for this collection with
    the same options (`generate` passes it), reused when it has every style needed."""
    if site is not None and site not in SITES:
        raise UsageError(f"unknown site {site!r} (choose from {', '.join(SITES)})")
    masker = Masker(collection, reveal=reveal_secrets)
    plan = plan_pages(collection)
    snippet, chosen = _snippet_renderer(
        collection, styles, reveal_secrets, package, snippet_files
    )
    builder = Builder(collection, plan, masker, chosen, snippet)
    env = _environment(templates_dir)

    pages: dict[str, str] = {}
    for path, title, folder, items in plan.pages:
        view = builder.page(path, title, folder, items)
        back = posixpath.relpath("README.md", posixpath.dirname(path) or ".")
        pages[path] = env.get_template("docs/page.md.jinja").render(
            page=view, overview_link=back
        )
    info = overview(collection, plan, masker, link_mapper(plan, "README.md"))
    pages["README.md"] = env.get_template("docs/README.md.jinja").render(o=info)

    files = {path: tidy(text) for path, text in pages.items()}
    if site == "mkdocs":
        files = {f"docs/{path}": text for path, text in files.items()}
        nav = [(title, path) for path, title, _folder, _items in plan.pages]
        files["mkdocs.yml"] = env.get_template("docs/mkdocs.yml.jinja").render(
            name=collection.info.name or "API", nav=nav
        )
    return masker.scrub_files(files)


def pages_root(site: str | None) -> str:
    """Where README.md sits in the emitted tree ('' or 'docs/')."""
    return "docs/" if site == "mkdocs" else ""


def _snippet_renderer(
    collection: Collection,
    styles: Sequence[str],
    reveal_secrets: bool,
    package: str | None,
    reuse: Mapping[str, str] | None = None,
) -> tuple[SnippetRenderer | None, list[str]]:
    """Every request's snippet per style, rendered up front by the snippets emitter (so
    whatever it shares between styles is shared here too) and its black-stable marks
    kept: the other Python ones are black-formatted in one batch (cached, pooled)."""
    if not styles:
        return None, []
    # Imported here: docs without snippets do not load the wire/snippet machinery.
    from generator import formatting  # noqa: PLC0415
    from generator.emitters import snippets  # noqa: PLC0415

    chosen = snippets.resolve_styles(collection, list(styles))
    if reuse is not None and set(chosen) <= _styles_in(reuse):
        emitted: Mapping[str, str] = reuse
    else:
        emitted = _emit_snippets(collection, chosen, reveal_secrets, package)
    stable = formatting.stable_paths(emitted)
    mine = tuple(f"{style}/" for style in chosen)  # a reused output has more styles
    python = {
        p: text
        for p, text in emitted.items()
        if p.startswith(mine) and formatting.is_python(p)
    }
    formatted = _black(formatting.BlackStable(python, stable & set(python)))

    def lookup(op: Operation, style: str) -> tuple[str, str]:
        path = snippets.snippet_path(op, style)
        ext = snippets.STYLES[style].ext
        if path in formatted:
            return formatted[path], "python"
        if path in emitted:
            return emitted[path], _LANGUAGE_OF_EXT.get(ext, ext)
        # The style cannot say this request: its reason is shown instead.
        snippets.render_snippet(
            collection, op, style, reveal_secrets=reveal_secrets, package=package
        )
        raise snippets.Unsupported(f"no {style} snippet")  # not reached: it raised

    return lookup, chosen


def _styles_in(files: Mapping[str, str]) -> set[str]:
    """The styles a snippets emitter's output covers (its `index.json` says)."""
    try:
        styles = json.loads(files["index.json"])["styles"]
    except (KeyError, TypeError, ValueError):
        return set()
    return (
        {s for s in styles if isinstance(s, str)} if isinstance(styles, list) else set()
    )


def _emit_snippets(
    collection: Collection,
    styles: Sequence[str],
    reveal_secrets: bool,
    package: str | None,
) -> Mapping[str, str]:
    from generator.emitters import snippets  # noqa: PLC0415

    try:
        return snippets.emit(
            collection, styles=styles, reveal_secrets=reveal_secrets, package=package
        )
    except Exception:  # one broken snippet must not sink the docs
        return _render_each(collection, styles, reveal_secrets, package)


def _render_each(
    collection: Collection,
    styles: Sequence[str],
    reveal_secrets: bool,
    package: str | None,
) -> dict[str, str]:
    """Snippet by snippet, skipping the ones that fail (`lookup` shows their error)."""
    from generator.emitters import snippets  # noqa: PLC0415

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
                )
            except Exception:  # shown on the page by `lookup`
                continue
            files[snippets.snippet_path(op, style)] = text
    return files


def _black(files: Mapping[str, str]) -> Mapping[str, str]:
    """Black-formatted Python snippets; if one does not compile, all stay as written."""
    from generator import formatting  # noqa: PLC0415
    from generator.errors import GeneratorBug  # noqa: PLC0415

    try:
        return formatting.format_python(files)
    except GeneratorBug:
        return files


def _link(value: Any) -> str:
    """An absolute http(s) URL as a link; anything else as inert text."""
    text = one_line(value)
    url = safe_url(text)
    if url is None or url.startswith("mailto:"):
        return md_text(text)
    return f"[{md_text(text)}](<{url}>)"


def yaml_str(value: Any) -> str:
    """A YAML double-quoted scalar for any text (only printable ASCII stays literal)."""
    out = []
    for ch in one_line(value):
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def site_title(value: Any) -> str:
    """A title for mkdocs.yml: mkdocs' themes print titles into HTML unescaped, so it is
    HTML-escaped here, then quoted for YAML."""
    return yaml_str(html.escape(one_line(value)))


def _environment(templates_dir: str | None) -> jinja2.Environment:
    env = render.environment(templates_dir).overlay()
    env.filters.update(FILTERS)
    env.filters["md_description_cell"] = md_description_cell
    env.filters["link"] = _link
    env.filters["yaml_str"] = yaml_str
    env.filters["site_title"] = site_title
    return env


_FENCE_LINE = re.compile(r"^(`{3,}|~{3,})")


def tidy(text: str) -> str:
    """At most one blank line between blocks (outside code blocks), one final newline."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE_LINE.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif fence is not None and line.rstrip() == fence:
            fence = None
        elif fence is None and not line.strip():
            # (trailing spaces elsewhere are kept: they are markdown line breaks)
            if out and out[-1]:
                out.append("")
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


__all__ = ["DEFAULT_STYLES", "SITES", "Plan", "emit", "pages_root", "tidy"]
