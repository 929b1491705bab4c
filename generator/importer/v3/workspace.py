"""Postman workspace folders: a repository's `postman/collections/<name>` roots (v3
folders or v2.1 JSON files beside them), `postman/environments/*.environment.yaml` and
`postman/globals/*.globals.yaml` (FORMAT.md §1, §13)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from pmgen.errors import InputError, UsageError
from pmgen.importer.v3.discover import looks_like_collection

_JSON_COLLECTION = re.compile(r"\.(postman_collection\.)?json$", re.IGNORECASE)
_ENVIRONMENT = re.compile(r"\.environment\.(ya?ml|json)$", re.IGNORECASE)


def workspace_of(path: Path) -> Path | None:
    """The workspace folder `path` is (it holds `postman/collections/`) or lies in (it is
    `postman/collections/<name>`)."""
    if (path / "postman" / "collections").is_dir():
        return path
    parent = path.absolute().parent
    if parent.name == "collections" and parent.parent.name == "postman":
        return parent.parent.parent
    return None


def collection_roots(workspace: Path) -> dict[str, Path]:
    """Name -> root: each sub-folder of `postman/collections/` holding a v3 collection,
    and each JSON collection file there (named without its extension)."""
    roots: dict[str, Path] = {}
    where = workspace / "postman" / "collections"
    for entry in sorted(os.scandir(where), key=lambda e: e.name):
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False) and looks_like_collection(path):
            roots[entry.name] = path
        elif entry.is_file(follow_symlinks=False) and _JSON_COLLECTION.search(
            entry.name
        ):
            roots[_JSON_COLLECTION.sub("", entry.name)] = path
    return roots


def pick_collection(source: str, wanted: str | None) -> str:
    """SOURCE itself, or for a workspace folder the collection root to read: the one
    named `wanted`, or the only one. Several without a name: say which exist."""
    path = Path(source)
    if (
        path.name == "collections"
        and path.absolute().parent.name == "postman"
        and not looks_like_collection(path, max_depth=0)
    ):  # `postman/collections` itself: its sub-folders are the collections
        path = path.absolute().parent.parent
    if not path.is_dir() or not (path / "postman" / "collections").is_dir():
        if wanted is not None and path.is_dir() and workspace_of(path) is None:
            raise UsageError(f"--collection needs a Postman workspace folder: {source}")
        return source
    roots = collection_roots(path)
    known = ", ".join(repr(n) for n in roots) or "none"
    if wanted is not None:
        if wanted in roots:
            return str(roots[wanted])
        raise UsageError(
            f"no collection named {wanted!r} in {path / 'postman' / 'collections'} (known: {known})"
        )
    if len(roots) == 1:
        return str(next(iter(roots.values())))
    if not roots:
        raise InputError(
            "no Postman collection in this workspace (postman/collections/ is empty)",
            where=source,
        )
    raise UsageError(
        f"{source} holds {len(roots)} collections: pick one with --collection NAME "
        f"(known: {known})"
    )


def environment_files(workspace: Path) -> list[Path]:
    where = workspace / "postman" / "environments"
    try:
        entries = sorted(os.scandir(where), key=lambda e: e.name)
    except OSError:
        return []
    return [
        Path(e.path)
        for e in entries
        if _ENVIRONMENT.search(e.name) and e.is_file(follow_symlinks=False)
    ]
