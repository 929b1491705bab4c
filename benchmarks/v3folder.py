"""Write a v2.1 collection (a JSON-ready dict) as a Postman format 3.0.0 folder, the way
Postman's `collection migrate` lays it out (../shared/v3/FORMAT.md §3-§15, inverted):
for the v3 import benchmark and the fuzz strategies. Not a product feature.

    python -m benchmarks.v3folder synth.json -o synth-v3/
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

_BAD = re.compile(r'[/\\:*?"<>|]+')
_RAW_TYPES = {"json", "xml", "html", "javascript"}


def _yaml() -> YAML:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    # escaped non-ASCII: ruamel's emitter treats NEL/LS/PS as YAML 1.1 line breaks
    yaml.allow_unicode = False
    yaml.width = 4096
    return yaml


def stem_for(name: str, taken: set[str]) -> str:
    """FORMAT.md §4: runs of / \\ : * ? " < > | become `-`, cut to 64 characters, a
    case-insensitive clash gets `-1`, `-2`..."""
    stem = _BAD.sub("-", name)[:64].rstrip() or "-"
    stem = "-" if stem.strip(".") == "" else stem
    candidate, n = stem, 0
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate.lower())
    return candidate


def _pairs(entries: Any) -> list[dict[str, Any]]:
    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or "key" not in entry:
            continue
        item: dict[str, Any] = {"key": str(entry["key"]), "value": entry.get("value")}
        if entry.get("value") is not None:
            item["value"] = str(entry["value"])
        if entry.get("description"):
            item["description"] = str(entry["description"])
        if entry.get("disabled"):
            item["disabled"] = True
        out.append(item)
    return out


def _auth(raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, dict) or not raw.get("type") or raw["type"] == "inherit":
        return None
    kind = raw["type"]
    if kind == "noauth":
        return {"type": "noauth"}
    params = raw.get(kind) or []
    credentials = {
        str(p["key"]): p.get("value")
        for p in params
        if isinstance(p, dict) and "key" in p
    }
    return {"type": kind, "credentials": credentials}


def _scripts(events: Any, prefix: str) -> list[dict[str, Any]]:
    out = []
    for event in events if isinstance(events, list) else []:
        listen = {"prerequest": "beforeRequest", "test": "afterResponse"}.get(
            event.get("listen")
        )
        script = event.get("script") or {}
        lines = script.get("exec") or []
        code = "\n".join(lines) if isinstance(lines, list) else str(lines)
        if listen and code:
            out.append(
                {"type": prefix + listen, "code": code, "language": "text/javascript"}
            )
    return out


def _body(raw: Any) -> dict[str, Any] | None:
    if not isinstance(raw, dict) or raw.get("disabled"):
        return None
    mode = raw.get("mode")
    if mode == "raw":
        language = ((raw.get("options") or {}).get("raw") or {}).get("language")
        kind = language if language in _RAW_TYPES else "text"
        return {"type": kind, "content": raw.get("raw") or ""}
    if mode == "urlencoded":
        return {"type": "urlencoded", "content": _pairs(raw.get("urlencoded"))}
    if mode == "formdata":
        content = []
        for entry in raw.get("formdata") or []:
            item: dict[str, Any] = {
                "key": entry.get("key", ""),
                "type": entry.get("type", "text"),
            }
            if item["type"] == "file":
                item["src"] = entry.get("src") if entry.get("src") is not None else []
            else:
                item["value"] = str(entry.get("value", ""))
            if entry.get("contentType"):
                item["contentType"] = entry["contentType"]
            if entry.get("disabled"):
                item["disabled"] = True
            content.append(item)
        return {"type": "formdata", "content": content}
    if mode == "file":
        src = (raw.get("file") or {}).get("src")
        return {"type": "file", "content": {"src": src} if src else {}}
    if mode == "graphql":
        graphql = raw.get("graphql") or {}
        content = {"query": graphql.get("query", "")}
        if graphql.get("variables"):
            content["variables"] = graphql["variables"]
        return {"type": "graphql", "content": content}
    return None


def _url(raw: Any) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    if isinstance(raw, str):
        return raw, [], []
    if not isinstance(raw, dict):
        return "", [], []
    return (
        str(raw.get("raw") or ""),
        _pairs(raw.get("query")),
        _pairs(raw.get("variable")),
    )


def _request(request: dict[str, Any]) -> dict[str, Any]:
    url, query, variables = _url(request.get("url"))
    doc: dict[str, Any] = {"url": url, "method": request.get("method", "GET")}
    if request.get("header"):
        doc["headers"] = _pairs(request["header"])
    if query:
        doc["queryParams"] = query
    if variables:
        doc["pathVariables"] = variables
    body = _body(request.get("body"))
    if body is not None:
        doc["body"] = body
    return doc


def _write(yaml: YAML, path: Path, doc: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(doc, handle)


def _items(yaml: YAML, items: list[dict[str, Any]], where: Path) -> None:
    taken: set[str] = set()
    for position, item in enumerate(items):
        order = (position + 1) * 1000
        name = str(item.get("name", ""))
        stem = stem_for(name, taken)
        if "item" in item:
            definition: dict[str, Any] = {"$kind": "collection", "order": order}
            if stem != name:
                definition["name"] = name
            if item.get("description"):
                definition["description"] = str(item["description"])
            auth = _auth(item.get("auth"))
            if auth is not None:
                definition["auth"] = [auth]
            scripts = _scripts(item.get("event"), "http:")
            if scripts:
                definition["scripts"] = scripts
            _write(yaml, where / stem / ".resources" / "definition.yaml", definition)
            _items(yaml, item["item"], where / stem)
            continue
        request = item.get("request") if isinstance(item.get("request"), dict) else {}
        doc: dict[str, Any] = {"$kind": "http-request"}
        if stem != name:
            doc["name"] = name
        doc.update(_request(request))
        auth = _auth(request.get("auth"))
        if auth is not None:
            doc["auth"] = auth
        if request.get("description"):
            doc["description"] = str(request["description"])
        scripts = _scripts(item.get("event"), "")
        if scripts:
            doc["scripts"] = scripts
        behavior = dict(item.get("protocolProfileBehavior") or {})
        behavior.pop("disableBodyPruning", None)
        if behavior:
            doc["settings"] = behavior
        examples = item.get("response") or []
        if examples:
            doc["examples"] = f"./.resources/{stem}.resources/examples"
        doc["order"] = order
        _write(yaml, where / f"{stem}.request.yaml", doc)
        ex_taken: set[str] = set()
        for ex_position, example in enumerate(examples):
            ex_name = str(example.get("name", ""))
            ex_stem = stem_for(ex_name, ex_taken)
            ex_doc: dict[str, Any] = {"$kind": "http-example"}
            if ex_stem != ex_name:
                ex_doc["name"] = ex_name
            original = example.get("originalRequest")
            if isinstance(original, dict):
                ex_doc["request"] = _request(original)
            ex_doc["response"] = {
                "statusCode": example.get("code") or 200,
                "statusText": example.get("status") or "OK",
                "headers": _pairs(example.get("header")),
                "body": {
                    "type": example.get("_postman_previewlanguage") or "text",
                    "content": example.get("body") or "",
                },
            }
            ex_doc["order"] = (ex_position + 1) * 1000
            ex_path = where / ".resources" / f"{stem}.resources" / "examples"
            _write(yaml, ex_path / f"{ex_stem}.example.yaml", ex_doc)


def write_v3(collection: dict[str, Any], dest: Path) -> Path:
    """The collection as a v3 folder at `dest` (created)."""
    yaml = _yaml()
    info = collection.get("info") or {}
    definition: dict[str, Any] = {
        "$kind": "collection",
        "name": info.get("name", dest.name),
    }
    if info.get("_postman_id"):
        definition["id"] = info["_postman_id"]
    if info.get("description"):
        definition["description"] = str(info["description"])
    auth = _auth(collection.get("auth"))
    if auth is not None:
        definition["auth"] = [auth]
    scripts = _scripts(collection.get("event"), "http:")
    if scripts:
        definition["scripts"] = scripts
    variables = _pairs(collection.get("variable"))
    raw_variables = [
        v
        for v in collection.get("variable") or []
        if isinstance(v, dict) and "key" in v
    ]
    for entry, raw in zip(variables, raw_variables, strict=False):
        if raw.get("type") == "secret":
            entry["secret"] = True
    if variables:
        definition["variables"] = variables
    _write(yaml, dest / ".resources" / "definition.yaml", definition)
    _items(yaml, collection.get("item") or [], dest)
    return dest


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("collection", type=Path)
    ap.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args(argv)
    write_v3(json.loads(args.collection.read_text("utf-8")), args.out)


if __name__ == "__main__":
    main()
