"""The API changelog: what changed between two generations, and what breaks client users.

`snapshot(collection)` keeps what a changelog needs and nothing secret: per request its
names, method, URL shape (host and path, no userinfo, no query values), parameter and
header *names*, body field names, auth type and where it comes from, example names and
codes. Values are never kept (they may be credentials), only short hashes of free text.
The writer stores it beside the manifest; the next run `compare`s against it.

Breaking for users of the generated client: a removed request, a changed method name or
resource (identifier/folder), a changed HTTP method, path parameters added or removed
(they are positional), a removed query parameter or body field (keyword arguments), a
changed body mode, a changed auth type.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from pmgen.errors import UsageError

if TYPE_CHECKING:  # the model (pydantic) is imported by whoever built the collection
    from pmgen.model import Body, Collection, Operation

SNAPSHOT_FORMAT = 1
MAX_BODY_FIELDS = 200
TITLE = "# API changelog\n"


def _short_hash(text: str | None) -> str | None:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12] if text else None


def _url_shape(op: Operation) -> str:
    url = op.request.url
    if url.host:
        host = ".".join(url.host)
    else:  # no parsed host: take the raw URL's authority, dropping userinfo and query
        head = url.raw.split("?", 1)[0].split("#", 1)[0]
        _scheme, _, rest = head.rpartition("://")
        host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    host = host.rsplit("@", 1)[-1]
    from pmgen.secrets import looks_like_secret  # noqa: PLC0415 (imports the model)

    segments = ["***" if looks_like_secret(s) else s for s in url.path]
    return host + ("/" + "/".join(segments) if segments else "")


def _json_fields(
    value: Any, prefix: str = "", out: list[str] | None = None
) -> list[str]:
    out = [] if out is None else out
    if len(out) >= MAX_BODY_FIELDS:
        return out
    if isinstance(value, dict):
        for key, item in value.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            out.append(name)
            _json_fields(item, name, out)
    elif isinstance(value, list) and value:
        _json_fields(value[0], f"{prefix}[]", out)
    return out[:MAX_BODY_FIELDS]


def _body(body: Body | None) -> dict[str, Any] | None:
    if body is None or body.mode == "none":
        return None
    fields: list[str] = []
    if body.mode == "urlencoded":
        fields = [kv.key for kv in body.urlencoded if not kv.disabled]
    elif body.mode == "formdata":
        fields = [f"{f.key} ({f.type})" for f in body.formdata if not f.disabled]
    elif body.mode == "raw" and body.json_valid:
        fields = _json_fields(body.json_value)
    elif body.mode == "graphql":
        fields = _json_fields(_loads(body.graphql_variables))
    return {
        "mode": body.mode,
        "language": body.language,
        "fields": fields,
        "text": _short_hash(body.raw or body.graphql_query),
    }


def _loads(text: str | None) -> Any:
    try:
        return json.loads(text) if text else None
    except (ValueError, RecursionError):
        return None


def snapshot(collection: Collection) -> dict[str, Any]:
    """The secret-free shape of the API that `compare` diffs."""
    ops: dict[str, Any] = {}
    for op in collection.operations():
        ops[op.id] = {
            "name": op.name,
            "key": op.key,
            "identifier": ".".join([*op.folder_identifiers, op.identifier]),
            "method": op.request.method,
            "url": _url_shape(op),
            "path_params": [p.name for p in op.request.url.path_params],
            "query": [q.key for q in op.request.url.query if not q.disabled],
            "headers": [h.key for h in op.request.headers if not h.disabled],
            "body": _body(op.request.body),
            "auth": {
                "type": op.auth.auth.type if op.auth.auth else None,
                "source": op.auth.source,
                "from": op.auth.source_name,
            },
            "examples": [
                f"{e.name} ({e.code})" if e.code else e.name for e in op.examples
            ],
            "description": _short_hash(op.description),
        }
    return {
        "format": SNAPSHOT_FORMAT,
        "name": collection.info.name,
        "version": collection.info.version,
        "source_sha256": collection.source_sha256,
        "operations": ops,
    }


@dataclass
class Change:
    label: str  # "Folder / Request" as the user knows it
    details: list[tuple[str, bool]] = field(default_factory=list)  # (what, breaking)

    @property
    def breaking(self) -> bool:
        return any(b for _, b in self.details)


@dataclass
class Changes:
    added: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    renamed: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    initial: int | None = None  # request count of a first generation

    @property
    def empty(self) -> bool:
        return self.initial is None and not (
            self.added or self.removed or self.renamed or self.changed
        )

    @property
    def breaking(self) -> int:
        return sum(c.breaking for c in [*self.removed, *self.renamed, *self.changed])

    def summary(self) -> str:
        if self.initial is not None:
            return f"changelog: first generation, {self.initial} requests"
        if self.empty:
            return "changelog: no API changes"
        return (
            f"changelog: {len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.renamed)} renamed, {len(self.changed)} changed "
            f"({self.breaking} breaking)"
        )


def _label(op: Mapping[str, Any]) -> str:
    return f"{op.get('method', '')} {op.get('key') or op.get('name', '')}".strip()


def _code(value: Any) -> str:
    """Mark collection text as a code span (rendered by `_md_detail`)."""
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", str(value))
    return "\x01" + text + "\x02"


def _list_diff(
    name: str,
    old: Iterable[str],
    new: Iterable[str],
    *,
    removal_breaks: bool,
    addition_breaks: bool = False,
) -> list[tuple[str, bool]]:
    old_set, new_set = list(dict.fromkeys(old)), list(dict.fromkeys(new))
    out = [
        (f"{name} {_code(x)} added", addition_breaks)
        for x in new_set
        if x not in old_set
    ]
    out += [
        (f"{name} {_code(x)} removed", removal_breaks)
        for x in old_set
        if x not in new_set
    ]
    return out


def _compare_op(
    old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    if old.get("identifier") != new.get("identifier"):
        out.append(
            (
                f"client method {_code(old.get('identifier'))} "
                f"is now {_code(new.get('identifier'))}",
                True,
            )
        )
    if old.get("method") != new.get("method"):
        out.append((f"method {old.get('method')} → {new.get('method')}", True))
    if old.get("url") != new.get("url"):
        out.append((f"URL {_code(old.get('url'))} → {_code(new.get('url'))}", False))
    out += _list_diff(
        "path parameter",
        old.get("path_params", []),
        new.get("path_params", []),
        removal_breaks=True,
        addition_breaks=True,
    )
    out += _list_diff(
        "query parameter",
        old.get("query", []),
        new.get("query", []),
        removal_breaks=True,
    )
    out += _list_diff(
        "header", old.get("headers", []), new.get("headers", []), removal_breaks=False
    )
    old_body, new_body = old.get("body") or {}, new.get("body") or {}
    if old_body.get("mode") != new_body.get("mode"):
        out.append(
            (
                f"body {old_body.get('mode') or 'none'} → {new_body.get('mode') or 'none'}",
                True,
            )
        )
    else:
        out += _list_diff(
            "body field",
            old_body.get("fields", []),
            new_body.get("fields", []),
            removal_breaks=True,
        )
        if old_body.get("text") != new_body.get("text") and not out:
            out.append(("body content changed", False))
    old_auth, new_auth = old.get("auth") or {}, new.get("auth") or {}
    if old_auth.get("type") != new_auth.get("type"):
        out.append(
            (
                f"auth {old_auth.get('type') or 'none'} → {new_auth.get('type') or 'none'}",
                True,
            )
        )
    elif (old_auth.get("source"), old_auth.get("from")) != (
        new_auth.get("source"),
        new_auth.get("from"),
    ):
        out.append(
            (
                f"auth now inherited from {new_auth.get('source')} {new_auth.get('from')!r}",
                False,
            )
        )
    out += _list_diff(
        "example",
        old.get("examples", []),
        new.get("examples", []),
        removal_breaks=False,
    )
    if old.get("description") != new.get("description"):
        out.append(("description changed", False))
    return out


def _shape(op: Mapping[str, Any]) -> str:
    """What a request does, without its names: pairs a rename when ids are name-derived."""
    keys = ("method", "url", "path_params", "query", "body", "auth")
    return json.dumps([op.get(k) for k in keys], sort_keys=True)


def _pair_renames(
    old_ops: Mapping[str, Any], new_ops: Mapping[str, Any]
) -> dict[str, str]:
    """removed id -> added id for requests that only changed name (or folder).

    Collections without Postman ids get ids from folder path + name, so a rename looks
    like remove + add; a removed and an added request with the same shape, unambiguous
    on both sides, are reported as a rename instead.
    """
    removed = [i for i in old_ops if i not in new_ops]
    added = [i for i in new_ops if i not in old_ops]
    by_shape_old: dict[str, list[str]] = {}
    for op_id in removed:
        by_shape_old.setdefault(_shape(old_ops[op_id]), []).append(op_id)
    by_shape_new: dict[str, list[str]] = {}
    for op_id in added:
        by_shape_new.setdefault(_shape(new_ops[op_id]), []).append(op_id)
    return {
        olds[0]: by_shape_new[shape][0]
        for shape, olds in by_shape_old.items()
        if len(olds) == 1 and len(by_shape_new.get(shape, [])) == 1
    }


def compare(previous: Mapping[str, Any] | None, current: Mapping[str, Any]) -> Changes:
    """What changed from `previous` (None: first generation) to `current`."""
    new_ops: Mapping[str, Any] = current.get("operations", {})
    if previous is None or previous.get("format") != SNAPSHOT_FORMAT:
        return Changes(initial=len(new_ops))
    old_ops: Mapping[str, Any] = previous.get("operations", {})
    renamed = _pair_renames(old_ops, new_ops)
    old_for = {new_id: old_id for old_id, new_id in renamed.items()}
    changes = Changes()
    for op_id, new in new_ops.items():
        old = old_ops.get(old_for.get(op_id, op_id))
        if old is None:
            changes.added.append(Change(_label(new)))
            continue
        details = _compare_op(old, new)
        if old.get("key") != new.get("key"):
            changes.renamed.append(Change(f"{_label(old)} → {new.get('key')}", details))
        elif details:
            changes.changed.append(Change(_label(new), details))
    for op_id, old in old_ops.items():
        if op_id not in new_ops and op_id not in renamed:
            changes.removed.append(Change(_label(old), [("removed", True)]))
    return changes


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def resolve_date(collection: Collection, explicit: str | None) -> str | None:
    """The entry's date, deterministically: `--date`, else the source's publish date, else
    `SOURCE_DATE_EPOCH` (the reproducible-builds convention), else None (undated entry).
    """
    if explicit:
        try:
            return date.fromisoformat(explicit).isoformat()
        except ValueError:
            raise UsageError(f"--date must be YYYY-MM-DD, not {explicit!r}") from None
    published = collection.publish.publish_date if collection.publish else None
    if published and _DATE.match(published):
        return published[:10]
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
    return None


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!])")


def _md(text: str) -> str:
    """Collection text as inline markdown: one line, markup characters escaped."""
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", str(text))
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _md_detail(text: str) -> str:
    """A detail line: `_code` spans become code spans, the rest escaped markdown."""
    parts = re.split(r"\x01(.*?)\x02", text)
    return "".join(
        _md(p) if i % 2 == 0 else "`" + p.replace("`", "'") + "`"
        for i, p in enumerate(parts)
    )


def render_entry(changes: Changes, current: Mapping[str, Any], when: str | None) -> str:
    name = _md(current.get("name") or "API")
    version = f" {_md(current['version'])}" if current.get("version") else ""
    source = str(current.get("source_sha256") or "")[:12]
    heading = f"## {when}: {name}{version}" if when else f"## {name}{version}"
    heading += f" (source {source})" if source else ""
    lines = [heading, ""]
    if changes.initial is not None:
        lines += [f"First generation: {changes.initial} requests.", ""]
        return "\n".join(lines)
    if changes.breaking:
        lines += [f"**{changes.breaking} breaking change(s) for client users.**", ""]
    for title, items in (
        ("Added", changes.added),
        ("Removed", changes.removed),
        ("Renamed", changes.renamed),
        ("Changed", changes.changed),
    ):
        if not items:
            continue
        lines += [f"### {title}", ""]
        for change in items:
            mark = " **(breaking)**" if change.breaking else ""
            lines.append(f"- {_md(change.label)}{mark}")
            if title != "Removed":
                for what, breaking in change.details:
                    lines.append(
                        f"  - {_md_detail(what)}{' (breaking)' if breaking else ''}"
                    )
        lines.append("")
    return "\n".join(lines)


def update(
    existing: str | None, changes: Changes, current: Mapping[str, Any], when: str | None
) -> str:
    """The changelog file with the new entry first under the title (no entry: unchanged)."""
    if changes.empty:
        return existing or TITLE
    text = existing or ""
    rest = (
        text[len(TITLE) :] if text.startswith(TITLE) else text
    )  # keep whatever was there
    entry = render_entry(changes, current, when)
    rest = rest.strip("\n")
    return TITLE + "\n" + entry + ("\n" + rest + "\n" if rest else "")
