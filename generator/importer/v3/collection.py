"""A discovered v3 folder -> the v2.1 JSON dict a Postman export of it would hold.

Why convert to the v2.1 shape rather than build the model directly: the v2.1 reader
(`pmgen.importer.assemble`) already derives everything the emitters rely on (keys,
identifiers, effective auth, inherited scripts and settings, path parameters, secret
detection, diagnostics) and is what the conformance recordings prove; every v3 field has a
v2.1 place (FORMAT.md §15), so going through it keeps every field and one code path.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from pmgen.importer.fields import text
from pmgen.importer.limits import Limits
from pmgen.importer.urls import parse_raw
from pmgen.importer.v3 import shapes
from pmgen.importer.v3.discover import Dir, Found
from pmgen.importer.v3.yaml12 import YamlProblem, load_text
from pmgen.model import Diagnostic
from pmgen.parallel import forked

HTTP = "http-request"
GRAPHQL = "graphql-request"


@dataclass
class _Reader:
    found: Found
    limits: Limits
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    digests: dict[str, bytes] = field(default_factory=dict)  # sha256 of each file read
    parsed: dict[str, Parsed] = field(
        default_factory=dict
    )  # read ahead (`parse_files`)

    def rel(self, path: str) -> str:
        return self.found.rel(path)

    def warn(self, message: str, location: str) -> None:
        self.diagnostics.append(
            Diagnostic(level="warning", message=message, location=location)
        )

    def warner(self, location: str) -> shapes.Warn:
        return lambda message: self.warn(message, location)

    def document(self, path: str) -> dict[str, Any] | None:
        """A file's YAML mapping, or None (invalid files are skipped with a warning that
        names the file and line:col)."""
        parsed = self.parsed.pop(path, None) or parse_file(
            path, self.limits.max_json_depth
        )
        outcome, digest, value = parsed
        rel = self.rel(path)
        if digest is not None:
            self.digests[path] = digest
        if outcome == "ok":
            if value is None:
                return {}
            if isinstance(value, dict):
                return value
            self.warn("not a YAML mapping: file skipped", rel)
        elif outcome == "yaml":
            message, line, column = value
            where = f"{rel}:{line}:{column}" if line else rel
            self.warn(f"invalid YAML ({message}): file skipped", where)
        else:
            self.warn(f"{value}: file skipped", rel)
        return None


# (outcome, sha256 of the bytes, value): outcome "ok" (value = the YAML value), "yaml"
# (value = (message, line, column)) or "read" (value = why the file could not be read)
Parsed = tuple[str, "bytes | None", Any]
_FORK_ABOVE = 400  # files: below this a second process costs more than it saves


def parse_file(path: str, max_depth: int) -> Parsed:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return ("read", None, f"cannot read: {exc.strerror or exc}")
    digest = hashlib.sha256(data).digest()
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ("read", digest, "not UTF-8 text")
    try:
        return ("ok", digest, load_text(source, max_depth))
    except YamlProblem as exc:
        return ("yaml", digest, (exc.message, exc.line, exc.column))


def parse_files(paths: list[str], max_depth: int) -> dict[str, Parsed]:
    """Every file parsed; a big folder's second half in a forked child on the other core
    (YAML parsing is most of a folder's import: 2,000 requests, 3,300 files)."""
    if len(paths) < _FORK_ABOVE:
        return {p: parse_file(p, max_depth) for p in paths}
    half = len(paths) // 2
    with forked(lambda: {p: parse_file(p, max_depth) for p in paths[half:]}) as rest:
        parsed = {p: parse_file(p, max_depth) for p in paths[:half]}
        parsed.update(rest())
    return parsed


def _order(value: Any) -> float:
    """`order` is a number; a missing (or invalid) one counts as 0 (FORMAT.md §5)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0.0
    return float(value)


def _description(value: Any) -> Any:
    """A string (v3); a hand-written `{content: ...}` object is read as v2.1 reads it."""
    return value if isinstance(value, dict) else shapes.string(value)


def _name(doc: dict[str, Any], fallback: str) -> str:
    name = doc.get("name")  # present, even empty, it wins (§4)
    return text(name) if name is not None else fallback


def _url(doc: dict[str, Any], warn: shapes.Warn) -> dict[str, Any]:
    """`url` + `queryParams` + `pathVariables` -> v2.1 `{raw, protocol, host, port, path,
    query, hash, variable}` (the parts split from `url` as Postman's exporter does)."""
    raw_value = doc.get("url")
    if isinstance(raw_value, dict):
        warn("`url` is an object (v3 wants a string): its `raw` used")
        raw_value = raw_value.get("raw")
    raw = shapes.string(raw_value)
    parsed = parse_raw(raw)
    url: dict[str, Any] = {"raw": raw}
    if parsed.protocol:
        url["protocol"] = parsed.protocol
    if parsed.host is not None:
        url["host"] = parsed.host
    if parsed.port:
        url["port"] = parsed.port
    url["path"] = parsed.path
    query = [{"key": q.key, "value": q.value} for q in parsed.query]
    params = shapes.pairs(doc.get("queryParams"), "queryParams", warn, keep_null=True)
    if params:
        # The runner keeps URL entries whose key is not listed, then the listed ones.
        listed = {p["key"] for p in params}
        query = [q for q in query if q["key"] not in listed] + params
    if query:
        url["query"] = query
    if parsed.hash is not None:
        url["hash"] = parsed.hash
    variables = shapes.pairs(doc.get("pathVariables"), "pathVariables", warn)
    if variables:
        url["variable"] = variables
    return url


def _request(
    doc: dict[str, Any], warn: shapes.Warn, *, graphql: bool
) -> tuple[dict[str, Any], bool]:
    """The v2.1 `request` object, and whether its body must not be pruned."""
    if graphql:
        method = "POST"
        v2_body: dict[str, Any] | None = {
            "mode": "graphql",
            "graphql": {"query": shapes.string(doc.get("query"))},
        }
        if doc.get("variables") is not None:
            assert v2_body is not None
            v2_body["graphql"]["variables"] = shapes.string(doc.get("variables"))
    else:
        raw_method = doc.get("method")
        method = (
            shapes.string(raw_method).strip().upper() if raw_method is not None else ""
        )
        method = method or "GET"
        v2_body = shapes.body(doc.get("body"), warn)
    request: dict[str, Any] = {
        "method": method,
        "header": shapes.pairs(doc.get("headers"), "headers", warn),
        "url": _url(doc, warn),
    }
    if v2_body is not None:
        request["body"] = v2_body
    auth = shapes.auth(doc.get("auth"), warn, container=False)
    if auth is not None:
        request["auth"] = auth
    if doc.get("description") is not None:
        request["description"] = _description(doc["description"])
    return request, shapes.prunes_body(method, v2_body)


def _example(doc: dict[str, Any], name: str, warn: shapes.Warn) -> dict[str, Any]:
    response = doc.get("response") if isinstance(doc.get("response"), dict) else {}
    assert isinstance(response, dict)
    body = response.get("body")
    content: Any = None
    language: Any = None
    if isinstance(body, dict):
        content, language = body.get("content"), body.get("type")
    elif body is not None:
        content = body
    code = response.get("statusCode")
    example: dict[str, Any] = {
        "name": name,
        "status": (
            None
            if response.get("statusText") is None
            else shapes.string(response["statusText"])
        ),
        "code": code if isinstance(code, int) and not isinstance(code, bool) else None,
        "header": shapes.pairs(response.get("headers"), "response.headers", warn),
        "body": None if content is None else shapes.string(content),
        "_postman_previewlanguage": (
            None if language is None else shapes.string(language)
        ),
    }
    original = doc.get("request")
    if isinstance(original, dict):
        example["originalRequest"], _ = _request(original, warn, graphql=False)
    return example


class Converter:
    def __init__(self, found: Found, limits: Limits) -> None:
        self.found = found
        self.reader = _Reader(found=found, limits=limits)
        self.reader.parsed = parse_files(found.files, limits.max_json_depth)
        for message in found.refused:
            where, _, what = message.partition(": ")
            self.reader.warn(what, where)

    def collection(self) -> dict[str, Any]:
        root = self.found.root
        definition = self._definition(root)
        rel = self.reader.rel(root.definition) if root.definition else ""
        warn = self.reader.warner(rel)
        info: dict[str, Any] = {
            "name": _name(definition, root.name),
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        }
        if definition.get("id") is not None:
            info["_postman_id"] = shapes.string(definition["id"])
        if definition.get("description") is not None:
            info["description"] = _description(definition["description"])
        value: dict[str, Any] = {"info": info, "item": self._items(root)}
        auth = shapes.auth(definition.get("auth"), warn, container=True)
        if auth is not None:
            value["auth"] = auth
        events = shapes.scripts(
            definition.get("scripts"),
            shapes.CONTAINER_SCRIPTS,
            warn,
            level="collection",
        )
        if events:
            value["event"] = events
        variables = shapes.variables(definition.get("variables"), warn)
        if variables:
            value["variable"] = variables
        self._report_skipped()
        return value

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.reader.diagnostics

    def _definition(self, directory: Dir) -> dict[str, Any]:
        if directory.definition is None:
            return {}
        doc = self.reader.document(directory.definition)
        if doc is None:
            return {}
        kind = doc.get("$kind")
        if kind is not None and kind != "collection":
            self.reader.warn(
                f"definition `$kind` is {kind!r}, expected 'collection': read anyway",
                self.reader.rel(directory.definition),
            )
        return doc

    def _items(self, directory: Dir) -> list[dict[str, Any]]:
        entries: list[tuple[float, str, int, dict[str, Any]]] = []
        for folder in directory.folders:
            definition = self._definition(folder)
            node = self._folder(folder, definition)
            entries.append(
                (_order(definition.get("order")), node["name"], len(entries), node)
            )
        for stem, path in directory.requests:
            doc = self.reader.document(path)
            if doc is None:
                continue
            item = self._request_item(directory, stem, path, doc)
            if item is not None:
                entries.append(
                    (_order(doc.get("order")), item["name"], len(entries), item)
                )
        # One ordering space for folders and requests; ties by name, code point by code
        # point (the runner's rule), then discovery order so the result is total.
        entries.sort(key=lambda e: (e[0], e[1], e[2]))
        return [e[3] for e in entries]

    def _folder(self, folder: Dir, definition: dict[str, Any]) -> dict[str, Any]:
        location = (
            self.reader.rel(folder.definition) if folder.definition else folder.rel
        )
        warn = self.reader.warner(location)
        node: dict[str, Any] = {"name": _name(definition, folder.name)}
        if definition.get("id") is not None:
            node["id"] = shapes.string(definition["id"])
        if definition.get("description") is not None:
            node["description"] = _description(definition["description"])
        node["item"] = self._items(folder)
        auth = shapes.auth(definition.get("auth"), warn, container=True)
        if auth is not None:
            node["auth"] = auth
        events = shapes.scripts(
            definition.get("scripts"), shapes.CONTAINER_SCRIPTS, warn, level="folder"
        )
        if events:
            node["event"] = events
        # Folder `variables` are not used by the runner (FORMAT.md §6): not imported.
        return node

    def _request_item(
        self, directory: Dir, stem: str, path: str, doc: dict[str, Any]
    ) -> dict[str, Any] | None:
        rel = self.reader.rel(path)
        warn = self.reader.warner(rel)
        kind = doc.get("$kind")
        graphql = kind == GRAPHQL
        if kind != HTTP and not graphql:
            label = kind if isinstance(kind, str) and kind else "no $kind"
            self.skipped[label] = self.skipped.get(label, 0) + 1
            self.reader.diagnostics.append(
                Diagnostic(
                    level="info",
                    message=f"{label} is not an HTTP request: skipped",
                    location=rel,
                )
            )
            return None
        request, keep_body = _request(doc, warn, graphql=graphql)
        item: dict[str, Any] = {"name": _name(doc, stem)}
        if doc.get("id") is not None:
            item["id"] = shapes.string(doc["id"])
        item["request"] = request
        kinds = shapes.GRAPHQL_SCRIPTS if graphql else shapes.REQUEST_SCRIPTS
        events = shapes.scripts(doc.get("scripts"), kinds, warn, level="request")
        if events:
            item["event"] = events
        behavior = shapes.settings(doc.get("settings"), warn)
        if keep_body:
            behavior.setdefault("disableBodyPruning", True)
        if behavior:
            item["protocolProfileBehavior"] = behavior
        item["response"] = self._examples(directory, stem)
        return item

    @property
    def skipped(self) -> dict[str, int]:
        return self.reader.skipped

    def _examples(self, directory: Dir, stem: str) -> list[dict[str, Any]]:
        entries: list[tuple[float, str, int, dict[str, Any]]] = []
        for example_stem, path in directory.examples(stem):
            doc = self.reader.document(path)
            if doc is None:
                continue
            name = _name(doc, example_stem)
            example = _example(doc, name, self.reader.warner(self.reader.rel(path)))
            entries.append((_order(doc.get("order")), name, len(entries), example))
        entries.sort(key=lambda e: (e[0], e[1], e[2]))
        return [e[3] for e in entries]

    def _report_skipped(self) -> None:
        if self.skipped:
            counts = ", ".join(f"{n} {k}" for k, n in sorted(self.skipped.items()))
            self.reader.warn(f"skipped requests of other protocols: {counts}", ".")
