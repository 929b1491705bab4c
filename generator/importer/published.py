"""Published documentation ("documenter"): the metadata a docs site serves, and the full
collection it serves with HTML descriptions, string URLs plus `urlObject`, and auth
"segregated" onto every item (normalized back into real inheritance here)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from pmgen.importer.convert import variables
from pmgen.importer.fields import description, text
from pmgen.importer.htmlmd import html_to_markdown, looks_like_html
from pmgen.importer.urls import parse_raw
from pmgen.model import Collection, Diagnostic, Environment, Info, PublishInfo

Fetch = Callable[[str], Collection]


def is_documenter_collection(value: dict[str, Any]) -> bool:
    info = value.get("info")
    if isinstance(info, dict) and "publishedId" in info:
        return True
    auth = value.get("auth")
    return isinstance(auth, dict) and any(
        isinstance(v, dict) and "basicConfig" in v for v in auth.values()
    )


def _markdown(value: Any) -> Any:
    if isinstance(value, dict):
        value = value.get("content")
    if isinstance(value, str) and looks_like_html(value):
        return html_to_markdown(value)
    return value


def _describe_entries(entries: Any) -> Any:
    """Parameter lists (headers, query, path variables, form fields) with HTML descriptions."""
    if not isinstance(entries, list):
        return entries
    return [
        (
            {**e, "description": _markdown(e["description"])}
            if isinstance(e, dict) and "description" in e
            else e
        )
        for e in entries
    ]


def _url(request: dict[str, Any]) -> Any:
    """The string URL, with the `urlObject`'s path-variable and query details."""
    raw, obj = request.get("url"), request.get("urlObject")
    if not isinstance(raw, str) or not isinstance(obj, dict):
        return raw
    parsed = parse_raw(raw)
    query = (
        obj.get("query")
        if isinstance(obj.get("query"), list) and obj.get("query")
        else None
    )
    return {
        "raw": raw,
        "protocol": parsed.protocol,
        "host": parsed.host,
        "port": parsed.port,
        "path": parsed.path,
        "hash": parsed.hash,
        "query": _describe_entries(query)
        or [q.model_dump(exclude_defaults=True) | {"key": q.key} for q in parsed.query],
        "variable": _describe_entries(obj.get("variable") or []),
    }


def _segregated_auth(holder: dict[str, Any]) -> None:
    """`isInherited: true` is a copy of an ancestor's auth: drop it so inheritance applies."""
    auth = holder.get("auth")
    if isinstance(auth, dict) and auth.get("isInherited") is True:
        holder.pop("auth")
    elif isinstance(auth, dict):
        holder["auth"] = {
            k: v for k, v in auth.items() if k not in ("isInherited", "source")
        }


def _normalize_items(items: Any) -> None:
    stack = [items]
    while stack:
        nodes = stack.pop()
        for node in nodes if isinstance(nodes, list) else []:
            if not isinstance(node, dict):
                continue
            if "description" in node:
                node["description"] = _markdown(node["description"])
            request = node.get("request")
            if isinstance(request, dict):
                _segregated_auth(request)
                request["url"] = _url(request)
                request["header"] = _describe_entries(request.get("header"))
                body = request.get("body")
                if isinstance(body, dict):
                    for mode in ("urlencoded", "formdata"):
                        if mode in body:
                            body[mode] = _describe_entries(body[mode])
                request.pop("urlObject", None)
                if "description" in request:
                    request["description"] = _markdown(request["description"])
            else:
                _segregated_auth(node)
            if isinstance(node.get("item"), list):
                stack.append(node["item"])


def normalize_documenter(value: dict[str, Any]) -> dict[str, Any]:
    """A copy reshaped into a plain v2.0 collection."""
    value = copy.deepcopy(value)
    if not isinstance(value.get("info"), dict):
        value["info"] = {}
    info = value["info"]
    info["description"] = _markdown(info.get("description"))
    _segregated_auth(value)
    _normalize_items(value.get("item"))
    return value


