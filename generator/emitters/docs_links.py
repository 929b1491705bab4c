"""A link checker for a generated markdown tree (used by the tests and `emit(check=True)`).

Every relative link must name a file of the tree, every `#anchor` an `id`/`name` present
in the target page, and every absolute link an allowed scheme. Anchors are the explicit
`<a id="...">` elements the docs emitter writes, which GitHub and mkdocs both honour
(heading slugs differ between renderers, so the emitter never links to them).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from urllib.parse import unquote

_FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_INLINE_LINK = re.compile(r"\]\(\s*(<[^<>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE)
_HTML_URL = re.compile(
    r"<[A-Za-z][^<>]*?\s(?:href|src)\s*=\s*\"([^\"]*)\"", re.IGNORECASE
)
_HTML_ID = re.compile(
    r"<[A-Za-z][^<>]*?\s(?:id|name)\s*=\s*\"([^\"]*)\"", re.IGNORECASE
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ALLOWED_SCHEMES = ("http:", "https:", "mailto:")


def _prose(text: str) -> str:
    """The text with code blocks and code spans removed (links there are not links)."""
    return _CODE_SPAN.sub("", _FENCE.sub("", text))


def anchors(text: str) -> set[str]:
    return set(_HTML_ID.findall(_prose(text)))


def links(text: str) -> Iterator[str]:
    prose = _prose(text)
    for rx in (_INLINE_LINK, _REF_DEF, _HTML_URL):
        for match in rx.finditer(prose):
            yield match.group(1).strip("<>")


def check_links(files: Mapping[str, str]) -> list[str]:
    """Problems (`page.md: link 'x.md#y': no anchor 'y' in x.md`), empty when all resolve."""
    pages = {path: text for path, text in files.items() if path.endswith(".md")}
    ids = {path: anchors(text) for path, text in pages.items()}
    problems: list[str] = []
    for path, text in sorted(pages.items()):
        for target in links(text):
            problem = _check(path, target, files, ids)
            if problem:
                problems.append(f"{path}: link {target!r}: {problem}")
    return problems


def _check(
    page: str, target: str, files: Mapping[str, str], ids: Mapping[str, set[str]]
) -> str | None:
    if _SCHEME.match(target):
        return None if target.lower().startswith(_ALLOWED_SCHEMES) else "unsafe scheme"
    if target.startswith("/"):
        return "absolute path (breaks outside the site root)"
    file_part, _, fragment = target.partition("#")
    file_part = unquote(file_part.split("?", 1)[0])
    resolved = (
        posixpath.normpath(posixpath.join(posixpath.dirname(page), file_part))
        if file_part
        else page
    )
    if resolved.startswith("../") or resolved not in files:
        return f"no file {resolved}"
    if fragment and resolved in ids and unquote(fragment) not in ids[resolved]:
        return f"no anchor {fragment!r} in {resolved}"
    return None
