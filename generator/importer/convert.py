"""Walk a v2-shaped collection (v2.1, v2.0, the draft; v1 and published forms are first
reshaped into it) and build the model: folders, operations, effective auth, names, keys.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pmgen import naming
from pmgen.errors import InputError, ShapeError
from pmgen.importer import fields
from pmgen.importer.checks import Checks
from pmgen.importer.fields import description, text
from pmgen.importer.limits import Limits
from pmgen.importer.requests import parse_examples, parse_request
from pmgen.importer.scripts import script_ids, scripts
from pmgen.model import (
    Auth,
    Diagnostic,
    EffectiveAuth,
    Folder,
    Item,
    Operation,
    Script,
    Variable,
)
from pmgen.secrets import is_secret_name, looks_like_secret


@dataclass(frozen=True)
class _Context:
    """What an item inherits from its ancestors."""

    folder: tuple[str, ...] = ()
    folder_identifiers: tuple[str, ...] = ()
    path: str = "$"
    auth: EffectiveAuth = field(
        default_factory=lambda: EffectiveAuth(auth=None, source="none")
    )
    behavior: tuple[tuple[str, Any], ...] = ()
    scripts: tuple[Script, ...] = ()


@dataclass
class _Walk:
    limits: Limits
    where: str
    shared_scripts: dict[str, str]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    keys: Counter[str] = field(default_factory=Counter)
    ids: set[str] = field(default_factory=set)
    requests: int = 0
    items_warned: bool = False
    checks: Checks = field(init=False)

    def __post_init__(self) -> None:
        self.checks = Checks(self.where, self.warn)

    def warn(self, message: str, location: str) -> None:
        self.diagnostics.append(
            Diagnostic(level="warning", message=message, location=location)
        )

    def children(self, node: dict[str, Any], path: str) -> tuple[list[Any], str]:
        """`item`, or the malformed `items` (read, with a warning, never silently dropped)."""
        if node.get("item") is not None or node.get("items") is None:
            return self.checks.listed(node.get("item"), f"{path}.item", "items"), (
                f"{path}.item"
            )
        if not self.items_warned:
            self.warn(
                "non-standard `items` instead of `item`: read as `item`",
                f"{path}.items",
            )
            self.items_warned = True
        return self.checks.listed(node["items"], f"{path}.items", "items"), (
            f"{path}.items"
        )

    def events(self, node: dict[str, Any], path: str) -> list[Any]:
        return self.checks.listed(node.get("event"), f"{path}.event", "events")

    def unique_id(self, raw: Any, key: str) -> str:
        candidate = raw if isinstance(raw, str) and raw else ""
        if not candidate or candidate in self.ids:
            candidate = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        while candidate in self.ids:  # astronomically rare; stays deterministic
            candidate = hashlib.sha256(candidate.encode("utf-8")).hexdigest()[:24]
        self.ids.add(candidate)
        return candidate


def _is_folder(node: dict[str, Any]) -> bool:
    """As Postman's SDK decides: no `request`, and children (`item`) given."""
    if "request" in node:
        return False
    return node.get("item") is not None or node.get("items") is not None


def _effective(
    auth: Auth | None, declared: bool, source: str, name: str, parent: EffectiveAuth
) -> EffectiveAuth:
    if not declared:
        return parent
    if auth is None or auth.type == "noauth":
        return EffectiveAuth(auth=None, source=source, source_name=name)  # type: ignore[arg-type]
    return EffectiveAuth(auth=auth, source=source, source_name=name)  # type: ignore[arg-type]


def _behavior(
    parent: tuple[tuple[str, Any], ...], raw: Any
) -> tuple[tuple[str, Any], ...]:
    if not isinstance(raw, dict) or not raw:
        return parent
    merged = dict(parent)
    merged.update(raw)
    return tuple(merged.items())


def _name(node: dict[str, Any]) -> str:
    return text(node.get("name"))  # kept as written: keys must match Newman's


def _walk(walk: _Walk, nodes: list[Any], ctx: _Context, list_path: str) -> list[Item]:
    if len(ctx.folder) > walk.limits.max_depth:
        raise ShapeError(
            f"folders nested deeper than {walk.limits.max_depth} levels",
            source=walk.where,
            path=list_path,
        )
    scope = naming.Scope()
    items: list[Item] = []
    for index, node in enumerate(nodes):
        path = f"{list_path}[{index}]"
        if not isinstance(node, dict):
            walk.checks.refuse("an item object (a request or a folder)", node, path)
        name = _name(node)
        if _is_folder(node):
            items.append(
                _folder(walk, node=node, ctx=ctx, path=path, name=name, scope=scope)
            )
        else:
            items.append(
                _operation(walk, node=node, ctx=ctx, path=path, name=name, scope=scope)
            )
    return items


