"""Find where a JSON path (`$.item[0].request.url`) points in the JSON text it was read
from, as `(line, column)` (1-based, as `json` reports syntax errors).

Used only to point at bad input, after the fact: it walks down the path and skips the
siblings with the C decoder, so the cost is one pass over the text at most.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]

_STEP = re.compile(r"\.([A-Za-z_$][\w$-]*)|\[(\d+)\]")
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def steps(path: str) -> list[str | int] | None:
    """`$.item[0].request` -> ["item", 0, "request"]; None for what is not such a path."""
    if not path.startswith("$"):
        return None
    result: list[str | int] = []
    at = 1
    while at < len(path):
        match = _STEP.match(path, at)
        if match is None:
            return None
        key, index = match.groups()
        result.append(key if key is not None else int(index))
        at = match.end()
    return result


def _skip_space(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _member(text: str, at: int, key: str) -> int | None:
    """In the object at `at`, where the value of `key` starts (the last one, as `json`
    keeps the last of repeated keys)."""
    found = None
    at = _skip_space(text, at + 1)
    while at < len(text) and text[at] == '"':
        name, at = scanstring(text, at + 1)
        at = _skip_space(text, at)
        if at >= len(text) or text[at] != ":":
            return None
        at = _skip_space(text, at + 1)
        if name == key:
            found = at
        _, at = _DECODER.raw_decode(text, at)
        at = _skip_space(text, at)
        if at < len(text) and text[at] == ",":
            at = _skip_space(text, at + 1)
    return found


def _element(text: str, at: int, index: int) -> int | None:
    at = _skip_space(text, at + 1)
    for _ in range(index):
        if at >= len(text) or text[at] == "]":
            return None
        _, at = _DECODER.raw_decode(text, at)
        at = _skip_space(text, at)
        if at >= len(text) or text[at] != ",":
            return None
        at = _skip_space(text, at + 1)
    return at if at < len(text) and text[at] != "]" else None


def locate(text: str, path: str) -> tuple[int, int] | None:
    """The line and column of the value at `path` in `text`, or None if not found."""
    walk = steps(path)
    if walk is None:
        return None
    at = _skip_space(text, 0)
    try:
        for step in walk:
            opener = text[at : at + 1]
            if isinstance(step, str) and opener == "{":
                found = _member(text, at, step)
            elif isinstance(step, int) and opener == "[":
                found = _element(text, at, step)
            else:
                return None
            if found is None:
                return None
            at = found
    except (ValueError, RecursionError):
        return None
    line = text.count("\n", 0, at) + 1
    return line, at - text.rfind("\n", 0, at)
