"""Assemble a `Collection` from a v2-shaped JSON value (the last step of every form)."""

from __future__ import annotations

from typing import Any

from pmgen.importer import published
from pmgen.importer.convert import convert_tree
from pmgen.importer.fields import description, text
from pmgen.importer.limits import Limits
from pmgen.model import Collection, Diagnostic, Info, PublishInfo


def _format(info: dict[str, Any]) -> tuple[str, str | None]:
    schema = info.get("schema")
    if isinstance(info.get("_postman_schema"), str) and not isinstance(schema, str):
        return "v2.0.0-draft", info["_postman_schema"]
    schema_text = schema if isinstance(schema, str) else None
    if schema_text and "v2.0.0" in schema_text:
        return "v2.0.0", schema_text
    if schema_text and "v1.0.0" in schema_text:
        return "v1", schema_text
    return "v2.1.0", schema_text


def _version(value: Any) -> str | None:
    if isinstance(value, dict):  # draft: {major, minor, patch, prerelease}
        core = ".".join(
            text(value.get(k))
            for k in ("major", "minor", "patch")
            if value.get(k) is not None
        )
        pre = text(value.get("prerelease")) if value.get("prerelease") else ""
        return (core + (f"-{pre}" if pre else "")) or None
    return text(value) if value is not None else None


def parse_collection(
    value: Any,
    where: str,
    limits: Limits,
    publish: PublishInfo | None = None,
    fmt: str | None = None,
) -> Collection:
    """A parsed JSON value (already unwrapped and reshaped into v2) -> Collection."""
    info_raw = value.get("info") if isinstance(value.get("info"), dict) else {}
    diagnostics: list[Diagnostic] = []
    if not value.get("info"):
        diagnostics.append(
            Diagnostic(
                level="info",
                message="no `info` block: name taken from the file",
                location="$",
            )
        )
    detected, schema = _format(info_raw)
    if published.is_documenter_collection(value):
        value = published.normalize_documenter(value)
        info_raw = value["info"]
        detected = "documenter-v2.0.0"
        publish = publish or published.publish_info_from_collection(info_raw)
    name = (
        text(info_raw.get("name", value.get("name"))).strip() or "Untitled collection"
    )
    tree = convert_tree(value, name, where, limits)
    if tree.requests == 0 and not value.get("item") and not value.get("items"):
        diagnostics.append(
            Diagnostic(
                level="warning",
                message="the collection has no requests",
                location="$.item",
            )
        )
    info = Info(
        name=name,
        postman_id=text(info_raw.get("_postman_id", info_raw.get("id"))) or None,
        schema_url=schema,
        format=fmt or detected,
        description=description(info_raw.get("description", value.get("description"))),
        version=_version(info_raw.get("version")),
    )
    return Collection(
        info=info,
        source=where,
        variables=tree.variables,
        auth=tree.auth,
        scripts=tree.scripts,
        protocol_profile_behavior=tree.behavior,
        items=tree.items,
        publish=publish,
        diagnostics=[*diagnostics, *tree.diagnostics],
    )
