"""Import blocks of generated modules: what isort and ruff's `I` rules write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pmgen.pyimports import ImportBlock, identifiers, member_order


def test_sections_order_and_layout_are_what_ruff_writes(tmp_path: Path) -> None:
    block = ImportBlock(first_party={"shop"})
    block.names("..models", ["UserResponse", "Address"])
    block.names(".", ["_config"])
    block.names("._types", ["Query", "NOT_GIVEN", "NotGiven", "cast_value"])
    block.names("._scripting", ["ScriptedSyncAPIClient as SyncAPIClient"])
    block.names("typing", ["cast", "TYPE_CHECKING", "Any"])
    block.module("copy").module("httpx").names("__future__", ["annotations"])
    block.names("shop", ["models", "Shop"])
    block.uses(["Mapping", "len"], {"Mapping": "collections.abc"})
    block.names(
        "..very_long_module_name_for_the_layout", [f"Name{i}" for i in range(12)]
    )
    text = block.render()
    assert text.startswith("from __future__ import annotations\n\nimport copy\n")
    assert "from typing import TYPE_CHECKING, Any, cast\n" in text
    assert text.index("from ..models") < text.index("from . import _config")
    assert text.endswith("from ._types import NOT_GIVEN, NotGiven, Query, cast_value")
    assert (
        "    Name9,\n    Name10,\n    Name11,\n)" in text
    )  # too long for a line: exploded as black does
    source = tmp_path / "module.py"
    source.write_text(text + "\n", encoding="utf-8")
    (tmp_path / "shop").mkdir()  # first party for ruff too
    (tmp_path / "shop" / "__init__.py").write_text("", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache",
         "--line-length", "88", "--select", "I", "module.py"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + text


def test_empty_block_renders_nothing() -> None:
    block = ImportBlock().names("typing", [])
    assert not block
    assert block.render() == ""


def test_names_of_annotations_and_member_order() -> None:
    assert identifiers("Mapping[str, Any] | NotGiven") == {
        "Mapping",
        "str",
        "Any",
        "NotGiven",
    }
    assert member_order(["models", "Shop", "APIStatusError", "NOT_GIVEN"]) == [
        "NOT_GIVEN",
        "APIStatusError",
        "Shop",
        "models",
    ]
