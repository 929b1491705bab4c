"""Markdown documentation for a collection: `emit(collection, ...) -> {path: text}`.

    README.md            name, description, publisher, base URLs, authentication,
                         variables (masked), contents
    folders/<slug>.md    one page per top-level folder (nested folders as sections)
    requests.md          requests at the collection root
    mkdocs.yml           with `site="mkdocs"`; the pages then live under `docs/`, and
                         the snippets are content tabs (pymdown-extensions' `tabbed`,
                         styled by `docs/css/snippet-tabs.css`)

Snippets: in plain markdown (read on GitHub, where `===` tabs do not render) each style
is a `<details>` block, the first one open; on the mkdocs site, one tab per style.

The steps: plan pages and anchors (`docs_pages`), build views (`docs_view`,
`docs_readme`: masking, sanitizing, the snippets given), render `templates/docs/`, then a
last pass masks any literal secret left. Writes nothing; the output is deterministic.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import Any

import jinja2

from pmgen import render
from pmgen.emitters.docs_masking import Masker
from pmgen.emitters.docs_pages import Builder, Plan, link_mapper, plan_pages
from pmgen.emitters.docs_readme import overview
from pmgen.emitters.docs_sanitize import md_description_cell, safe_url
from pmgen.emitters.docs_view import DocSnippets
from pmgen.errors import UsageError
from pmgen.markdown import FILTERS, md_text, one_line
from pmgen.model import Collection
from pmgen.scriptinfo import script_runs

SITES = ("mkdocs",)
TABS_CSS = "css/snippet-tabs.css"  # under the mkdocs docs_dir
DEFAULT_STYLES = ("curl", "python-requests")  # the snippet styles shown unless told


def emit(
    collection: Collection,
    *,
    snippets: DocSnippets | None = None,
    site: str | None = None,
    reveal_secrets: bool = False,
    templates_dir: str | None = None,
) -> dict[str, str]:
    """The docs tree as {relative path: markdown}; each request shows its `snippets`
    (none without them: `pmgen.docs_snippets.for_docs` builds them)."""
    if site is not None and site not in SITES:
        raise UsageError(f"unknown site {site!r} (choose from {', '.join(SITES)})")
    masker = Masker(collection, reveal=reveal_secrets)
    plan = plan_pages(collection)
    runs = script_runs(collection)
    if snippets is None:
        builder = Builder(collection, plan, masker, [], None, runs)
    else:
        builder = Builder(
            collection, plan, masker, snippets.styles, snippets.lookup, runs
        )
    env = _environment(templates_dir)
    tabs = site == "mkdocs"  # GitHub and plain markdown viewers have no tabs

    pages: dict[str, str] = {}
    for path, title, folder, items in plan.pages:
        view = builder.page(path, title, folder, items)
        back = posixpath.relpath("README.md", posixpath.dirname(path) or ".")
        pages[path] = env.get_template("docs/page.md.jinja").render(
            page=view, overview_link=back, tabs=tabs
        )
    info = overview(collection, plan, masker, link_mapper(plan, "README.md"))
    pages["README.md"] = env.get_template("docs/README.md.jinja").render(o=info)

    files = {path: tidy(text) for path, text in pages.items()}
    if site == "mkdocs":
        files = {f"docs/{path}": text for path, text in files.items()}
        nav = [(title, path) for path, title, _folder, _items in plan.pages]
        tabbed = bool(builder.styles)  # the extensions are needed for the tabs only
        files["mkdocs.yml"] = env.get_template("docs/mkdocs.yml.jinja").render(
            name=collection.info.name or "API",
            nav=nav,
            tabs_css=TABS_CSS if tabbed else None,
        )
        if tabbed:
            css = env.get_template("docs/snippet-tabs.css.jinja")
            files[f"docs/{TABS_CSS}"] = css.render(tabs=len(builder.styles))
    return masker.scrub_files(files)


def pages_root(site: str | None) -> str:
    """Where README.md sits in the emitted tree ('' or 'docs/')."""
    return "docs/" if site == "mkdocs" else ""


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


_FENCE_LINE = re.compile(r"^ *(`{3,}|~{3,})")  # indented: a fence inside a tab


def tidy(text: str) -> str:
    """At most one blank line between blocks (outside code blocks), one final newline."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE_LINE.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif fence is not None and line.strip() == fence:
            fence = None
        elif fence is None and not line.strip():
            # (trailing spaces elsewhere are kept: they are markdown line breaks)
            if out and out[-1]:
                out.append("")
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


__all__ = [
    "DEFAULT_STYLES",
    "SITES",
    "DocSnippets",
    "Plan",
    "emit",
    "pages_root",
    "tidy",
]
