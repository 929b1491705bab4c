"""Python import blocks laid out the way isort (profile black) and ruff's `I` rules write
them, so generated modules list exactly what they use and `ruff check --select I` leaves
them unchanged:

- sections in order: `__future__`, standard library, third party, first party (the
  generated package, seen from its tests), relative; one blank line between them;
- in a section `import x` lines first, then `from x import ...` sorted by module name
  (case-insensitive, natural order); relative modules furthest first (`..` before `.`);
- the names of one `from` import ordered by type (CONSTANTS, Classes, functions), then
  case-insensitively in natural order (`Name2` before `Name11`); `a as b` on a line of
  its own; a line longer than black allows exploded one name a line, with a trailing
  comma (black's layout).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping

from pmgen.layout import import_from

_SECTIONS = ("future", "stdlib", "thirdparty", "firstparty", "local")
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
_DIGITS = re.compile(r"(\d+)")


def identifiers(annotation: str) -> set[str]:
    """The names an annotation string refers to (`Mapping[str, Any] | NotGiven`)."""
    return set(_IDENTIFIER.findall(annotation))


class ImportBlock:
    def __init__(self, first_party: Iterable[str] = ()) -> None:
        self._plain: set[str] = set()
        self._from: dict[str, set[str]] = {}
        self._first_party = frozenset(first_party)

    def module(self, name: str) -> ImportBlock:
        """`import name`."""
        self._plain.add(name)
        return self

    def names(self, module: str, names: Iterable[str]) -> ImportBlock:
        """`from module import names` (`"a as b"` for an alias); nothing when empty."""
        wanted = set(names)
        if wanted:
            self._from.setdefault(module, set()).update(wanted)
        return self

    def uses(self, used: Iterable[str], table: Mapping[str, str]) -> ImportBlock:
        """Imports each used name that `table` (name -> module) knows; the others are
        builtins or the module's own."""
        for name in used:
            module = table.get(name)
            if module is not None:
                self._from.setdefault(module, set()).add(name)
        return self

    def __bool__(self) -> bool:
        return bool(self._plain or self._from)

    def render(self, indent: str = "") -> str:
        """The block (no trailing newline); "" when nothing is imported."""
        sections: dict[str, list[str]] = {s: [] for s in _SECTIONS}
        for name in sorted(self._plain, key=_module_key):
            sections[self._section(name)].append(f"{indent}import {name}")
        for module in sorted(self._from, key=_module_key):
            plain = [n for n in self._from[module] if " as " not in n]
            lines = sections[self._section(module)]
            if plain:
                lines.append(
                    import_from(module, sorted(plain, key=_member_key), indent)
                )
            for alias in sorted(set(self._from[module]) - set(plain), key=_member_key):
                lines.append(f"{indent}from {module} import {alias}")
        return "\n\n".join("\n".join(lines) for lines in sections.values() if lines)

    def _section(self, module: str) -> str:
        if module.startswith("."):
            return "local"
        if module == "__future__":
            return "future"
        top = module.partition(".")[0]
        if top in self._first_party:
            return "firstparty"
        return "stdlib" if top in sys.stdlib_module_names else "thirdparty"


def _natural(text: str) -> tuple[str | int, ...]:
    """isort's and ruff's natural order, case-insensitive: `name2` before `name11`."""
    return tuple(
        int(part) if part.isdigit() else part for part in _DIGITS.split(text.lower())
    )


def _module_key(module: str) -> tuple[int, tuple[str | int, ...]]:
    # relative modules: furthest from the package first (ruff's and isort's default)
    dots = len(module) - len(module.lstrip("."))
    return -dots, _natural(module.lstrip("."))


def member_order(names: Iterable[str]) -> list[str]:
    """`names` in the order isort writes them in one `from` import."""
    return sorted(names, key=_member_key)


def _member_key(name: str) -> tuple[int, tuple[str | int, ...]]:
    """isort's `order_by_type`: CONSTANTS, then Classes, then everything else."""
    bare = name.partition(" as ")[0]
    if len(bare) > 1 and bare.isupper():
        rank = 0
    elif bare[:1].isupper():
        rank = 1
    else:
        rank = 2
    return rank, _natural(bare)
