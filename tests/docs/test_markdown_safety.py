"""Collection text in markdown: escaping per context and description sanitizing, checked
by rendering the result with Python-Markdown (what mkdocs uses) and inspecting the HTML.
"""

from __future__ import annotations

import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmgen.docs_snippets import docs_with_snippets
from pmgen.markdown import code, fenced, md_cell, md_text, slug
from pmgen.model import Collection
from pmgen.emitters.docs_sanitize import (
    md_description_cell,
    safe_url,
    sanitize_description,
)
from tests.importer.helpers import collection, load_value

markdown = pytest.importorskip("markdown")  # Python-Markdown: what mkdocs renders with


class _Html(HTMLParser):
    """Every tag and attribute of rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def rendered_tags(md: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Html()
    parser.feed(markdown.markdown(md, extensions=["tables", "fenced_code"]))
    return parser.tags


def assert_inert(md: str, own_links: frozenset[str] = frozenset()) -> None:
    for tag, attrs in rendered_tags(md):
        assert tag not in {"script", "style", "iframe", "object", "embed", "svg"}, md
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, md)
            assert name != "style", md
            if name in ("href", "src"):
                assert value in own_links or safe_url(value or "") is not None, (
                    tag,
                    value,
                    md,
                )


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](jav&#97;script:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](<javascript:alert(1)>)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![i](javascript:alert(1))",
    "<javascript:alert(1)>",
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    '<a href="https://ok.example" title="`" onclick="alert(1)`">x</a>',
    '<div style="position:fixed">x',
    "<svg><script>alert(1)</script></svg>",
    "<scr<script>ipt>alert(1)</script>",
    "<!-- <script>alert(1)</script> -->",
    "<iframe src=https://evil.example></iframe>",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "```\n<script>alert(1)</script>",
    "~~~\n</div><script>alert(1)</script>\n~~~~",
    "<details open ontoggle=alert(1)>",
    "[a](https://ok.example)(javascript:alert(1))",
    "[a]([b](javascript:alert(1)))",
    "<a href='java\tscript:alert(1)'>x</a>",
    '<form action="https://evil.example"><input name=x></form>',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_descriptions_render_inert(text: str) -> None:
    clean = sanitize_description(text)
    assert_inert(clean)
    # ...also when embedded in a page, followed by our own markup
    assert_inert(clean + '\n\n<a id="op-x"></a>\n\n## Next\n')


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_values_in_every_context_render_as_text(text: str) -> None:
    page = (
        f"## {md_text(text)}\n\n"
        f"| a | b |\n| --- | --- |\n| {md_cell(text)} | {code(text)} |\n"
        f"| {md_description_cell(text)} | x |\n\n"
        f"{fenced(text, text)}\n\n- [{md_text(text)}](x.md)\n"
    )
    assert_inert(page, own_links=frozenset({"x.md"}))


def test_allowed_html_is_kept_and_rebuilt() -> None:
    clean = sanitize_description(
        '<u><i><b>What</b></i></u> <a href="https://x.example/a?b=1" target="_blank">link</a> '
        '<img src="https://x.example/i.png" alt="pic" onload="x()">'
    )
    assert "<u><i><b>What</b></i></u>" in clean
    assert '<a href="https://x.example/a?b=1">link</a>' in clean
    assert '<img src="https://x.example/i.png" alt="pic">' in clean


def test_placeholders_that_look_like_tags_are_text() -> None:
    clean = sanitize_description("Use <insert user ID here> and a < b")
    html = markdown.markdown(clean)
    assert "&lt;insert user ID here&gt;" in html


def test_code_is_left_alone() -> None:
    text = 'Send `<token>` as `a|b`.\n\n```json\n{"a": "<script>"}\n```'
    clean = sanitize_description(text)
    assert "`<token>`" in clean and "`a|b`" in clean
    assert '{"a": "<script>"}' in clean
    assert_inert(clean)


def test_unclosed_fence_and_tags_cannot_swallow_the_page() -> None:
    for text in ("```\nno end", "<div><p>open", "<b>bold", "~~~~\nx\n~~~"):
        page = sanitize_description(text) + "\n\n## After\n"
        html = markdown.markdown(page, extensions=["fenced_code"])
        assert "<h2>After</h2>" in html, (text, html)


def test_links_relative_dropped_absolute_kept_internal_mapped() -> None:
    clean = sanitize_description(
        "[rel](other.md) [frag](#x) [abs](https://a.example/p) [id](https://docs.example/#abc)",
        link_map=lambda url: "folders/a.md#op-y" if url.endswith("#abc") else None,
    )
    assert "rel" in clean and "other.md" not in clean
    assert "(#x)" not in clean
    assert "[abs](<https://a.example/p>)" in clean
    assert "[id](<folders/a.md#op-y>)" in clean


def test_headings_nest_under_their_container() -> None:
    clean = sanitize_description(
        "# Title\n\n## Sub\n\n```\n# not a heading\n```", heading_floor=4
    )
    assert clean.startswith("#### Title")
    assert "##### Sub" in clean
    assert "\n# not a heading\n" in clean


def test_table_cells_escape_pipes_and_newlines() -> None:
    cell = md_cell("a | b\nc")
    assert "|" not in cell and "<br>" in cell
    html = markdown.markdown(
        f"| h | i |\n| --- | --- |\n| {cell} | {code('x|y')} |", extensions=["tables"]
    )
    assert html.count("<td>") == 2


def test_description_cells_keep_inline_markdown() -> None:
    assert md_description_cell("Use `id` from **Get**") == "Use `id` from **Get**"
    assert "<br>" in md_description_cell(
        "- a list\n- of things"
    )  # block syntax: plain text


def test_fence_outlasts_content() -> None:
    block = fenced("```\ninside\n````", "json title")
    assert block.startswith("`````json\n") and block.endswith("\n`````")


def test_slugs() -> None:
    assert slug("List rooms (v2)") == "list-rooms-v2"
    assert slug("日本語") == "item"
    assert slug("../../etc/passwd") == "etc-passwd"


@pytest.mark.parametrize(
    "text",
    [
        "<a " * 50_000,
        "<!--" * 50_000,
        '<a b="' * 30_000,
        "<b>" * 30_000 + "</i>" * 30_000,
        "[x](" * 30_000,
        "`" * 1000 + "``" * 1000,
        "<script>" * 30_000,
    ],
    ids=["open-tags", "comments", "quotes", "nesting", "links", "backticks", "scripts"],
)
def test_pathological_descriptions_stay_fast(text: str) -> None:
    started = time.perf_counter()
    assert_inert(sanitize_description(text[:20_000]))  # (rendering checked on a part)
    sanitize_description(text)
    assert time.perf_counter() - started < 10  # linear: well under a second unloaded


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "a",
                " ",
                "\n",
                "`",
                "[",
                "]",
                "(",
                ")",
                "javascript:",
                "https://x.y",
                "script",
                "img",
                "src=",
                "onerror=",
                '"',
                "'",
                "=",
                "/",
                "!",
                "#",
                "~~~",
                "```",
                "&#",
                "x;",
                "<a href=",
                "</a>",
                "|",
                "*",
                "_",
                "<!--",
                "-->",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_random_descriptions_render_inert(text: str) -> None:
    assert_inert(sanitize_description(text))


# -- scripts on the request pages: untrusted code shown collapsed, never markup

HOSTILE_SCRIPTS = [
    "// ```\n</details><script>alert(1)</script>\n````\n~~~\n<details open ontoggle=alert(1)>",
    "pm.environment.set('<img src=x onerror=alert(1)>', '1');\n"
    'pm.variables.get("</summary><script>alert(2)</script>");\n'
    "var t = pm.variables.replaceIn('{{[x](javascript:alert(3))}}');",
    '    ```\n=== "tab"\n    <script>alert(4)</script>\n\n\n\n' + "`" * 12 + "\nend",
    "</code></pre><iframe src=https://evil.example></iframe>\n<!--",
]
MKDOCS_EXTENSIONS = [
    "toc",
    "tables",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
MKDOCS_CONFIG = {
    "pymdownx.highlight": {"use_pygments": False},
    "pymdownx.tabbed": {"alternate_style": True},
}


class _Code(HTMLParser):
    """The text of each `<code class="language-javascript">` and the `<details>` count."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.details = 0
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self.details += 1
        if tag == "code" and ("class", "language-javascript") in attrs:
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "code":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def _hostile_script_collection(tmp_path: Path) -> Collection:
    def event(listen: str, code: str) -> dict[str, object]:
        return {"listen": listen, "script": {"exec": code.split("\n")}}

    request = {
        "name": "Req",
        "request": {"method": "GET", "url": "https://api.example/x"},
        "event": [
            event("prerequest", HOSTILE_SCRIPTS[2]),
            event("test", HOSTILE_SCRIPTS[3]),
        ],
    }
    folder = {
        "name": "</summary><script>alert(5)</script>",
        "item": [request],
        "event": [event("prerequest", HOSTILE_SCRIPTS[1])],
    }
    return load_value(
        tmp_path,
        collection([folder], event=[event("prerequest", HOSTILE_SCRIPTS[0])]),
    )


