"""A small HTML -> markdown converter (html.parser), for descriptions that published
documentation serves as HTML. Covers what documenter emits: headings, paragraphs,
emphasis, code and pre blocks, links, images, lists (nested), tables, rules, quotes."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_HINT = re.compile(
    r"<(html|body|p|h[1-6]|ul|ol|li|div|table|pre|code|br|strong|em|a)\b", re.I
)
_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "pre",
    "table",
    "blockquote",
    "hr",
}
_DROP = {"script", "style", "head", "title"}


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:2000]))


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.lists: list[str] = []  # "ul" / "ol", innermost last
        self.counters: list[int] = []
        self.links: list[str] = []
        self.drop = 0
        self.pre = 0
        self.code = 0
        self.table: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.quote = 0

    # output helpers
    def write(self, text: str) -> None:
        if self.cell is not None:
            self.cell.append(text)
        else:
            self.out.append(text)

    def block(self) -> None:
        if self.cell is None:
            self.out.append("\n\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in _DROP:
            self.drop += 1
        elif self.drop:
            return
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.block()
            self.write("#" * int(tag[1]) + " ")
        elif tag in ("p", "div") or tag == "blockquote":
            self.block()
            if tag == "blockquote":
                self.quote += 1
                self.write("> ")
        elif tag == "br":
            self.write("  \n" if not self.pre else "\n")
        elif tag in ("strong", "b"):
            self.write("**")
        elif tag in ("em", "i"):
            self.write("_")
        elif tag == "code" and not self.pre:
            self.code += 1
            self.write("`")
        elif tag == "code" and self.out and self.out[-1] == "```\n":
            # <pre><code class="language-json">: the fence names the language.
            classes = (attr.get("class") or "").split()
            language = next((c[9:] for c in classes if c.startswith("language-")), "")
            self.out[-1] = f"```{re.sub(r'[^A-Za-z0-9_+-]', '', language)}\n"
        elif tag == "pre":
            self.block()
            self.pre += 1
            self.write("```\n")
        elif tag == "a":
            self.links.append(attr.get("href") or "")
            self.write("[")
        elif tag == "img":
            self.write(f"![{attr.get('alt') or ''}]({attr.get('src') or ''})")
        elif tag in ("ul", "ol"):
            if not self.lists:
                self.block()
            self.lists.append(tag)
            self.counters.append(0)
        elif tag == "li":
            depth = max(len(self.lists) - 1, 0)
            if not self.lists:
                self.lists.append("ul")
                self.counters.append(0)
            self.counters[-1] += 1
            bullet = f"{self.counters[-1]}." if self.lists[-1] == "ol" else "-"
            self.write("\n" + "  " * depth + bullet + " ")
        elif tag == "hr":
            self.block()
            self.write("---")
        elif tag == "table":
            self.block()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.drop = max(self.drop - 1, 0)
        elif self.drop:
            return
        elif tag in ("strong", "b"):
            self.write("**")
        elif tag in ("em", "i"):
            self.write("_")
        elif tag == "code" and not self.pre:
            self.code = max(self.code - 1, 0)
            self.write("`")
        elif tag == "pre":
            self.pre = max(self.pre - 1, 0)
            self.write("\n```")
            self.block()
        elif tag == "a":
            self.write(f"]({self.links.pop() if self.links else ''})")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
                self.counters.pop()
            if not self.lists:
                self.block()
        elif tag in ("td", "th") and self.table is not None and self.cell is not None:
            cell = " ".join("".join(self.cell).split()).replace("|", "\\|")
            self.cell = None
            if self.table:
                self.table[-1].append(cell)
        elif tag == "table" and self.table is not None:
            self.out.append(_table(self.table))
            self.table = None
            self.block()
        elif tag == "blockquote":
            self.quote = max(self.quote - 1, 0)
            self.block()
        elif tag in _BLOCKS:
            self.block()

    def handle_data(self, data: str) -> None:
        if self.drop or (self.table is not None and self.cell is None):
            return
        if self.pre:
            self.write(data)
            return
        text = re.sub(r"\s+", " ", data)
        if not self.code:
            text = re.sub(r"([\\`*_\[\]])", r"\\\1", text)
        if (
            self.out
            and self.out[-1].endswith(("\n", "# ", "- ", ". ", "> "))
            and self.cell is None
        ):
            text = text.lstrip()
        self.write(text)


def _table(rows: list[list[str]]) -> str:
    rows = [r for r in rows if r]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def html_to_markdown(html: str) -> str:
    converter = _Converter()
    converter.feed(html)
    converter.close()
    text = "".join(converter.out)
    text = "\n".join(
        line.rstrip() if not line.endswith("  ") else line for line in text.split("\n")
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip()