def publish_info_from_collection(
    info: dict[str, Any], url: str | None = None
) -> PublishInfo:
    return PublishInfo(
        published_id=_opt(info.get("publishedId")),
        owner_id=_opt(info.get("owner")),
        collection_id=_opt(info.get("collectionId")),
        public_url=_opt(info.get("publicUrl")),
        collection_url=url,
        publish_date=_opt(info.get("publishDate")),
        version=_opt(info.get("version")),
    )


def _opt(value: Any) -> str | None:
    return None if value is None else text(value)


def languages(raw: Any) -> list[str]:
    """`languages` (a JSON *string* of `{key, label, variant}`) -> `["curl:cURL", ...]`."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return []
    result = []
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, dict) and entry.get("key"):
            variant = text(entry.get("variant"))
            result.append(
                f"{text(entry['key'])}:{variant}" if variant else text(entry["key"])
            )
    return result


def docs_host(metadata: dict[str, Any], fetched_from: str | None) -> str | None:
    for candidate in (fetched_from, metadata.get("canonicalUrl")):
        if isinstance(candidate, str) and candidate.startswith(("http://", "https://")):
            parts = urlsplit(candidate)
            return f"{parts.scheme}://{parts.netloc}"
    return None


def metadata_publish_info(
    metadata: dict[str, Any], fetched_from: str | None
) -> PublishInfo:
    info = metadata["collection"]["info"]
    base = publish_info_from_collection(info)
    host = docs_host(metadata, fetched_from)
    collection_url = None
    if host and base.owner_id and base.published_id:
        collection_url = (
            f"{host}/api/collections/{base.owner_id}/{base.published_id}"
            "?segregateAuth=true&versionTag=latest"
        )
    canonical = metadata.get("canonicalUrl")
    return base.model_copy(
        update={
            "docs_host": host,
            "metadata_url": canonical if isinstance(canonical, str) else fetched_from,
            "collection_url": collection_url,
            "languages": languages(metadata.get("languages")),
        }
    )


def metadata_environments(metadata: dict[str, Any]) -> list[Environment]:
    result = []
    raw = metadata.get("environments")
    for env in raw if isinstance(raw, list) else []:
        if isinstance(env, dict):
            name = text(env.get("name")) or "published"
            result.append(
                Environment(
                    name=name, values=variables(env.get("values")), source="published"
                )
            )
    return result


def from_metadata(
    metadata: dict[str, Any], where: str, fetched_from: str | None, fetch: Fetch | None
) -> Collection:
    """Metadata -> Collection. With `fetch` (online) the full collection is fetched from the
    URL the metadata names; offline it has zero requests and a note saying where they live.
    """
    publish = metadata_publish_info(metadata, fetched_from)
    environments = metadata_environments(metadata)
    info = metadata["collection"]["info"]
    if fetch is not None and publish.collection_url:
        full = fetch(publish.collection_url)
        full_publish = full.publish or PublishInfo()
        merged = publish.model_copy(
            update={
                k: v
                for k, v in full_publish.model_dump().items()
                if v and not getattr(publish, k)
            }
        )
        return full.model_copy(
            update={
                "publish": merged,
                "environments": [*environments, *full.environments],
                "info": full.info.model_copy(
                    update={"description": full.info.description or _text_md(info)}
                ),
            }
        )
    note = "published-documentation metadata: it holds no requests"
    if publish.collection_url:
        note += (
            f"; the requests live in the full collection at {publish.collection_url}"
        )
    return Collection(
        info=Info(
            name=text(info.get("name")) or "Untitled collection",
            postman_id=_opt(info.get("_postman_id")),
            schema_url=_opt(info.get("schema")),
            format="published-metadata",
            description=_text_md(info),
            version=_opt(info.get("version")),
        ),
        source=where,
        environments=environments,
        publish=publish,
        diagnostics=[Diagnostic(level="info", message=note, location="$.collection")],
    )


def _text_md(info: dict[str, Any]) -> str:
    """Metadata descriptions are markdown already (only the full collection's are HTML)."""
    return description(info.get("description"))
