"""Readers for the small Postman fields that come in several shapes in real files.

Each takes the raw JSON value (untrusted, any type) and returns model values.
"""

from __future__ import annotations

import json
from typing import Any

from pmgen.model import Auth, KeyValue

AUTH_TYPES = frozenset(
    {"noauth", "basic", "bearer", "digest", "oauth1", "oauth2", "hawk", "awsv4", "ntlm",
     "apikey", "akamai", "edgegrid", "jwt", "asap"}
)  # fmt: skip


def text(value: Any) -> str:
    """A string as Postman would show it: None -> "", numbers/bools like JavaScript's String()."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return (
            str(int(value))
            if isinstance(value, float) and value.is_integer()
            else str(value)
        )
    return json.dumps(value, ensure_ascii=False)


def optional_text(value: Any) -> str | None:
    return None if value is None else text(value)


def description(value: Any) -> str:
    """`description` as a string, `{content, type}` or null."""
    if isinstance(value, dict):
        return text(value.get("content"))
    return text(value)


def is_disabled(entry: dict[str, Any]) -> bool:
    """v2 says `disabled: true`; environments and v1 say `enabled: false`."""
    return entry.get("disabled") is True or entry.get("enabled") is False


def parse_header_string(raw: str) -> list[KeyValue]:
    """`"Key: value\\nOther: v"` (v1 `headers`, some v2.0 files); `//Key: v` is disabled."""
    result = []
    for line in raw.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        disabled = line.lstrip().startswith("//")
        entry = line.lstrip()[2:] if disabled else line
        key, sep, value = entry.partition(":")
        result.append(
            KeyValue(
                key=key.strip(), value=value.strip() if sep else None, disabled=disabled
            )
        )
    return result


def key_values(value: Any) -> list[KeyValue]:
    """Headers, query parameters, urlencoded fields: a list of objects or a header string."""
    if isinstance(value, str):
        return parse_header_string(value)
    if isinstance(value, dict):  # `{"Key": "value"}` seen in hand-written files
        return [KeyValue(key=text(k), value=optional_text(v)) for k, v in value.items()]
    if not isinstance(value, list):
        return []
    result = []
    for entry in value:
        if isinstance(entry, str):
            result.extend(parse_header_string(entry))
        elif isinstance(entry, dict) and ("key" in entry or "value" in entry):
            result.append(
                KeyValue(
                    key=text(entry.get("key")),
                    value=optional_text(entry.get("value")),
                    description=description(entry.get("description")),
                    disabled=is_disabled(entry),
                )
            )
    return result


def _auth_params(raw: Any) -> dict[str, Any]:
    """Auth parameters: `[{key, value, type}]` (v2.1), a plain object (v2.0) or
    `{basicConfig: [...]}` (published documentation)."""
    if isinstance(raw, dict) and isinstance(raw.get("basicConfig"), list):
        raw = raw["basicConfig"] + list(raw.get("advancedConfig") or [])
    if isinstance(raw, list):
        params: dict[str, Any] = {}
        for entry in raw:
            if isinstance(entry, dict) and "key" in entry:
                params.setdefault(text(entry["key"]), entry.get("value"))
        return params
    if isinstance(raw, dict):
        return {text(k): v for k, v in raw.items()}
    return {}


def auth(raw: Any) -> tuple[Auth | None, bool]:
    """(auth, declared). Missing, null or an invalid type is not declared: it inherits."""
    if not isinstance(raw, dict):
        return None, False
    kind = raw.get("type")
    if not isinstance(kind, str) or kind not in AUTH_TYPES:
        return None, False
    if kind == "noauth":
        return Auth(type="noauth"), True
    return Auth(type=kind, params=_auth_params(raw.get(kind))), True
