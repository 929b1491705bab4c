"""datamodel-code-generator's models module laid out as black writes it, so the client's
biggest module can skip black (black took 3.5 s on commercetools' 135 kB `models.py`).

pmgen asks datamodel-code-generator for no formatting and feeds it genson schemas, so its
output has few line shapes: imports, `class Name(Base):`, the `model_config` block and
field lines (`name: T`, `name: T = None`, `name: T = Field(... | None, alias='key')`).
`black_layout` rewrites those the way black does (double quotes, black's split of a long
`Field(...)` call, one blank line after the module docstring) and returns None as soon as
a line has any other shape or could need a layout it does not know (non-ASCII text, whose
width black measures differently; a head too long to split after `Field(`). Callers then
leave the module to black. Tests assert black leaves every result unchanged.
"""

from __future__ import annotations

import ast
import re

from pmgen.layout import LINE_LENGTH, call
from pmgen.render import pystr

_LITERAL = r"""'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*\""""
_TYPE = r"[\w.]+(?:\[[\w\[\], .|]*\])?(?: \| [\w.]+(?:\[[\w\[\], .|]*\])?)*"
_FIELD = re.compile(
    rf"(?P<head>    \w+: {_TYPE})"
    rf"(?: = (?:(?P<none>None)|Field\((?P<first>\.\.\.|None)(?:, alias=(?P<alias>{_LITERAL}))?\)))?"
)
_FIXED = re.compile(
    r"from [\w.]+ import [\w, ]+"
    r"|class \w+\([\w.]+(?:\[[\w\[\], .|]*\])?\):"
    r"|    model_config = ConfigDict\("
    r"|        extra='allow',"
    r"|        populate_by_name=True,"
    r"|    \)"
    r"|    pass"
)


def black_layout(header: str, body: str) -> str | None:
    """`header` (pmgen's comment and module docstring) + datamodel-code-generator's
    `body`, as black would format it; None when `body` has a line this does not know."""
    if not body.isascii():
        return None
    out: list[str] = []
    blanks = 0
    for line in body.split("\n"):
        if not line:
            blanks += 1
            continue
        laid = _line(line)
        if laid is None:
            return None
        if out:
            # black: at most two blank lines at the top level, none inside a class body
            top_level = not line.startswith(" ")
            out.extend([""] * (min(blanks, 2) if top_level else min(blanks, 1)))
        blanks = 0
        out.append(laid)
    if not out:
        return None
    return header.rstrip("\n") + "\n\n" + "\n".join(out) + "\n"


def _line(line: str) -> str | None:
    if _FIXED.fullmatch(line):
        fixed = line.replace("'allow'", '"allow"')
        if len(fixed) <= LINE_LENGTH:
            return fixed
        if fixed.startswith(
            "class "
        ):  # black moves the base class to a line of its own
            name, _, base = fixed[: -len("):")].partition("(")
            return f"{name}(\n    {base}\n):"
        return None
    match = _FIELD.fullmatch(line)
    if match is None:
        return None
    head = match["head"]
    if match["first"] is None:
        if not match["none"]:
            return head if len(head) <= LINE_LENGTH else None
        value, args = "None", None
    else:
        args = [match["first"]]
        if match["alias"] is not None:
            args.append(f"alias={pystr(ast.literal_eval(match['alias']))}")
        value = f"Field({', '.join(args)})"
    # black's order: one line; split the call after `Field(`; the value alone in
    # parentheses; else the annotation in parentheses
    if len(f"{head} = {value}") <= LINE_LENGTH:
        return f"{head} = {value}"
    if args is not None and len(f"{head} = Field(") <= LINE_LENGTH:
        return call(f"{head.lstrip()} = Field", args, "    ")
    if len(f"{head} = (") <= LINE_LENGTH:
        return (
            f"{head} = (\n        {value}\n    )"
            if len(value) + 8 <= LINE_LENGTH
            else None
        )
    return _parenthesized(head, value, args)


def _parenthesized(head: str, value: str, args: list[str] | None) -> str | None:
    """black's layout when even `name: T = Field(` is too long: the annotation goes in
    parentheses (split before each `|` when it does not fit on one line), then the value
    after the closing one, the call split too when the name line is itself too long."""
    name, _, annotation = head.partition(": ")
    first = f"{name}: ("
    inner = f"        {annotation}"
    if len(inner) > LINE_LENGTH:
        if "[" in annotation or " | " not in annotation:
            return None
        inner = "        " + "\n        | ".join(annotation.split(" | "))
        if any(len(part) > LINE_LENGTH for part in inner.split("\n")[1:]):
            return None
    last = f"    ) = {value}"
    if len(last) > LINE_LENGTH or len(first) > LINE_LENGTH:
        if args is None:
            return None
        last = call(") = Field", args, "    ", split=True)
    return f"{first}\n{inner}\n{last}"