@pytest.mark.parametrize("site", [None, "mkdocs"])
def test_hostile_scripts_stay_inside_their_blocks(
    tmp_path: Path, site: str | None
) -> None:
    if site:
        pytest.importorskip("pymdownx")  # the `docs` extra
    files = docs_with_snippets(
        _hostile_script_collection(tmp_path), styles=("curl",), site=site
    )
    page = next(text for path, text in files.items() if "folders/" in path)
    if site:
        html = markdown.markdown(
            page, extensions=MKDOCS_EXTENSIONS, extension_configs=MKDOCS_CONFIG
        )
    else:
        html = markdown.markdown(page, extensions=["tables", "fenced_code"])
    parser = _Html()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in {"script", "iframe", "img"}, html
        assert not any(name.startswith("on") for name in attrs), html
    code = _Code()
    code.feed(html)
    # each script, in Postman's order, whole and verbatim in its own code block
    assert [block.rstrip("\n") for block in code.blocks] == [
        s.rstrip("\n") for s in HOSTILE_SCRIPTS[:4]
    ]
    # one collapsed block per script, plus (plain markdown) one per snippet style
    assert code.details == 4 + (0 if site else 1)
    assert html.count("</details>") == code.details
    # the names the scripts read and set are text, and the page goes on after them
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "**Snippets**" in page and "<strong>Snippets</strong>" in html
