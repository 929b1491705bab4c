"""The overview page's content: publisher, base URLs, authentication, variables, contents."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pmgen.emitters.docs_masking import Masker
from pmgen.emitters.docs_pages import Plan
from pmgen.emitters.docs_sanitize import LinkMap, sanitize_description
from pmgen.emitters.docs_view import AUTH_LABELS, AuthView, auth_view, origin_of
from pmgen.model import Collection, Folder, Item, Variable
from pmgen.secrets import is_secret_name

_AUTH_HEADING = re.compile(
    r"^(#{1,6})\s+.*\b(auth\w*|api[ -]?keys?|credentials?|tokens?)\b", re.I
)
_ANY_HEADING = re.compile(r"^(#{1,6})\s")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_TEMPLATE = re.compile(r"\{\{([^{}]+)\}\}")


@dataclass(frozen=True)
class VariableRow:
    name: str
    value: str | None
    description: str
    disabled: bool


@dataclass(frozen=True)
class VariableTable:
    title: str
    rows: list[VariableRow]


@dataclass(frozen=True)
class BaseUrl:
    written: str
    requests: int
    resolved: list[tuple[str, str]]  # (scope, value)


@dataclass(frozen=True)
class TocEntry:
    depth: int
    name: str
    link: str
    method: str | None  # None for folders


@dataclass(frozen=True)
class Overview:
    name: str
    description: str
    version: str | None
    publisher: list[tuple[str, str]]
    base_urls: list[BaseUrl]
    auth: AuthView | None
    auth_words: str
    auth_usage: list[tuple[str, int]]
    auth_headers: list[
        tuple[str, int]
    ]  # credentials requests send as their own headers
    variables: list[VariableTable]
    toc: list[TocEntry]
    request_count: int


def auth_section(description: str) -> str:
    """The description's own section about authentication (heading to next peer heading)."""
    lines = description.replace("\r\n", "\n").split("\n")
    in_fence = False
    start = level = None
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        if start is None:
            match = _AUTH_HEADING.match(line)
            if match:
                start, level = index, len(match.group(1))
        elif (
            (m := _ANY_HEADING.match(line))
            and level is not None
            and len(m.group(1)) <= level
        ):
            return "\n".join(lines[start:index])
    return "\n".join(lines[start:]) if start is not None else ""


def _variables(
    title: str, variables: list[Variable], masker: Masker
) -> VariableTable | None:
    if not variables:
        return None
    rows = [
        VariableRow(v.key, masker.variable(v), v.description, v.disabled)
        for v in variables
    ]
    return VariableTable(title, rows)


def _resolve(text: str, values: dict[str, str]) -> str:
    return _TEMPLATE.sub(lambda m: values.get(m.group(1).strip(), m.group(0)), text)


def _scopes(collection: Collection, masker: Masker) -> list[tuple[str, dict[str, str]]]:
    def table(variables: list[Variable]) -> dict[str, str]:
        return {
            v.key: masker.variable(v) or ""
            for v in variables
            if not v.disabled and v.value
        }

    base = table(collection.globals) | table(collection.variables)
    scopes = [("collection variables", base)]
    for env in collection.environments:
        scopes.append((f"environment “{env.name}”", base | table(env.values)))
    return scopes


def base_urls(collection: Collection, masker: Masker) -> list[BaseUrl]:
    counts = Counter(origin_of(op.request.url) for op in collection.operations())
    scopes = _scopes(collection, masker)
    result = []
    for written, count in counts.most_common():
        if not written:
            continue
        resolved: list[tuple[str, str]] = []
        if "{{" in written:
            seen = set()
            for scope, values in scopes:
                value = _resolve(written, values)
                if value != written and value not in seen:
                    seen.add(value)
                    resolved.append((scope, value))
        result.append(BaseUrl(masker.text(written), count, resolved))
    return result


def _toc(plan: Plan) -> list[TocEntry]:
    entries: list[TocEntry] = []

    def walk(items: list[Item], depth: int) -> None:
        for item in items:
            location = plan.locations[id(item)]
            link = (
                f"{location.page}#{location.anchor}"
                if location.anchor
                else location.page
            )
            if isinstance(item, Folder):
                entries.append(TocEntry(depth, item.name, link, None))
                walk(item.items, depth + 1)
            else:
                entries.append(TocEntry(depth, item.name, link, item.request.method))

    for path, title, _folder, items in plan.pages:
        entries.append(TocEntry(0, title, path, None))
        walk(items, 1)
    return entries


def overview(
    collection: Collection, plan: Plan, masker: Masker, links: LinkMap
) -> Overview:
    info, publish = collection.info, collection.publish
    publisher: list[tuple[str, str]] = []
    if publish is not None:
        publisher += [
            ("Published documentation", publish.public_url or ""),
            ("Version", publish.version or ""),
            ("Published on", publish.publish_date or ""),
            ("Snippet languages chosen by the publisher", ", ".join(publish.languages)),
        ]
    publisher = [(k, v) for k, v in publisher if v]
    usage = Counter(
        (
            AUTH_LABELS.get(op.auth.auth.type, op.auth.auth.type)
            if op.auth.auth
            else "No auth"
        )
        for op in collection.operations()
    )
    headers = Counter(
        name
        for op in collection.operations()
        for name in dict.fromkeys(
            kv.key
            for kv in op.request.headers
            if not kv.disabled and is_secret_name(kv.key)
        )
    )
    tables = [
        _variables("Collection variables", collection.variables, masker),
        _variables("Global variables", collection.globals, masker),
        *(
            _variables(
                f"Environment “{env.name}”"
                + (" (selected)" if env.name == collection.environment else ""),
                env.values,
                masker,
            )
            for env in collection.environments
        ),
    ]
    return Overview(
        name=info.name,
        description=sanitize_description(
            info.description, heading_floor=2, link_map=links
        ),
        version=info.version,
        publisher=publisher,
        base_urls=base_urls(collection, masker),
        auth=auth_view(collection.auth, "declared on the collection", masker),
        auth_words=sanitize_description(
            auth_section(info.description), heading_floor=4, link_map=links
        ),
        auth_usage=sorted(usage.items(), key=lambda kv: (-kv[1], kv[0])),
        auth_headers=sorted(headers.items(), key=lambda kv: (-kv[1], kv[0])),
        variables=[t for t in tables if t is not None],
        toc=_toc(plan),
        request_count=sum(1 for _ in collection.operations()),
    )
