"""Read a v3 collection folder into the model (through the v2.1 reader)."""

from __future__ import annotations

from pathlib import Path

from pmgen.errors import InputError
from pmgen.importer.assemble import parse_collection
from pmgen.importer.limits import Limits
from pmgen.importer.v3.collection import Converter
from pmgen.importer.v3.discover import discover, files_sha256
from pmgen.importer.v3.inputs import collection_files, folder_sha256
from pmgen.model import Collection

__all__ = ["FORMAT", "collection_files", "folder_sha256", "load_folder"]

FORMAT = "v3.0.0"


def load_folder(path: str, limits: Limits) -> Collection:
    found = discover(Path(path), limits)
    if found.root.definition is None and not found.root.has_requests():
        raise InputError(
            "no Postman collection in this folder (no *.request.yaml files, "
            "no .resources/definition.yaml, no postman/collections/)",
            where=path,
        )
    converter = Converter(found, limits)
    value = converter.collection()
    collection = parse_collection(value, path, limits, fmt=FORMAT)
    return collection.model_copy(
        update={
            "diagnostics": [*converter.diagnostics, *collection.diagnostics],
            "source_sha256": files_sha256(
                found.root.path, found.files, converter.reader.digests
            ),
        }
    )
