"""HTML descriptions (published documentation) to markdown."""

from __future__ import annotations

import pytest

from pmgen.importer.htmlmd import html_to_markdown, looks_like_html


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<h3>Title</h3><p>Text</p>", "### Title\n\nText"),
        (
            "<p>a <em>b</em> <b>c</b> <code>d_e</code> f_g</p>",
            "a _b_ **c** `d_e` f\\_g",
        ),
        (
            '<p><a href="https://x.test/">link</a> <img src="i.png" alt="pic"></p>',
            "[link](https://x.test/) ![pic](i.png)",
        ),
        (
            "<ol><li>one</li><li>two<ul><li>inner</li></ul></li></ol>",
            "1. one\n2. two\n  - inner",
        ),
        (
            '<pre><code class="language-json">{\n  "a": 1\n}</code></pre>',
            '```json\n{\n  "a": 1\n}\n```',
        ),
        ("<p>line<br>next</p>", "line  \nnext"),
        ("<blockquote>quoted</blockquote>", "> quoted"),
        ("<p>x</p><hr><p>y</p>", "x\n\n---\n\ny"),
        (
            "<html><head><script>alert(1)</script></head><body><p>only</p></body></html>",
            "only",
        ),
        (
            "<table><thead><tr><th>k</th><th>v</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr>"
            "<tr><td>c</td></tr></tbody></table>",
            "| k | v |\n| --- | --- |\n| a | b |\n| c |  |",
        ),
    ],
)
def test_html_to_markdown(html: str, markdown: str) -> None:
    assert html_to_markdown(html) == markdown


def test_looks_like_html() -> None:
    assert looks_like_html("<p>Hello</p>") and looks_like_html(
        "<html><body>x</body></html>"
    )
    assert not looks_like_html("# Markdown with a < b and <placeholder>")
