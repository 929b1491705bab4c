"""What a v3 folder SOURCE consists of, for the manifest, `generate`'s up-to-date
shortcut and `watch`: the collection's files and their hash (no pydantic import here:
the shortcut must stay cheap)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pmgen.importer.limits import Limits
from pmgen.importer.v3.discover import discover, files_sha256


def collection_files(path: str | Path, limits: Limits | None = None) -> list[Path]:
    """Every file the import of this folder reads (and only those): what the manifest's
    source hash and `watch` cover."""
    return [Path(p) for p in discover(Path(path), limits or Limits()).files]


def folder_sha256(path: str | Path, limits: Limits | None = None) -> str:
    found = discover(Path(path), limits or Limits())
    return files_sha256(found.root.path, found.files)


def fingerprint_inputs(
    source: str, collection_name: str | None, environment: str | None
) -> list[list[str]] | None:
    """For `generate`'s up-to-date shortcut: [name, sha256] of a folder SOURCE's
    collection files (a workspace resolved to its picked collection) and, when
    `--environment` may come from the workspace, of its environment files. None when
    SOURCE is not a folder."""
    from pmgen.importer.v3.workspace import (  # noqa: PLC0415
        environment_files,
        pick_collection,
        workspace_of,
    )

    if not os.path.isdir(source):
        return None
    root = Path(pick_collection(source, collection_name))
    if not root.is_dir():  # a JSON collection of the workspace
        return [[str(root), _file_sha256(root)]]
    inputs = [[str(root), folder_sha256(root)]]
    workspace = workspace_of(root)
    if environment is not None and workspace is not None:
        inputs += [[str(p), _file_sha256(p)] for p in environment_files(workspace)]
    return inputs


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
