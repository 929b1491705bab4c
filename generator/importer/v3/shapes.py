"""v3 field shapes -> their v2.1 JSON shapes (FORMAT.md §6-§12, §15).

Each function takes the untrusted YAML value and returns what a v2.1 export of the same
collection holds, so the v2.1 reader builds the model from it unchanged. Problems are
reported through `warn(message)`; nothing raises.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pmgen.importer.fields import text

Warn = Callable[[str], None]

# Scripts: request level, and (with the `http:` prefix) collection and folder level.
REQUEST_SCRIPTS = {"beforeRequest": "prerequest", "afterResponse": "test"}
CONTAINER_SCRIPTS = {"http:beforeRequest": "prerequest", "http:afterResponse": "test"}
GRAPHQL_SCRIPTS = {"beforeQuery": "prerequest", "afterResponse": "test"}
OTHER_PROTOCOL_SCRIPTS = ("graphql:", "grpc:", "websocket:", "socket.io:", "mqtt:")
# Methods whose body Postman prunes unless told not to (v2.1 `disableBodyPruning`);
# v3 has no such setting and the runner sends any body given (FORMAT.md §8.2).
_PRUNED = frozenset({"GET", "HEAD", "COPY", "PURGE", "UNLOCK"})
_RAW_LANGUAGES = {
    "json": "json",
    "xml": "xml",
    "html": "html",
    "javascript": "javascript",
}


def string(value: Any) -> str:
    """Values that must be strings arrive as numbers/bools from hand-written files."""
    return text(value)


def pairs(
    raw: Any, what: str, warn: Warn, *, keep_null: bool = False
) -> list[dict[str, Any]]:
    """Map (`{key: value}`) or list (`[{key, value, description?, disabled?}]`) ->
    v2.1 `[{key, value, description?, disabled?}]` (FORMAT.md §8.1)."""
    if raw is None:
        return []
    result: list[dict[str, Any]] = []
    if isinstance(raw, dict):
        for key, value in raw.items():
            entry: dict[str, Any] = {"key": string(key)}
            entry["value"] = None if value is None and keep_null else string(value)
            result.append(entry)
        return result
    if not isinstance(raw, list):
        warn(f"`{what}` is neither a map nor a list: ignored")
        return []
    for index, item in enumerate(raw):
        if not isinstance(item, dict) or "key" not in item:
            warn(f"`{what}[{index}]` has no `key`: ignored")
            continue
        value = item.get("value")
        entry = {
            "key": string(item.get("key")),
            "value": None if value is None and keep_null else string(value),
        }
        if item.get("description") is not None:
            entry["description"] = string(item["description"])
        if item.get("disabled") is True or item.get("enabled") is False:
            entry["disabled"] = True
        result.append(entry)
    return result


def variables(raw: Any, warn: Warn) -> list[dict[str, Any]]:
    """Collection variables (map or list; `secret: true` keeps the v2.1 type `secret`)."""
    result = pairs(raw, "variables", warn)
    if isinstance(raw, list):
        by_key = [i for i in raw if isinstance(i, dict) and "key" in i]
        for entry, item in zip(result, by_key, strict=False):
            if item.get("secret") is True or item.get("type") == "secret":
                entry["type"] = "secret"
            elif isinstance(item.get("type"), str):
                entry["type"] = item["type"]
    return result


def _auth_param_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (list, dict)):
        return "any"
    return "string"


def auth(raw: Any, warn: Warn, *, container: bool) -> dict[str, Any] | None:
    """An auth object, or (collection/folder) a list whose first element is used, ->
    v2.1 `{type, <type>: [{key, value, type}]}`; None for absent and `inherit`."""
    if raw is None:
        return None
    if isinstance(raw, list):
        if not container:
            warn(
                "request `auth` is a list (only folders take a list): first entry used"
            )
        raw = next((a for a in raw if isinstance(a, dict)), None)
        if raw is None:
            return None
    if not isinstance(raw, dict):
        warn("`auth` is not an object: ignored")
        return None
    kind = raw.get("type")
    if not isinstance(kind, str) or not kind:
        warn("`auth` has no `type`: ignored")
        return None
    if kind == "inherit":
        return None
    if kind == "noauth":
        return {"type": "noauth"}
    credentials = raw.get("credentials")
    params: list[dict[str, Any]] = []
    if isinstance(credentials, dict):
        items = list(credentials.items())
    elif isinstance(credentials, list):
        items = [
            (c.get("key"), c.get("value"))
            for c in credentials
            if isinstance(c, dict) and "key" in c
        ]
    else:
        items = []
    for key, value in items:
        # Credential values keep their YAML type (booleans, numbers, oauth2 lists).
        params.append(
            {"key": string(key), "value": value, "type": _auth_param_type(value)}
        )
    return {"type": kind, kind: params}


def scripts(
    raw: Any, kinds: dict[str, str], warn: Warn, *, level: str
) -> list[dict[str, Any]]:
    """`[{type, code, language?}]` -> v2.1 `event[]` (`exec` = the code's lines)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        warn("`scripts` is not a list: ignored")
        return []
    events = []
    for index, script in enumerate(raw):
        if not isinstance(script, dict):
            warn(f"`scripts[{index}]` is not an object: ignored")
            continue
        kind = script.get("type")
        listen = kinds.get(kind) if isinstance(kind, str) else None
        if listen is None:
            if not (isinstance(kind, str) and kind.startswith(OTHER_PROTOCOL_SCRIPTS)):
                expected = " or ".join(f"`{k}`" for k in kinds)
                warn(
                    f"script type {kind!r} is not valid at {level} level "
                    f"(expected {expected}): dropped"
                )
            continue
        code = script.get("code")
        if isinstance(code, list):  # invalid in v3 (FMT004), but the lines are clear
            code = "\n".join(string(line) for line in code)
        events.append(
            {
                "listen": listen,
                "script": {"type": "text/javascript", "exec": string(code).split("\n")},
            }
        )
    return events


def settings(raw: Any, warn: Warn) -> dict[str, Any]:
    """Request `settings` -> v2.1 `protocolProfileBehavior`."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        warn("`settings` is not an object: ignored")
        return {}
    behavior = {string(k): v for k, v in raw.items()}
    disabled = behavior.get("disabledSystemHeaders")
    if isinstance(disabled, list):
        behavior["disabledSystemHeaders"] = {string(name): True for name in disabled}
    return behavior


def _graphql(content: Any, warn: Warn) -> dict[str, Any]:
    if not isinstance(content, dict):
        content = {}
    graphql: dict[str, Any] = {"query": string(content.get("query"))}
    variables_ = content.get("variables")
    if variables_ is not None:
        graphql["variables"] = (
            variables_ if isinstance(variables_, str) else json.dumps(variables_)
        )
    return {"mode": "graphql", "graphql": graphql}


def _formdata(content: Any, warn: Warn) -> list[dict[str, Any]]:
    if not isinstance(content, list):
        warn("`formdata` content is not a list: ignored")
        return []
    result = []
    for index, item in enumerate(content):
        if not isinstance(item, dict):
            warn(f"`body.content[{index}]` is not an object: ignored")
            continue
        is_file = item.get("type") == "file"
        entry: dict[str, Any] = {
            "key": string(item.get("key")),
            "type": "file" if is_file else "text",
        }
        if is_file:
            src = item.get("src")
            entry["src"] = (
                [string(s) for s in src]
                if isinstance(src, list)
                else (None if src is None else string(src))
            )
        else:
            entry["value"] = string(item.get("value"))
        if item.get("contentType") is not None:
            entry["contentType"] = string(item["contentType"])
        if item.get("description") is not None:
            entry["description"] = string(item["description"])
        if item.get("disabled") is True:
            entry["disabled"] = True
        result.append(entry)
    return result


def body(raw: Any, warn: Warn) -> dict[str, Any] | None:
    """`{type, content}` -> v2.1 `body` (FORMAT.md §8.2); None for no body."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        warn("`body` is not an object: ignored")
        return None
    kind = raw.get("type")
    content = raw.get("content")
    if kind == "none":
        return None
    if kind in _RAW_LANGUAGES:
        return {
            "mode": "raw",
            "raw": string(content),
            "options": {"raw": {"language": _RAW_LANGUAGES[kind]}},
        }
    if kind == "text":
        return {"mode": "raw", "raw": string(content)}
    if kind == "urlencoded":
        return {
            "mode": "urlencoded",
            "urlencoded": pairs(content, "body.content", warn),
        }
    if kind == "formdata":
        return {"mode": "formdata", "formdata": _formdata(content, warn)}
    if kind == "file":
        src = content.get("src") if isinstance(content, dict) else None
        return {"mode": "file", "file": {} if src is None else {"src": string(src)}}
    if kind == "graphql":
        return _graphql(content, warn)
    warn(f"body type {kind!r} is not a v3 body type: body ignored")
    return None


def prunes_body(method: str, v2_body: dict[str, Any] | None) -> bool:
    """A GET-like request carrying a body: v3 sends it, v2.1 says so with
    `disableBodyPruning` (which the format lost). An empty body (the migration writes
    `type: text, content: ""` for a v2.1 `body: {}`) sends nothing either way."""
    if method.upper() not in _PRUNED or v2_body is None:
        return False
    mode = v2_body.get("mode")
    if mode == "file":
        return bool(v2_body.get("file"))
    if mode == "graphql":
        return bool(v2_body.get("graphql", {}).get("query"))
    return bool(v2_body.get(str(mode)))
