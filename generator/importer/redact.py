"""A copy of the model with secret values masked, for printing (`pmgen inspect`).

Masked: secret variables (declared or detected), auth parameters that hold credentials,
and headers/query/form fields whose name or value looks like a credential. Placeholders
(`{{token}}`, `<your key>`, empty) are left alone: they reveal nothing.
"""

from __future__ import annotations

from typing import Any

from pmgen.model import Collection
from pmgen.secrets import is_placeholder, is_secret_name, looks_like_secret, mask

# Auth parameters that carry credentials although their names do not say so.
_AUTH_CREDENTIALS = {
    "value",
    "authKey",
    "authId",
    "clientToken",
    "accessToken",
    "privateKey",
}


def _masked(value: Any) -> Any:
    if isinstance(value, str) and not is_placeholder(value):
        return mask(value)
    return value


def _walk(node: Any, in_auth_params: bool = False) -> Any:
    if isinstance(node, list):
        return [_walk(item) for item in node]
    if not isinstance(node, dict):
        return node
    if in_auth_params:
        return {
            k: _masked(v) if is_secret_name(k) or k in _AUTH_CREDENTIALS else _walk(v)
            for k, v in node.items()
        }
    result = {k: _walk(v, in_auth_params=k == "params") for k, v in node.items()}
    if isinstance(result.get("key"), str) and "value" in result:
        value = result["value"]
        secret = result.get("secret") is True or is_secret_name(result["key"])
        if secret or (isinstance(value, str) and looks_like_secret(value)):
            result["value"] = _masked(value)
    return result


def redact(collection: Collection) -> Collection:
    data = _walk(collection.model_dump())
    data["overrides"] = {
        k: _masked(v) if is_secret_name(k) or looks_like_secret(v) else v
        for k, v in collection.overrides.items()
    }
    return Collection.model_validate(data)
