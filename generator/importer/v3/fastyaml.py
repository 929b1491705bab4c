"""A fast reader for the plain block YAML Postman writes; anything else falls back.

Postman's files are block mappings and sequences of one-line plain, single- or
double-quoted scalars and `|` literal blocks. Reading those line by line in Python is
faster than turning libyaml's events into Python objects (most of a folder's import).
Whatever this reader is not sure of (flow collections, anchors, tags, comments, multi-line
plain or quoted scalars, folded blocks, TABs, CR, deep nesting, ...) raises `Fallback`
and the caller parses the text with the full parser, so results and errors are the full
parser's; scalars are resolved by the same YAML 1.2 core rules (`_plain_scalar`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

# anything outside printable ASCII and the printable non-ASCII ranges (TAB, CR, NEL, BOM,
# controls, surrogates): left to the full parser
_ODD = re.compile(
    "[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_PLAIN_BAD_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v",
            "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/",
            "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}  # fmt: skip
_HEX = {"x": 2, "u": 4, "U": 8}
_NOT_JSON = re.compile(r'\\(?:[^"\\/bfnrtu]|u[dD][89a-fA-F])')
_json_string = json.JSONDecoder(strict=False).decode  # raw TABs, as YAML
_HEX_DIGITS = re.compile(r"^[0-9a-fA-F]+$")
_MAX_DEPTH = 40  # deeper than Postman writes: the full parser (and its limit) decides


class Fallback(Exception):
    """Not in the subset this reader knows: use the full parser."""


def load(text: str, resolve: Callable[[str], Any], max_depth: int) -> Any:
    """The text's one mapping, or `Fallback`; nesting up to `max_depth` - 1 only (the
    full parser reports the limit). One loop over the lines with a stack of open
    containers (no call per line: this is the hot path)."""
    if _ODD.search(text) or not text.strip(" \n"):
        raise Fallback  # odd characters, or no document at all (null)
    limit = min(max_depth - 1, _MAX_DEPTH)
    lines = text.split("\n")
    n = len(lines)
    typed = _MAYBE_TYPED
    bad_start = _PLAIN_BAD_START
    tabs = "\t" in text
    root: dict[str, Any] = {}
    # open containers: (container, is a mapping, column of its keys or dashes)
    stack: list[tuple[Any, bool, int]] = []
    container: Any = root
    is_map = True
    indent = 0
    pending: Any = _NO_KEY  # `key:` with nothing after it, waiting for a nested block
    pending_col = 0
    i = 0
    while i < n:
        line = lines[i]
        body = line.lstrip(" ")
        if not body:
            i += 1
            continue
        if tabs and "\t" in body:
            raise Fallback  # TABs only inside block and multi-line quoted text
        col = len(line) - len(body)
        dash = body[0] == "-" and (body == "-" or body[1] == " ")
        if pending is not _NO_KEY:
            if col > pending_col or (col == pending_col and dash):
                if len(stack) + 1 >= limit:
                    raise Fallback
                child: Any = [] if dash else {}
                container[pending] = child
                stack.append((container, is_map, indent))
                container, is_map, indent = child, not dash, col
            pending = _NO_KEY
        while col < indent or (col == indent and not is_map and not dash):
            if not stack:
                raise Fallback
            container, is_map, indent = stack.pop()
        if col != indent:
            raise Fallback
        i += 1
        if not is_map:
            if not dash:
                raise Fallback
            rest = body[2:]
            if not rest or rest[0] == " ":
                raise Fallback  # `-` then a nested block, or extra spaces: not Postman's
            if rest[0] == "-" and (rest == "-" or rest[1] == " "):
                raise Fallback  # `- - x`
            first = rest[0]
            if first in {"'", '"'}:
                end = _quoted_end(rest)
                entry = 0 <= end < len(rest) and rest[end] == ":"
            else:
                entry = ": " in rest or rest[-1] == ":"
            if not entry:
                if first in {"|", ">"}:
                    value, i = _block(lines, rest, i, col)
                elif first == '"' and _quoted_end(rest) < 0:
                    value, i = _multiline(lines, rest, i, col)
                else:
                    value = _value(rest, resolve, typed, bad_start)
                container.append(value)
                continue
            # `- key: value` opens a mapping whose keys sit two columns right
            if len(stack) + 1 >= limit:
                raise Fallback
            child = {}
            container.append(child)
            stack.append((container, is_map, indent))
            container, is_map, indent = child, True, col + 2
            col += 2
            body = rest
        elif dash:
            raise Fallback
        # `key: value` in the mapping `container`
        first = body[0]
        if first in {"'", '"'}:
            end = _quoted_end(body)
            if end < 0 or end >= len(body) or body[end] != ":" or end > 1000:
                raise Fallback
            key: Any = _quoted(body[:end])
            rest = body[end + 1 :]
        else:
            cut = body.find(": ")
            if cut < 0:
                if body[-1] != ":":
                    raise Fallback
                cut = len(body) - 1
            key = body[:cut]
            if (
                first in bad_start
                or " #" in key
                or key[-1] == " "
                or cut > 1000  # libyaml's simple keys stop at 1024 characters
            ):
                raise Fallback
            if first in typed:
                key = resolve(key)
                if type(key) is not str:
                    key = _key(key)
            rest = body[cut + 1 :]
        if not rest:
            container[key] = None
            pending, pending_col = key, col
            continue
        if rest[0] != " ":
            raise Fallback
        rest = rest.strip(" ")
        if not rest:
            container[key] = None
            pending, pending_col = key, col
            continue
        first = rest[0]
        if first not in bad_start:  # a plain scalar: the usual case, inline
            if ": " in rest or " #" in rest or rest[-1] == ":":
                raise Fallback
            container[key] = resolve(rest) if first in typed else rest
        elif first in {"|", ">"}:
            container[key], i = _block(lines, rest, i, col)
        elif first == '"':
            end = _dq_close(rest, 1)
            if end < 0:
                container[key], i = _multiline(lines, rest, i, col)
            elif end != len(rest) - 1:
                raise Fallback
            else:
                container[key] = _quoted(rest)
        else:
            container[key] = _value(rest, resolve, typed, bad_start)
    return root


_NO_KEY = object()
_MAYBE_TYPED = frozenset("0123456789-+.~tTfFnN")


def _value(rest: str, resolve: Any, typed: Any, bad_start: Any) -> Any:
    """A one-line scalar (or `[]`, `{}`)."""
    first = rest[0]
    if first in {"'", '"'}:
        if _quoted_end(rest) != len(rest):
            raise Fallback
        return _quoted(rest)
    if rest == "[]":
        return []
    if rest == "{}":
        return {}
    if first in bad_start and not (first in "-?:" and len(rest) > 1 and rest[1] != " "):
        raise Fallback
    if ": " in rest or " #" in rest or rest[-1] == ":":
        raise Fallback
    return resolve(rest) if first in typed else rest


def _block(lines: list[str], header: str, i: int, indent: int) -> tuple[str, int]:
    """A literal (`|`) or folded (`>`) block scalar, chomped by `-`/`+` or clipped, from
    line `i`, its parent at column `indent`."""
    if header not in _BLOCK_HEADERS:
        raise Fallback
    n = len(lines)
    j = i
    while j < n and not lines[j].strip(" "):
        j += 1
    if j >= n:
        raise Fallback
    first = lines[j]
    width = len(first) - len(first.lstrip(" "))
    if width <= indent or first[width] == "\t":
        raise Fallback  # libyaml refuses a TAB where it looks for the indentation
    pad = " " * width
    content: list[str] = []
    k = i
    while k < n:
        line = lines[k]
        if line.startswith(pad):
            if k < j and len(line) > width:
                raise Fallback  # spaces before the text, deeper than it: libyaml's own rule
            # (a line of spaces deeper than the text is text: those spaces)
            content.append(line[width:])
        elif not line.strip(" "):
            if len(line) > width:
                raise Fallback
            content.append("")
        else:
            break
        k += 1
    # trailing empty lines belong to the chomping, not the text
    kept = len(content)
    while kept and not content[kept - 1]:
        kept -= 1
    if not kept:
        raise Fallback
    if k == n and kept == len(content):
        raise Fallback  # the block ends the file without a final line break: rare
    if header[0] == ">":
        text = _fold(content, kept)
        header = "|" + header[1:]
    else:
        text = "\n".join(content[:kept])
    if header == "|-":
        return text, k
    if header == "|":
        return text + "\n", k
    if k == n:
        raise Fallback  # `|+` at the end of the file: the file's last break counts
    return text + "\n" * (len(content) - kept + 1), k


_BLOCK_HEADERS = frozenset(("|", "|-", "|+", ">", ">-", ">+"))


def _fold(content: list[str], kept: int) -> str:
    """Folded block text (before chomping): a single break between two lines that do not
    start with a space becomes a space, a run of empty lines between them gives its own
    breaks only; next to a more-indented line every break stays (libyaml's rule)."""
    if not content[0]:
        raise Fallback  # leading empty lines: not written by Postman
    out = [content[0]]
    prev_blank = content[0][0] == " " or content[0][0] == "\t"
    empty = 0
    for line in content[1:kept]:
        if not line:
            empty += 1
            continue
        blank = line[0] == " " or line[0] == "\t"
        if prev_blank or blank:
            out.append("\n" * (empty + 1))
        elif empty:
            out.append("\n" * empty)
        else:
            out.append(" ")
        out.append(line)
        prev_blank = blank
        empty = 0
    return "".join(out)


def _quoted_end(text: str) -> int:
    """Index just after the closing quote of the quoted scalar that starts `text`."""
    quote = text[0]
    i = 1
    n = len(text)
    if quote == "'":
        while True:
            i = text.find("'", i)
            if i < 0:
                return -1
            if i + 1 < n and text[i + 1] == "'":
                i += 2
                continue
            return i + 1
    j = _dq_close(text, 1)
    return j + 1 if j >= 0 else -1


def _dq_close(text: str, i: int) -> int:
    """Index of the first `"` from `i` that no backslash escapes, or -1."""
    j = _DQ_BODY.match(text, i).end()  # type: ignore[union-attr]  # always matches
    return j if j < len(text) and text[j] == '"' else -1


_DQ_BODY = re.compile(r'(?:[^"\\]++|\\.)*+')


def _multiline(lines: list[str], rest: str, i: int, indent: int) -> tuple[str, int]:
    """A double-quoted scalar over several lines (how Postman writes CRLF text), its
    first line `rest`, the next line `i`, its parent at column `indent`. Folding as
    libyaml does: white space around a line break goes; a lone break is a space, a run
    of empty lines gives one break each; an escaped break (`\\` at the end) gives
    nothing. Continuation lines must sit deeper than the parent."""
    n = len(lines)
    pieces: list[str] = []
    raw = lines[i - 1]  # `rest` lost the line's trailing spaces: they count here
    seg = rest[1:] + " " * (len(raw) - len(raw.rstrip(" ")))
    while True:
        trail = len(seg) - len(seg.rstrip("\\"))
        escaped = trail % 2 == 1
        if escaped:
            pieces.append(seg[:-1])
        else:
            seg = seg.rstrip(" \t")
            if (len(seg) - len(seg.rstrip("\\"))) % 2:
                raise Fallback  # an escaped space right before the break
            pieces.append(seg)
        empty = 0
        while i < n and not lines[i].strip(" \t"):
            if "\t" in lines[i]:
                raise Fallback
            empty += 1
            i += 1
        if i >= n:
            raise Fallback
        line = lines[i]
        body = line.lstrip(" ")
        if len(line) - len(body) <= indent:
            raise Fallback
        body = body.lstrip(" \t")
        i += 1
        if empty or escaped:
            pieces.append("\\n" * empty)
        else:
            pieces.append(" ")
        end = _dq_close(body, 0)
        if end >= 0:
            if body[end + 1 :].strip(" \t"):
                raise Fallback
            pieces.append(body[:end])
            # the raw pieces joined (breaks as `\\n` escapes; no piece ends inside an
            # escape), then decoded once
            return _quoted('"' + "".join(pieces) + '"'), i
        seg = body


def _quoted(token: str) -> str:
    if token[0] == "'":
        return token[1:-1].replace("''", "'")
    inner = token[1:-1]
    if "\\" not in inner:
        return inner
    if not _NOT_JSON.search(inner):
        # only escapes JSON shares with YAML, no surrogates: the C decoder reads it
        try:
            return str(_json_string(token))
        except ValueError:
            raise Fallback from None
    out: list[str] = []
    i = 0
    n = len(inner)
    while i < n:
        j = inner.find("\\", i)
        if j < 0:
            out.append(inner[i:])
            break
        out.append(inner[i:j])
        if j + 1 >= n:
            raise Fallback
        code = inner[j + 1]
        if code in _ESCAPES:
            out.append(_ESCAPES[code])
            i = j + 2
        elif code in _HEX:
            digits = inner[j + 2 : j + 2 + _HEX[code]]
            if len(digits) != _HEX[code] or not _HEX_DIGITS.match(digits):
                raise Fallback
            point = int(digits, 16)
            if 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
                raise Fallback
            out.append(chr(point))
            i = j + 2 + _HEX[code]
        else:
            raise Fallback
    return "".join(out)


def _key(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return ""
    return str(key)
