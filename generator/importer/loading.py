"""Loading: any form a Postman collection comes in -> `pmgen.model.Collection`.

    load(source, env_files=..., environment=..., variables=..., globals_files=..., api_key=...)

SOURCE is a file path, `-` (stdin) or an http(s) URL (Postman API, share link,
published-documentation page or JSON). The form is recognized by content (`detect`),
v1 and published forms are reshaped into v2 (`v1`, `published`), and `convert` builds
the model. Errors are `pmgen.errors.InputError` with one clear line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pmgen.errors import InputError, ShapeError, UsageError
from pmgen.importer import detect, jsontext, published, v1
from pmgen.importer.assemble import parse_collection
from pmgen.importer.environments import environment_from_value, read_environment
from pmgen.importer.limits import Limits
from pmgen.importer.sources import Document, is_url, read_file

if TYPE_CHECKING:
    from pmgen.importer.hosts import Hosts
from pmgen.model import Collection, Diagnostic, Environment

Fetch = Callable[[str], Collection]
_V3_FILE = re.compile(
    r"(\.(request|example)|(^|[\\/])definition)\.ya?ml$", re.IGNORECASE
)
_BIG_INPUT = 1_000_000  # bytes: above this, reading a file reports progress
_LOCATED = 50  # warnings given a line and column (each may scan the text once)

Progress = Callable[[str], None]


def load_document(
    document: Document, limits: Limits, fetch: Fetch | None = None
) -> Collection:
    """One read or fetched document -> Collection. `fetch` (online only) follows published
    metadata to the full collection."""
    text_value = jsontext.decode(document.data, document.where)
    detect.sniff_text(text_value, document.where)
    value = jsontext.parse(text_value, document.where, limits.max_json_depth)
    form = detect.classify(value, document.where)
    wrapped = form == "api-wrapper"
    if wrapped:
        value = value["collection"]
        form = detect.classify(value, document.where)
        if form in ("api-wrapper", "published-metadata"):
            raise InputError(
                "nested `collection` wrappers: not a Postman collection",
                where=document.where,
            )
    if form == "environment":
        env = environment_from_value(value, document.where, document.where)
        raise InputError(
            f"this is a Postman environment file ({env.name!r}, {len(env.values)} values), "
            "not a collection: pass it with --env",
            where=document.where,
        )
    if form == "published-metadata":
        return published.from_metadata(value, document.where, document.url, fetch)
    if form == "v1":
        return parse_collection(
            v1.to_v2(value, document.where, limits), document.where, limits, fmt="v1"
        )
    return _located(
        text_value, wrapped, lambda: parse_collection(value, document.where, limits)
    )


def _located(text: str, wrapped: bool, parse: Callable[[], Collection]) -> Collection:
    """Run `parse` on JSON read from `text` (inside an API `collection` wrapper if
    `wrapped`); refusals and warnings gain the line and column their JSON path points at.
    """
    from pmgen.importer.locate import locate  # noqa: PLC0415 (only for bad input)

    def place(path: str) -> tuple[str, str]:
        if wrapped and path.startswith("$"):
            path = "$.collection" + path[1:]
        found = locate(text, path)
        return path, f"{found[0]}:{found[1]}" if found else ""

    try:
        collection = parse()
    except ShapeError as exc:
        path, position = place(exc.path)
        raise ShapeError(
            exc.message, source=exc.source, path=path, position=position
        ) from None
    diagnostics, located = [], 0
    for found in collection.diagnostics:
        if found.location.startswith("$") and located < _LOCATED:
            located += 1
            path, position = place(found.location)
            update = {"location": path, "position": position}
            diagnostics.append(found.model_copy(update=update))
        else:
            diagnostics.append(found)
    if not located:
        return collection
    return collection.model_copy(update={"diagnostics": diagnostics})


def _read(
    source: str,
    limits: Limits,
    api_key: str | None,
    progress: Progress | None,
    hosts: Hosts | None,
) -> Collection:
    if is_url(source):
        # httpx loads only when a URL is given.
        from pmgen.importer import remote  # noqa: PLC0415

        return remote.load_url(
            source,
            limits,
            api_key=api_key,
            progress=progress,
            hosts=hosts,
            parse=load_document,
        )
    if source != "-" and os.path.isdir(source):
        from pmgen.importer.v3.folder import load_folder  # noqa: PLC0415

        return load_folder(source, limits)
    if _V3_FILE.search(source):
        raise InputError(
            "one file of a v3 collection folder (Postman format 3.0.0): "
            "pass the collection's folder as SOURCE",
            where=source,
        )
    document = read_file(source, limits)
    big = progress is not None and len(document.data) > _BIG_INPUT
    if big and progress:
        progress(f"reading {document.where} ({len(document.data) / 1e6:.1f} MB)")
    collection = load_document(document, limits)
    if big and progress:
        progress(f"imported {sum(1 for _ in collection.operations())} requests")
    return collection.model_copy(update={"source_sha256": document.sha256})


def load(
    source: str,
    *,
    env_files: Sequence[str] = (),
    environment: str | None = None,
    variables: Mapping[str, str] | None = None,
    globals_files: Sequence[str] = (),
    api_key: str | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    hosts: Hosts | None = None,
    published_metadata: str | None = None,
    collection_name: str | None = None,
) -> Collection:
    """Read SOURCE and return the model, with environments, globals and overrides attached.

    `published_metadata` names a published-documentation metadata file (or URL) describing the same
    collection: its publisher information, languages and environments join the model.

    `environment` picks one of the known environments by name (published ones included);
    without it the last `--env` file is selected, or the only environment known.

    SOURCE may be a v3 collection folder or a Postman workspace folder; `collection_name`
    picks one of the workspace's `postman/collections/*`, and `environment` may name one
    of its `postman/environments/*` files.
    """
    limits = limits or Limits()
    if not is_url(source) and source != "-":
        from pmgen.importer.v3.workspace import pick_collection  # noqa: PLC0415

        source = pick_collection(source, collection_name)
    elif collection_name is not None:
        raise UsageError("--collection needs a Postman workspace folder as SOURCE")
    collection = _read(source, limits, api_key, progress, hosts)
    if published_metadata:
        metadata = _read(published_metadata, limits, api_key, None, hosts)
        collection = _join_published(collection, metadata)
    environments: list[Environment] = list(collection.environments)
    fetch = _environment_fetcher(limits, api_key, progress, hosts)
    environments.extend(read_environment(path, limits, fetch) for path in env_files)
    if environment is not None and environment not in {e.name for e in environments}:
        environments.extend(_workspace_environments(source, limits))
    global_values = list(collection.globals)
    for path in globals_files:
        global_values.extend(read_environment(path, limits, fetch).values)
    return collection.model_copy(
        update={
            "environments": environments,
            "environment": _select(environments, environment, bool(env_files)),
            "globals": global_values,
            "overrides": dict(variables or {}),
        }
    )


def _workspace_environments(source: str, limits: Limits) -> list[Environment]:
    """The environments of the workspace SOURCE lies in (`--environment NAME` without a
    matching `--env` file)."""
    if is_url(source) or source == "-":
        return []
    from pmgen.importer.v3.workspace import (  # noqa: PLC0415
        environment_files,
        workspace_of,
    )

    workspace = workspace_of(Path(source))
    if workspace is None:
        return []
    return [read_environment(str(p), limits) for p in environment_files(workspace)]


def _join_published(collection: Collection, metadata: Collection) -> Collection:
    """Attach a metadata file's publish info and environments to the collection it describes."""
    if metadata.publish is None:
        raise UsageError(
            f"{metadata.source}: --published expects published-documentation metadata"
        )
    diagnostics = list(collection.diagnostics)
    ids = {
        i
        for i in (metadata.publish.collection_id, metadata.info.postman_id)
        if i is not None
    }
    if collection.info.postman_id and ids and collection.info.postman_id not in ids:
        diagnostics.append(
            Diagnostic(
                level="warning",
                message=f"published metadata {metadata.source} describes collection "
                f"{sorted(ids)[0]}, not {collection.info.postman_id}",
                location="$.info._postman_id",
            )
        )
    return collection.model_copy(
        update={
            "publish": metadata.publish,
            "environments": [*metadata.environments, *collection.environments],
            "info": collection.info.model_copy(
                update={
                    "description": collection.info.description
                    or metadata.info.description
                }
            ),
            "diagnostics": diagnostics,
        }
    )


def _environment_fetcher(
    limits: Limits, api_key: str | None, progress: Progress | None, hosts: Hosts | None
) -> Callable[[str], Document]:
    def fetch(url: str) -> Document:
        from pmgen.importer import remote  # noqa: PLC0415 (httpx only for URLs)

        return remote.fetch_document(
            url, limits, api_key=api_key, progress=progress, hosts=hosts
        )

    return fetch


def _select(
    environments: list[Environment], wanted: str | None, explicit_files: bool
) -> str | None:
    if wanted is not None:
        names = [e.name for e in environments]
        if wanted not in names:
            known = ", ".join(repr(n) for n in names) or "none"
            raise UsageError(f"no environment named {wanted!r} (known: {known})")
        return wanted
    if explicit_files:
        return environments[-1].name
    if len(environments) == 1:
        return environments[0].name
    return None
