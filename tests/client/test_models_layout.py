"""`models_layout.black_layout` writes exactly what black writes, or declines (None)."""

from __future__ import annotations

import itertools
import keyword

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmgen.formatting import BLACK_MODE
from pmgen.inference import HEADER
from pmgen.models_layout import black_layout

NAMES = ["a" * k for k in (5, 30, 60, 75, 80, 84, 86, 90, 100)]
TYPES = [
    "int",
    "str | None",
    "X" * 40 + " | None",
    "X" * 70 + " | None",
    "X" * 84 + " | None",
    "list[" + "Y" * 30 + "] | None",
    "list[" + "Y" * 78 + "] | None",
    "Z" * 85,
    "Z" * 90,
]
VALUES = ["", " = None", " = Field(None)", " = Field(...)"] + [
    f" = Field({first}, alias='{'k' * n}')"
    for first in ("...", "None")
    for n in (5, 30, 60, 80, 100)
]


def _module(fields: list[str], class_name: str = "Model") -> str:
    """The shape datamodel-code-generator writes with `formatters=[]`."""
    lines = [
        "",
        "",
        "from __future__ import annotations",
        "from pydantic import BaseModel, ConfigDict, Field",
        "",
        "",
        f"class {class_name}(BaseModel):",
        "    model_config = ConfigDict(",
        "        extra='allow',",
        "        populate_by_name=True,",
        "    )",
        *fields,
        "",
    ]
    return "\n".join(lines)


def _check(body: str) -> bool:
    """True when laid out (and then equal to black); False when it declined."""
    laid = black_layout(HEADER, body)
    if laid is None:
        return False
    assert laid == black.format_str(HEADER + body, mode=BLACK_MODE)
    return True


def test_every_field_layout_matches_black() -> None:
    laid = 0
    for name, annotation, value in itertools.product(NAMES, TYPES, VALUES):
        laid += _check(_module([f"    {name}: {annotation}{value}"]))
    # most shapes are laid out here (the rest go to black): the grid would catch a guard
    # that declines everything
    assert laid > len(NAMES) * len(TYPES) * len(VALUES) // 2


@pytest.mark.parametrize("length", [20, 80, 86, 88, 95])
def test_long_class_names(length: int) -> None:
    assert _check(_module(["    name: str"], class_name="C" * length))


_keys = st.text(st.characters(codec="ascii"), min_size=1, max_size=90)


@settings(max_examples=300, deadline=None)
@given(
    fields=st.lists(
        st.tuples(
            st.from_regex(r"[a-z_][a-z0-9_]{0,80}", fullmatch=True).filter(
                lambda n: not keyword.iskeyword(n)
            ),
            st.sampled_from(TYPES[:7]),
            st.sampled_from(["...", "None", "", "None-no-alias"]),
            _keys,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_ascii_alias_is_black_exact(
    fields: list[tuple[str, str, str, str]],
) -> None:
    """Aliases are the collection's JSON keys: quotes, backslashes and controls included."""
    lines = []
    for name, annotation, first, key in fields:
        if first == "None-no-alias":
            value = " = Field(None)"
        else:
            value = f" = Field({first}, alias={key!r})" if first else " = None"
        lines.append(f"    {name}: {annotation}{value}")
    laid = _check(_module(lines))
    # short lines of known shapes are always laid out (else this test would pass on a
    # layout that declines everything)
    if all(len(line) <= 80 for line in lines):
        assert laid


def test_declines_what_it_does_not_know() -> None:
    assert black_layout(HEADER, _module(["    name: str = 'x'"])) is None
    assert (
        black_layout(HEADER, _module(["    name: str = Field(..., alias='é')"])) is None
    )
    assert black_layout(HEADER, "x = 1\n") is None
