"""Make a collection's markdown description safe to embed in a generated page.

Descriptions are untrusted. What comes out:
- raw HTML only from an allow-list of tags and attributes, rebuilt from scratch (so no
  event handlers, styles or `javascript:` URLs survive), every kept element closed;
  `script`/`style`/`iframe`... are dropped with their content; anything else that looks
  like a tag (`<insert user ID here>`) is shown as text;
- links and images only to absolute http(s)/mailto URLs; a link to a request of this
  collection (e.g. a documentation site's `https://host/#<request id>`) is rewritten to its
  page; any other link keeps its text and loses its target (relative links would be
  broken in the generated tree);
- fenced code blocks re-fenced (fence longer than its content, closed even when the
  author forgot), so a description can never swallow the rest of the page;
- headings shifted to nest under the heading the description sits in.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from pmgen.markdown import fenced, md_cell
from pmgen.render import printable

LinkMap = Callable[[str], "str | None"]

_VOID = {"br", "hr", "img", "wbr"}
_ALLOWED: dict[str, set[str]] = {
    **{
        tag: set()
        for tag in (
            "abbr",
            "b",
            "blockquote",
            "br",
            "code",
            "dd",
            "del",
            "div",
            "dl",
            "dt",
            "em",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "hr",
            "i",
            "ins",
            "kbd",
            "li",
            "mark",
            "p",
            "pre",
            "q",
            "s",
            "samp",
            "small",
            "span",
            "strong",
            "sub",
            "sup",
            "table",
            "tbody",
            "tfoot",
            "thead",
            "tr",
            "u",
            "ul",
            "var",
            "wbr",
            "caption",
        )
    },
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
}
# Dropped together with everything inside them.
_DROP_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "template",
    "svg",
    "math",
    "noscript",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "frameset",
    "frame",
    "applet",
    "select",
    "head",
}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_SAFE_IMAGE_SCHEMES = ("http://", "https://")

_FENCE_OPEN = re.compile(r"^(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)(.*)$")
_LINK_DEST = re.compile(
    r"\(\s*(<[^<>\n]*>|(?:[^\s()<>\\]|\\.|\([^\s()]*\))*)"
    r"(?:\s+(\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_LINK_TEXT_BEFORE = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)$")
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_PLACEHOLDER = re.compile("\x00(\\d+)\x00")


def safe_url(url: str, *, image: bool = False) -> str | None:
    """The URL if it is absolute and of an allowed scheme (after entity decoding), else None."""
    decoded = html.unescape(url).strip()
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", decoded).lower()
    schemes = _SAFE_IMAGE_SCHEMES if image else _SAFE_SCHEMES
    if cleaned.startswith(schemes) and re.match(r"^[^\s<>\"']+$", decoded):
        return decoded
    return None


# One linear pass over the text with bounded patterns (Python's HTMLParser is quadratic on
# unterminated tags, and descriptions are untrusted): a tag, a comment, an autolink.
_TOKEN = re.compile(
    r"(?P<comment><!--)"
    r"|<(?P<autolink>(?:https?://|mailto:)[^\s<>\"'`]{1,2000})>"
    r"|<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9-]{0,30})"
    r"(?P<attrs>(?:\s+[^\s\"'<>/=`]{1,60}(?:\s*=\s*(?:\"[^\"]{0,2000}\"|'[^']{0,2000}'"
    r"|[^\s\"'=<>`]{1,2000}))?){0,30})\s*(?P<selfclose>/?)>"
)
_ATTR = re.compile(
    r"([^\s\"'<>/=`]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?"
)
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
MAX_NESTING = 32  # deeper allowed elements are dropped (no renderer needs more)


class _HtmlFilter:
    """Rebuilds allowed tags, escapes the rest, passes markdown text through untouched."""

    def __init__(self, link_map: LinkMap | None) -> None:
        self.out: list[str] = []
        self.open_tags: list[str] = []
        self.link_map = link_map

    def run(self, text: str) -> str:
        pos = 0
        comments_close = True  # False once no `-->` is left (keeps the pass linear)
        while (match := _TOKEN.search(text, pos)) is not None:
            self._text(text[pos : match.start()])
            pos = match.end()
            if match.group("comment") is not None:
                end = text.find("-->", pos) if comments_close else -1
                if end < 0:
                    comments_close = False
                    self.out.append("&lt;!--")  # never closed: shown as text
                else:
                    pos = end + 3  # a comment: dropped
                continue
            if match.group("autolink") is not None:
                url = match.group("autolink")
                self.out.append(
                    f"<{url}>" if safe_url(url) else html.escape(match.group(0))
                )
                continue
            tag = match.group("tag").lower()
            if match.group("close"):
                self._end(tag)
            elif tag in _DROP_WITH_CONTENT:
                if not match.group("selfclose"):  # drop everything up to its end tag
                    closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(
                        text, pos
                    )
                    pos = closing.end() if closing else len(text)
            elif tag not in _ALLOWED:
                self.out.append(html.escape(match.group(0), quote=False))
            elif len(self.open_tags) < MAX_NESTING:
                self._start(tag, match.group("attrs"))
        self._text(text[pos:])
        return "".join(self.out) + "".join(f"</{t}>" for t in reversed(self.open_tags))

    def _text(self, data: str) -> None:
        # Whatever is not a tag we rebuilt must not become one in any renderer.
        self.out.append(_TAG_START.sub("&lt;", data))

    def _start(self, tag: str, attrs_text: str) -> None:
        attrs = [
            (
                m.group(1).lower(),
                html.unescape(next((g for g in m.groups()[1:] if g is not None), "")),
            )
            for m in _ATTR.finditer(attrs_text)
        ]
        kept = self._attributes(tag, attrs)
        if tag == "img" and "src" not in kept:
            return  # an image without a safe source shows nothing useful
        rendered = "".join(
            f' {name}="{html.escape(value)}"' for name, value in kept.items()
        )
        self.out.append(f"<{tag}{rendered}>")
        if tag not in _VOID:
            self.open_tags.append(tag)

    def _attributes(self, tag: str, attrs: list[tuple[str, str]]) -> dict[str, str]:
        kept: dict[str, str] = {}
        for name, value in attrs:
            if name not in _ALLOWED[tag] or name in kept or "\x00" in value:
                continue  # (NUL marks a protected code span: never inside an attribute)
            if name in ("href", "src"):
                mapped = (
                    self.link_map(value) if self.link_map and name == "href" else None
                )
                checked = mapped or safe_url(value, image=name == "src")
                if checked is None:
                    continue
                kept[name] = checked
                continue
            if name in ("width", "height", "colspan", "rowspan", "start"):
                if not value.strip().isdigit():
                    continue
            elif name == "align" and value.lower() not in ("left", "right", "center"):
                continue
            kept[name] = value
        return kept

    def _end(self, tag: str) -> None:
        if tag not in self.open_tags:
            return  # a stray closing tag: dropped
        while self.open_tags:
            top = self.open_tags.pop()
            self.out.append(f"</{top}>")
            if top == tag:
                break


def _filter_html(text: str, link_map: LinkMap | None) -> str:
    return _HtmlFilter(link_map).run(text)


def _rewrite_links(text: str, link_map: LinkMap | None) -> str:
    """Keep inline links/images to safe absolute URLs; unlink everything else."""
    out: list[str] = []
    pos = 0
    for marker in re.finditer(r"\]\(", text):
        start = marker.start()
        if start < pos:
            continue
        dest = _LINK_DEST.match(text, start + 1)
        opener = _LINK_TEXT_BEFORE.search(text, max(pos, start - 2000), start)
        if dest is None or opener is None:
            out.append(
                text[pos:start] + "\\]"
            )  # not a link we understand: no link at all
            pos = start + 1
            continue
        url = dest.group(1).strip("<>")
        is_image = opener.group(1) == "!"
        mapped = None if is_image else (link_map(url) if link_map else None)
        checked = mapped or safe_url(url, image=is_image)
        out.append(text[pos : opener.start()])
        if checked is None:
            out.append(opener.group(2))  # the link text (or image alt text) alone
        else:
            title = f" {dest.group(2)}" if dest.group(2) else ""
            out.append(f"{opener.group(1)}[{opener.group(2)}](<{checked}>{title})")
        pos = dest.end()
    out.append(text[pos:])
    lines = []
    for line in "".join(out).split("\n"):
        ref = _REF_DEF.match(line)
        if ref:
            url = ref.group(2).strip("<>")
            checked = (link_map(url) if link_map else None) or safe_url(url)
            if checked is None:
                continue  # `[id]: javascript:...` or a relative target: dropped
            lines.append(f"[{ref.group(1)}]: <{checked}>{ref.group(3)}")
            continue
        lines.append(line)
    return "\n".join(lines)


_BRACKET = re.compile(r"(?<!\\)\[")
_CLOSED_BRACKET = re.compile(r"\[(?:[^\[\]\\\n]|\\.){0,500}\]")


def _escape_stray_brackets(text: str) -> str:
    """`\\[` for every `[` without a near, unescaped `]` on its line. Python-Markdown scans
    to the end of the text from each unclosed `[` (quadratic: minutes for a few thousand),
    and such a bracket opens nothing in any renderer anyway."""
    return _BRACKET.sub(
        lambda m: m.group(0) if _CLOSED_BRACKET.match(text, m.start()) else "\\[", text
    )


def _shift_headings(
    segments: list[tuple[str, str]], floor: int
) -> list[tuple[str, str]]:
    levels = [
        len(m.group(2))
        for kind, text in segments
        if kind == "text"
        for line in text.split("\n")
        if (m := _ATX.match(line))
    ]
    if not levels:
        return segments
    shift = max(0, floor - min(levels))

    def shifted(line: str) -> str:
        m = _ATX.match(line)
        if not m:
            return line
        level = min(6, len(m.group(2)) + shift)
        return "#" * level + line[m.end() :]

    return [
        (
            kind,
            (
                "\n".join(shifted(line) for line in text.split("\n"))
                if kind == "text"
                else text
            ),
        )
        for kind, text in segments
    ]


def _split_fences(text: str) -> list[tuple[str, str]]:
    """("text", markdown) and ("code", already re-fenced block) segments, in order."""
    segments: list[tuple[str, str]] = []
    lines = text.split("\n")
    buffer: list[str] = []
    i = 0
    while i < len(lines):
        opening = _FENCE_OPEN.match(lines[i])
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            fence = opening.group(1)
            body: list[str] = []
            i += 1
            while i < len(lines):
                stripped = lines[i].strip()
                if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(
                    fence[0]
                ):
                    break
                body.append(lines[i])
                i += 1
            i += 1  # the closing fence (or the end of the text)
            segments.append(("text", "\n".join(buffer)))
            buffer = []
            segments.append(("code", fenced("\n".join(body), opening.group(2))))
            continue
        buffer.append(lines[i])
        i += 1
    segments.append(("text", "\n".join(buffer)))
    return segments


def _sanitize_text(text: str, link_map: LinkMap | None) -> str:
    spans: list[str] = []

    def protect(match: re.Match[str]) -> str:
        if "\n\n" in match.group(0):
            return match.group(0)  # code spans never cross a blank line
        spans.append(match.group(0))
        return f"\x00{len(spans) - 1}\x00"

    text = _CODE_SPAN.sub(protect, text)
    text = _filter_html(text, link_map)
    text = _rewrite_links(text, link_map)
    text = _escape_stray_brackets(text)
    return _PLACEHOLDER.sub(lambda m: spans[int(m.group(1))], text)


def sanitize_description(
    text: str | None, *, heading_floor: int = 2, link_map: LinkMap | None = None
) -> str:
    """Markdown safe to embed: see the module docstring. Empty input gives ''."""
    if not text or not text.strip():
        return ""
    text = printable(text.replace("\r\n", "\n").replace("\r", "\n"))
    segments = _shift_headings(_split_fences(text), heading_floor)
    parts = [
        body if kind == "code" else _sanitize_text(body, link_map)
        for kind, body in segments
    ]
    blocks = [part.strip("\n") for part in parts if part.strip()]
    return "\n\n".join(blocks).strip()


_BLOCK_SYNTAX = re.compile(
    r"^\s*(`{3,}|~{3,}|#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\||<(?:p|div|ul|ol|table|pre|h\d|blockquote)\b)"
)


def md_description_cell(text: object) -> str:
    """A description for one table cell: its inline markdown kept when it is only
    paragraphs of inline text (code spans, emphasis, links), else escaped plain text."""
    text = str(text or "")
    plain = md_cell
    if not text or not text.strip():
        return ""
    clean = sanitize_description(text, heading_floor=6)
    if any(_BLOCK_SYNTAX.match(line) for line in clean.split("\n")):
        return plain(text)
    spans = [m.group(0) for m in _CODE_SPAN.finditer(clean)]
    if any("|" in span or "\n" in span for span in spans):
        return plain(text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", clean) if p.strip()]
    return "<br><br>".join(paragraphs).replace("|", "&#124;")
