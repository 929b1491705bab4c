"""Ordering (FORMAT.md §5): one `order` space for folders and requests of a directory,
missing = 0, ties by display name code point by code point; examples alike."""

# ruff: noqa: E501  (YAML fixtures stay one line per file: easier to read than split)

from __future__ import annotations

from pathlib import Path

from pmgen.model import Folder
from tests.importer.v3.helpers import load_tree, request_yaml


def _names(items: list) -> list[str]:  # type: ignore[type-arg]
    return [i.name for i in items]


def test_folders_and_requests_share_one_order(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {
            "z-first.request.yaml": request_yaml("url: x\norder: -5\n"),
            "Folder/.resources/definition.yaml": "$kind: collection\norder: 1500\n",
            "Folder/in.request.yaml": request_yaml("url: x\n"),
            "a.request.yaml": request_yaml("url: x\norder: 1000\n"),
            "b.request.yaml": request_yaml("url: x\norder: 2000\n"),
            "c.request.yaml": request_yaml("url: x\norder: 1822.5\n"),
        },
    )
    assert _names(c.items) == ["z-first", "a", "Folder", "c", "b"]


def test_ties_and_missing_order_by_code_point(tmp_path: Path) -> None:
    files = {
        f"{stem}.request.yaml": request_yaml(f"name: {name}\nurl: x\n")
        for stem, name in [("1", "a lower"), ("2", "B upper"), ("3", "_under"),
                           ("4", "9 digit"), ("5", "A upper")]
    }  # fmt: skip
    files["c folder/.resources/definition.yaml"] = "$kind: collection\n"
    files["c folder/x.request.yaml"] = request_yaml("url: x\n")
    files["late.request.yaml"] = request_yaml("url: x\norder: 1\n")
    c = load_tree(tmp_path, files)
    assert _names(c.items) == [
        "9 digit",
        "A upper",
        "B upper",
        "_under",
        "a lower",
        "c folder",
        "late",
    ]


def test_folder_without_definition_is_a_folder_with_order_zero(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {
            "Plain/r.request.yaml": request_yaml("url: x\n"),
            "a.request.yaml": request_yaml("url: x\norder: 1\n"),
            "docs/readme.md": "not a folder\n",
            "Empty/.resources/definition.yaml": "$kind: collection\norder: 2\n",
        },
    )
    assert _names(c.items) == ["Plain", "a", "Empty"]
    assert isinstance(c.items[2], Folder) and c.items[2].items == []


def test_invalid_order_counts_as_zero(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {
            "b.request.yaml": request_yaml("url: x\norder: '5'\n"),
            "a.request.yaml": request_yaml("url: x\norder: 1\n"),
        },
    )
    assert _names(c.items) == ["b", "a"]


def test_examples_ordered_by_order_then_name(tmp_path: Path) -> None:
    ex = "$kind: http-example\n{extra}response:\n  statusCode: 200\n  statusText: OK\n  body: {{type: text, content: ''}}\n"
    c = load_tree(
        tmp_path,
        {
            "r.request.yaml": request_yaml("url: x\n"),
            ".resources/r.resources/examples/b.example.yaml": ex.format(
                extra="order: 1\n"
            ),
            ".resources/r.resources/examples/a.example.yaml": ex.format(
                extra="order: 1\n"
            ),
            ".resources/r.resources/examples/z.example.yaml": ex.format(extra=""),
            ".resources/other.resources/examples/orphan.example.yaml": ex.format(
                extra=""
            ),
        },
    )
    op = next(c.operations())
    assert [e.name for e in op.examples] == ["z", "a", "b"]


def test_nested_folders_keep_the_rule_at_every_depth(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {
            "A/.resources/definition.yaml": "$kind: collection\nname: Top\n",
            "A/B/.resources/definition.yaml": "$kind: collection\norder: 2\n",
            "A/B/deep.request.yaml": request_yaml("url: x\n"),
            "A/first.request.yaml": request_yaml("url: x\norder: 1\n"),
        },
    )
    top = c.items[0]
    assert isinstance(top, Folder) and top.name == "Top"
    assert _names(top.items) == ["first", "B"]
    assert [op.key for op in c.operations()] == ["Top / first", "Top / B / deep"]
