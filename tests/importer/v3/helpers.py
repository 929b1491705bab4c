"""Build v3 collection folders from {relative path: YAML text} in a temporary directory."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pmgen.importer import load
from pmgen.model import Collection, Operation


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def load_tree(root: Path, files: dict[str, str], **kwargs: object) -> Collection:
    write_tree(root, files)
    return load(str(root), **kwargs)  # type: ignore[arg-type]


def request_yaml(body: str, kind: str = "http-request") -> str:
    return f"$kind: {kind}\n" + textwrap.dedent(body).lstrip("\n")


def only_op(collection: Collection) -> Operation:
    ops = list(collection.operations())
    assert len(ops) == 1, [o.key for o in ops]
    return ops[0]
