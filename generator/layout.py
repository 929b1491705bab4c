"""Python layout as black writes it, so templates can skip black (`emitted.BlackStable`).

The client's resource modules are most of a big client (commercetools: 148 modules,
4.8 MB) and black on them took longer than everything else together. Their templates
render black's layout directly with these helpers; `fits_black` is the guard: a module
with a code line longer than black allows is handed to black as before. Tests assert
`formatting.black_changes(...) == []` for every module marked stable (corpus, seeds,
hostile names), and `PMGEN_VERIFY_BLACK_STABLE=1` checks it on any run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pmgen.render import docstring

# The line length of black's mode (`pmgen.formatting`) that every black-stable layout
# (client templates, `models_layout`, snippets) assumes.
LINE_LENGTH = 88


def doc(text: object, indent: str) -> str:
    """A docstring literal for a body at `indent`, laid out as black lays it out:
    one line closes on the same line; more lines are re-indented (PEP 257 trim) and
    close on a line of their own."""
    lines = (docstring(text) or "No description.").split("\n")
    first = lines[0].strip()
    if first.startswith('"'):
        first = (
            " " + first
        )  # black's padding: `""""` would end the opening quotes early
    if len(lines) == 1:
        return f'"""{first} """' if first.endswith('"') else f'"""{first}"""'
    rest = [_expand_leading_tabs(line) for line in lines[1:]]
    common = min(
        (len(line) - len(line.lstrip()) for line in rest if line.strip()), default=0
    )
    trimmed = [first] + [
        indent + line[common:].rstrip() if line.strip() else "" for line in rest
    ]
    return '"""' + "\n".join(trimmed) + "\n" + indent + '"""'


def _expand_leading_tabs(line: str) -> str:
    stripped = line.lstrip()
    if not stripped or stripped == line:
        return line
    return line[: len(line) - len(stripped)].expandtabs(4) + stripped


def import_from(module: str, names: Sequence[str], indent: str = "") -> str:
    """`from module import a, b`, exploded one name a line when too long (black always
    explodes a split import; `pyimports` puts the names in isort's order)."""
    line = f"{indent}from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    inner = "".join(f"{indent}    {name},\n" for name in names)
    return f"{indent}from {module} import (\n{inner}{indent})"


def assign_list(target: str, items: Sequence[str], indent: str = "") -> str:
    """`target = [items]` (items are literals), exploded one a line when too long."""
    line = f"{indent}{target} = [{', '.join(items)}]"
    if len(line) <= LINE_LENGTH:
        return line
    inner = "".join(f"{indent}    {item},\n" for item in items)
    return f"{indent}{target} = [\n{inner}{indent}]"


def call(head: str, args: Sequence[str], indent: str, *, split: bool = False) -> str:
    """`head(args)` as a statement at `indent`: one line (unless `split`: black splits a
    call whose line holds something longer), else the arguments on one indented line,
    else one argument a line with a trailing comma."""
    line = f"{indent}{head}({', '.join(args)})"
    if len(line) <= LINE_LENGTH and not split:
        return line
    inner = f"{indent}    {', '.join(args)}"
    if len(inner) <= LINE_LENGTH:
        return f"{indent}{head}(\n{inner}\n{indent})"
    exploded = "".join(f"{indent}    {arg},\n" for arg in args)
    return f"{indent}{head}(\n{exploded}{indent})"


def statement_call(lead: str, func: str, arg: str, indent: str) -> str:
    """`{lead}func(arg)` (`lead`: `target = ` or `return `; names only) as black lays it
    out: one line; else the call split after `func(`; else the call in parentheses when
    everything then fits; else the call split with its long head."""
    line = f"{indent}{lead}{func}({arg})"
    if len(line) <= LINE_LENGTH:
        return line
    inner = indent + "    "
    split = f"{indent}{lead}{func}(\n{inner}{arg}\n{indent})"
    if len(f"{indent}{lead}{func}(") <= LINE_LENGTH and len(inner + arg) <= LINE_LENGTH:
        return split
    if len(f"{indent}{lead}(") <= LINE_LENGTH:
        wrapped = call(func, [arg], inner)
        if all(len(part) <= LINE_LENGTH for part in wrapped.split("\n")):
            return f"{indent}{lead}(\n{wrapped}\n{indent})"
    return split


def property_head(name: str, returns: str) -> str:
    """`def name(self) -> returns:` of a method in a class body, as black lays it out."""
    line = f"    def {name}(self) -> {returns}:"
    if len(line) <= LINE_LENGTH:
        return line
    head = f"    def {name}(\n        self,\n    )"
    if (
        len(f"    ) -> {returns}:") > LINE_LENGTH
        and len(f"        {returns}") <= LINE_LENGTH
    ):
        return f"{head} -> (\n        {returns}\n    ):"
    return f"{head} -> {returns}:"


# Long lines black cannot split further, as the helpers above already wrote them (a name
# or literal alone, a split opening or closing bracket line, `keyword=Name,`).
_UNSPLITTABLE = re.compile(
    r" *(?:"
    r"[\w.]+,?"  # an exploded name
    r'|"\w+",?'  # an exploded identifier-like literal
    r"|\| \w+"  # a part of a split annotation
    r"|(?:async )?def \w+\("
    r"|class \w+\("
    r"|from [\w.]+ import \("
    r"|\w+=\w+,"
    r"|(?:self\.\w+ = |return )\w+\("  # a split call's head (`statement_call`)
    r"|class \w+:"
    r"|    \) -> \w{81,}:"  # `property_head`: too long for parentheses too
    r"|\w+: \w+,"  # a parameter of an exploded signature
    r")"
)


def fits_black(source: str) -> bool:
    """No code line longer than black allows, except lines black cannot split (docstring
    lines may be long too: black keeps them).

    Docstrings are the only triple-quoted strings these templates write, and the
    `docstring` filter escapes any `\"\"\"` inside them, so quote triples toggle the state.
    """
    in_doc = False
    for line in source.split("\n"):
        quotes = line.count('"""')
        if (
            not in_doc
            and quotes == 0
            and len(line) > LINE_LENGTH
            and not _UNSPLITTABLE.fullmatch(line)
        ):
            return False
        if quotes % 2:
            in_doc = not in_doc
    return True


def parameter(name: str, annotation: str, default: str | None, indent: str) -> str:
    """One parameter line of an exploded signature; a long annotation goes in parentheses,
    split at its `|` when it does not fit on one line there either (black's layout)."""
    tail = f" = {default}," if default is not None else ","
    line = f"{indent}{name}: {annotation}{tail}"
    if len(line) <= LINE_LENGTH or default is None:
        return line  # without a default black splits differently: fits_black guards it
    inner = f"{indent}    {annotation}"
    if len(inner) > LINE_LENGTH:
        first, *rest = annotation.split(" | ")
        inner = "\n".join(
            [f"{indent}    {first}", *(f"{indent}    | {part}" for part in rest)]
        )
    return f"{indent}{name}: (\n{inner}\n{indent}){tail}"
