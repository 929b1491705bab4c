"""One pipeline for every Python name pmgen derives from collection text.

Collection names are untrusted: whatever they hold, the result is a valid,
non-keyword identifier made of `[a-z0-9_]` (or `[A-Za-z0-9]` for classes).
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

_WORD = re.compile(r"[A-Z]+\d*(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+")
_RESERVED = (
    set(keyword.kwlist)
    | set(keyword.softkwlist)
    | {name for name in dir(builtins) if not name.startswith("_")}
    | {"self", "cls", "client", "with_raw_response", "with_options"}
    # Windows device names: identifiers become file names, and these cannot be files there.
    | {"con", "prn", "aux", "nul"}
    | {f"{device}{n}" for device in ("com", "lpt") for n in range(10)}
)


def words(text: str) -> list[str]:
    """Split any text into ASCII words:
    'Get user\u2019s ID (v2)' -> ['Get', 'user', 's', 'ID', 'v2']."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    )
    return _WORD.findall(ascii_text)


def snake(text: str, fallback: str = "unnamed") -> str:
    """A snake_case identifier, never a keyword or builtin, never empty."""
    name = "_".join(w.lower() for w in words(text)) or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}" if fallback != name else f"_{name}"
    if name in _RESERVED:
        name += "_"
    return name


def pascal(text: str, fallback: str = "Unnamed") -> str:
    """A PascalCase class name, never empty, never starting with a digit."""
    name = "".join(w[:1].upper() + w[1:] for w in words(text)) or fallback
    if name[0].isdigit():
        name = fallback + name
    if name in _RESERVED:
        name += "_"
    return name


class Scope:
    """Hands out names unique within one scope, deterministically (`name`, `name_2`, ...)."""

    def __init__(self, taken: set[str] | None = None, separator: str = "_") -> None:
        self._taken: set[str] = set(taken or ())
        self._separator = separator

    def __contains__(self, name: str) -> bool:
        return name in self._taken

    def claim(self, name: str) -> str:
        candidate, counter = name, 2
        while candidate in self._taken:
            candidate = f"{name}{self._separator}{counter}"
            counter += 1
        self._taken.add(candidate)
        return candidate
