"""Parse JSON text with errors that point at the line and column, and bounded nesting."""

from __future__ import annotations

import json
from typing import Any

from pmgen.errors import InputError


def decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    raise InputError("not UTF-8 text (is this a binary file?)", where=where)


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Iterative nesting check (a recursive one would hit the stack on hostile input)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend(
                (v, depth + 1) for v in node.values() if isinstance(v, (dict, list))
            )
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, (dict, list)))
    return False


def parse(text: str, where: str, max_depth: int) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON: {exc.msg}", where=f"{where}:{exc.lineno}:{exc.colno}"
        ) from None
    except RecursionError:
        raise InputError(
            f"JSON nested too deeply (limit {max_depth} levels)", where=where
        ) from None
    if _depth_exceeds(value, max_depth):
        raise InputError(
            f"JSON nested too deeply (limit {max_depth} levels)", where=where
        )
    return value