def _folder(
    walk: _Walk,
    *,
    node: dict[str, Any],
    ctx: _Context,
    path: str,
    name: str,
    scope: naming.Scope,
) -> Folder:
    identifier = scope.claim(naming.snake(name, fallback="folder"))
    auth, declared = fields.auth(node.get("auth"))
    own_scripts = scripts(walk.events(node, path), walk.shared_scripts)
    child_nodes, child_path = walk.children(node, path)
    child = _Context(
        folder=(*ctx.folder, name),
        folder_identifiers=(*ctx.folder_identifiers, identifier),
        path=path,
        auth=_effective(auth, declared, "folder", name, ctx.auth),
        behavior=_behavior(ctx.behavior, node.get("protocolProfileBehavior")),
        scripts=(*ctx.scripts, *own_scripts),
    )
    key = " / ".join(child.folder)
    return Folder(
        id=walk.unique_id(node.get("id", node.get("_postman_id")), "folder:" + key),
        name=name,
        identifier=identifier,
        description=description(node.get("description")),
        auth=auth,
        auth_declared=declared,
        scripts=own_scripts,
        items=_walk(walk, child_nodes, child, child_path),
    )


def _operation(
    walk: _Walk,
    *,
    node: dict[str, Any],
    ctx: _Context,
    path: str,
    name: str,
    scope: naming.Scope,
) -> Operation:
    walk.requests += 1
    if walk.requests > walk.limits.max_requests:
        raise InputError(
            f"more than {walk.limits.max_requests} requests (raise the limit to read it)",
            where=walk.where,
        )
    raw_request = walk.checks.request(node.get("request"), f"{path}.request")
    if raw_request is None:
        walk.warn("item has neither `request` nor `item`: read as an empty GET", path)
    base_key = " / ".join((*ctx.folder, name))
    walk.keys[base_key] += 1
    repeat = walk.keys[base_key]
    key = base_key if repeat == 1 else f"{base_key} #{repeat}"
    request = parse_request(raw_request)
    return Operation(
        id=walk.unique_id(node.get("id", node.get("_postman_id")), key),
        name=name,
        identifier=scope.claim(naming.snake(name, fallback="request")),
        folder=list(ctx.folder),
        folder_identifiers=list(ctx.folder_identifiers),
        key=key,
        description=description(
            raw_request.get("description") if isinstance(raw_request, dict) else None
        )
        or description(node.get("description")),
        request=request,
        auth=_effective(request.auth, request.auth_declared, "request", name, ctx.auth),
        protocol_profile_behavior=dict(
            _behavior(ctx.behavior, node.get("protocolProfileBehavior"))
        ),
        scripts=scripts(walk.events(node, path), walk.shared_scripts),
        inherited_scripts=list(ctx.scripts),
        examples=parse_examples(
            walk.checks.listed(node.get("response"), f"{path}.response", "responses")
        ),
    )


def variables(raw: Any) -> list[Variable]:
    """Collection variables or environment `values` (`key` or the draft's `id`)."""
    result = []
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, dict):
            continue
        key = entry.get("key", entry.get("id"))
        if key is None:
            continue
        key, value = text(key), fields.optional_text(entry.get("value"))
        kind = fields.optional_text(entry.get("type"))
        secret = kind == "secret" or is_secret_name(key) or looks_like_secret(value)
        result.append(
            Variable(
                key=key,
                value=value,
                description=description(entry.get("description")),
                type=kind,
                disabled=fields.is_disabled(entry),
                secret=secret,
            )
        )
    return result


@dataclass
class Tree:
    """The converted parts of a collection, before `Collection` is assembled."""

    items: list[Item]
    auth: Auth | None
    scripts: list[Script]
    behavior: dict[str, Any]
    variables: list[Variable]
    diagnostics: list[Diagnostic]
    requests: int


def convert_tree(
    root: dict[str, Any], collection_name: str, where: str, limits: Limits
) -> Tree:
    walk = _Walk(limits=limits, where=where, shared_scripts={})
    events = walk.events(root, "$")
    walk.shared_scripts.update(script_ids(events))
    auth, declared = fields.auth(root.get("auth"))
    root_scripts = scripts(events, walk.shared_scripts)
    ctx = _Context(
        auth=_effective(auth, declared, "collection", collection_name, _Context().auth),
        behavior=_behavior((), root.get("protocolProfileBehavior")),
        scripts=tuple(root_scripts),
    )
    nodes, nodes_path = walk.children(root, "$")
    items = _walk(walk, nodes, ctx, nodes_path)
    return Tree(
        items=items,
        auth=auth if declared else None,
        scripts=root_scripts,
        behavior=dict(ctx.behavior),
        variables=variables(root.get("variable")),
        diagnostics=walk.diagnostics,
        requests=walk.requests,
    )
