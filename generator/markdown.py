"""Markdown building blocks that keep collection text inert.

Collection names, URLs and values land in headings, link texts, table cells and code
blocks. Each context has one function here (also registered as Jinja filters):

- `md_text`: prose (headings, link text). Characters that mean something to markdown
  or HTML become character references, which GFM and Python-Markdown (mkdocs) both
  render as the literal character and never as syntax.
- `md_cell`: a table cell: `md_text` plus newlines as `<br>` (a `|` is already `&#124;`).
- `code`: an inline `<code>` element with the same escaping (works inside tables, where
  backtick spans and `|` disagree between renderers).
- `fenced`: a fenced block whose fence is longer than any run of its characters inside,
  with a sanitized info string, so content can never close it early.
"""

from __future__ import annotations

import re
import unicodedata

from pmgen.naming import words
from pmgen.render import printable

# `&` first so the references we add are not escaped again.
_TEXT_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "[": "&#91;",
    "]": "&#93;",
    "|": "&#124;",
    "~": "&#126;",
}
_TEXT_TABLE = str.maketrans(_TEXT_ESCAPES)
# `_` inside a word is never emphasis (both renderers); `#` only opens/closes a heading
# after a space. Escaping just those keeps `base_url` and `C#` readable in the source.
_EDGE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_SPACED_HASH = re.compile(r"(^|\s)#")
_LANG_OK = re.compile(r"[^A-Za-z0-9_+.#-]")


def one_line(text: object) -> str:
    """Printable text on one line (headings and list items cannot hold newlines)."""
    return " ".join(printable(str(text if text is not None else "")).split())


def _escape(text: str) -> str:
    text = text.translate(_TEXT_TABLE)
    text = _EDGE_UNDERSCORE.sub("&#95;", text)
    return _SPACED_HASH.sub(lambda m: m.group(1) + "&#35;", text)


def md_text(text: object) -> str:
    """Collection text as literal markdown prose, on one line."""
    return _escape(one_line(text))


def _multiline(text: object) -> str:
    lines = (
        printable(str(text if text is not None else ""))
        .replace("\r\n", "\n")
        .split("\n")
    )
    return "<br>".join(_escape(" ".join(line.split())) for line in lines).strip()


def md_cell(text: object) -> str:
    """Text for one table cell: escaped, newlines as `<br>`, never empty-looking."""
    return _multiline(text)


def code(text: object) -> str:
    """Inline code that is safe in prose and in table cells (newlines as `<br>`)."""
    value = str(text if text is not None else "")
    if value == "":
        return ""
    lines = printable(value).replace("\r\n", "\n").split("\n")
    return "<code>" + "<br>".join(_escape(line) for line in lines) + "</code>"


def fence_language(language: object) -> str:
    """An info string both renderers accept: one word of `[A-Za-z0-9_+.#-]`."""
    return _LANG_OK.sub("", str(language or "").strip().split(" ")[0])[:30]


def fenced(text: object, language: object = "") -> str:
    """A fenced code block holding `text` verbatim (minus control characters)."""
    body = (
        printable(str(text if text is not None else ""))
        .replace("\r\n", "\n")
        .rstrip("\n")
    )
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{fence_language(language)}\n{body}\n{fence}"


def slug(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII slug (`List rooms (v2)` -> `list-rooms-v2`) for files and anchors."""
    ascii_words = [w.lower() for w in words(unicodedata.normalize("NFKC", text))]
    return "-".join(ascii_words)[:80].strip("-") or fallback


FILTERS = {"md_text": md_text, "md_cell": md_cell, "code": code, "fenced": fenced}
