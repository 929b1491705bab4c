"""Legacy v1 collections (`requests`, `folders`, `order`, `folders_order`, `dataMode`...)
reshaped into a v2.1 value, so one converter builds the model for every form."""

from __future__ import annotations

from typing import Any

from pmgen.errors import InputError
from pmgen.importer.limits import Limits

# v1 `currentHelper` -> v2 auth type.
_HELPERS = {
    "basicAuth": "basic",
    "digestAuth": "digest",
    "oAuth1": "oauth1",
    "oAuth2": "oauth2",
    "hawkAuth": "hawk",
    "awsSigV4": "awsv4",
    "ntlmAuth": "ntlm",
    "bearerAuth": "bearer",
    "akamai": "akamai",
}
_DATA_MODES = {
    "params": "formdata",
    "urlencoded": "urlencoded",
    "raw": "raw",
    "binary": "file",
    "graphql": "graphql",
}


def _params(entries: Any) -> list[dict[str, Any]]:
    """v1 `data`/`headerData` rows: `enabled: false` becomes `disabled: true`."""
    rows = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            row = {k: v for k, v in entry.items() if k != "enabled"}
            if entry.get("enabled") is False:
                row["disabled"] = True
            rows.append(row)
    return rows


def _auth(request: dict[str, Any]) -> dict[str, Any] | None:
    if isinstance(request.get("auth"), dict):
        return dict(request["auth"])
    helper = request.get("currentHelper")
    kind = _HELPERS.get(helper) if isinstance(helper, str) else None
    attributes = request.get("helperAttributes")
    if not isinstance(attributes, dict):
        attributes = {}
    if not kind:
        return None
    params = {k: v for k, v in attributes.items() if k not in ("id", "saveToRequest")}
    return {"type": kind, kind: [{"key": k, "value": v} for k, v in params.items()]}


def _body(request: dict[str, Any]) -> dict[str, Any] | None:
    data_mode = request.get("dataMode")
    mode = _DATA_MODES.get(data_mode) if isinstance(data_mode, str) else None
    if mode == "raw":
        raw = request.get("rawModeData")
        return {"mode": "raw", "raw": raw} if isinstance(raw, str) and raw else None
    if mode in ("formdata", "urlencoded"):
        rows = _params(request.get("data"))
        return {"mode": mode, mode: rows} if rows else None
    if mode == "file":
        return {"mode": "file", "file": {"src": request.get("rawModeData")}}
    if mode == "graphql":
        data = request.get("graphqlModeData") or {}
        return {"mode": "graphql", "graphql": data if isinstance(data, dict) else {}}
    return None


def _url(request: dict[str, Any]) -> Any:
    raw = request.get("url") or ""
    variables: list[dict[str, Any]] = []
    if isinstance(request.get("pathVariableData"), list):
        variables = [v for v in request["pathVariableData"] if isinstance(v, dict)]
    elif isinstance(request.get("pathVariables"), dict):
        variables = [
            {"key": k, "value": v} for k, v in request["pathVariables"].items()
        ]
    return {"raw": raw, "variable": variables} if variables else raw


def _events(request: dict[str, Any]) -> list[dict[str, Any]]:
    if isinstance(request.get("events"), list):
        return request["events"]
    events = []
    for listen, field in (("prerequest", "preRequestScript"), ("test", "tests")):
        source = request.get(field)
        if isinstance(source, str) and source.strip():
            events.append(
                {
                    "listen": listen,
                    "script": {"type": "text/javascript", "exec": source.split("\n")},
                }
            )
    return events


def _response(response: Any) -> dict[str, Any] | None:
    if not isinstance(response, dict):
        return None
    code: dict[str, Any] = response.get("responseCode") or {}
    if not isinstance(code, dict):
        code = {}
    return {
        "name": response.get("name"),
        "code": code.get("code"),
        "status": code.get("name") or response.get("status"),
        "header": _params(response.get("headers")),
        "body": response.get("text"),
        "_postman_previewlanguage": response.get("language"),
    }


def _request_item(request: dict[str, Any]) -> dict[str, Any]:
    headers = (
        request.get("headerData")
        if isinstance(request.get("headerData"), list)
        else request.get("headers")
    )
    return {
        "id": request.get("id"),
        "name": request.get("name"),
        "event": _events(request),
        "request": {
            "method": request.get("method") or "GET",
            "url": _url(request),
            "header": _params(headers) if isinstance(headers, list) else headers or [],
            "body": _body(request),
            "auth": _auth(request),
            "description": request.get("description"),
        },
        "response": [r for r in map(_response, _list(request.get("responses"))) if r],
    }


def _by_id(entries: Any, kind: str) -> dict[str, dict[str, Any]]:
    """Entries by `id`; one without a usable id gets a private one (kept, never dropped)."""
    found: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict):
            key = entry.get("id")
            if not isinstance(key, str) or key in found:
                key = f"\x00{kind}-{index}"
            found[key] = entry
    return found


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _ids(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class _Builder:
    def __init__(self, value: dict[str, Any], where: str, limits: Limits) -> None:
        self.where, self.limits = where, limits
        self.requests = _by_id(value.get("requests"), "request")
        self.folders = _by_id(value.get("folders"), "folder")
        self.used_requests: set[str] = set()
        self.used_folders: set[str] = set()

    def folder_item(self, key: str, depth: int) -> dict[str, Any]:
        folder = self.folders[key]
        if depth > self.limits.max_depth:
            raise InputError(
                f"folders nested deeper than {self.limits.max_depth} levels",
                where=self.where,
            )
        self.used_folders.add(key)
        return {
            "id": folder.get("id"),
            "name": folder.get("name"),
            "description": folder.get("description"),
            "auth": folder.get("auth"),
            "event": folder.get("events") or [],
            "item": self.children(
                folder.get("folders_order"), folder.get("order"), depth + 1
            ),
        }

    def children(
        self, folder_ids: Any, request_ids: Any, depth: int
    ) -> list[dict[str, Any]]:
        items = []
        for fid in _ids(folder_ids):
            if fid in self.folders and fid not in self.used_folders:
                items.append(self.folder_item(fid, depth))
        for rid in _ids(request_ids):
            if rid in self.requests and rid not in self.used_requests:
                self.used_requests.add(rid)
                items.append(_request_item(self.requests[rid]))
        return items


def to_v2(value: dict[str, Any], where: str, limits: Limits) -> dict[str, Any]:
    builder = _Builder(value, where, limits)
    nested = {
        sub for f in builder.folders.values() for sub in _ids(f.get("folders_order"))
    }
    root_folders = value.get("folders_order")
    if not isinstance(
        root_folders, list
    ):  # older files: every folder not nested elsewhere
        root_folders = [fid for fid in builder.folders if fid not in nested]
    items = builder.children(root_folders, value.get("order"), 1)
    # Folders and requests no order names: kept (at the root), never silently dropped.
    for fid in builder.folders:
        if fid not in builder.used_folders and fid not in nested:
            items.append(builder.folder_item(fid, 1))
    orphans = [rid for rid in builder.requests if rid not in builder.used_requests]
    items.extend(_request_item(builder.requests[rid]) for rid in orphans)
    return {
        "info": {
            "_postman_id": value.get("id"),
            "name": value.get("name"),
            "description": value.get("description"),
            "schema": "https://schema.getpostman.com/json/collection/v1.0.0/collection.json",
        },
        "item": items,
        "auth": value.get("auth"),
        "event": value.get("events") or [],
        "variable": value.get("variables") or [],
    }
