"""Postman auth as it reaches the wire: headers and query parameters for the static kinds,
a `RuntimeAuth` description for the kinds computed per request (signatures, challenges).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from pmgen import secrets
from pmgen.model import Auth
from pmgen.wire.values import Scope, Value, is_literal, join, literal, text_value

RUNTIME_KINDS = (
    "digest",
    "oauth1",
    "awsv4",
    "hawk",
    "ntlm",
    "edgegrid",
    "jwt",
    "asap",
    "akamai",
)


@dataclass(frozen=True)
class RuntimeAuth:
    """Auth computed when the request is sent; `params` resolved (secrets as `env` parts)."""

    type: str
    params: dict[str, Value] = field(default_factory=dict)


@dataclass
class AppliedAuth:
    headers: list[tuple[str, Value]] = field(default_factory=list)
    query: list[tuple[str, Value]] = field(default_factory=list)
    replaces_header: str | None = None  # header name (lowercase) the auth overrides
    runtime: RuntimeAuth | None = None
    note: str | None = None


def _param(auth: Auth, scope: Scope, name: str, default: str = "") -> Value:
    raw = auth.params.get(name, default)
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    if secrets.is_secret_auth_field(auth.type, name):
        return scope.resolve(text, secret_as=f"{auth.type}_{name}")
    return scope.resolve(text)


def _text_param(auth: Auth, scope: Scope, name: str, default: str = "") -> str:
    raw = auth.params.get(name, default)
    return scope.resolve_text(
        raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    )


def _empty_token(auth: Auth, name: str) -> str:
    raw = str(auth.params.get(name) or "").strip()
    variable = raw[2:-2] if raw.startswith("{{") and raw.endswith("}}") else "token"
    return (
        f"the auth token ({raw}) is empty in the collection: Postman then sends no "
        f"Authorization header, nor does this (regenerate with --var {variable}=...)"
    )


def apply(auth: Auth | None, scope: Scope) -> AppliedAuth:
    out = AppliedAuth()
    if auth is None or auth.type in ("noauth", ""):
        return out
    kind = auth.type
    if kind == "basic":
        user = scope.resolve_text(str(auth.params.get("username") or ""))
        password_value = _param(auth, scope, "password")
        value: Value
        if is_literal(password_value):
            credentials = base64.b64encode(
                f"{user}:{literal(password_value)}".encode()
            ).decode()
            value = text_value("Basic " + credentials)
        else:  # the whole credential comes from the environment, already encoded
            clear = scope.resolve_text(str(auth.params.get("password") or ""))
            encoded = base64.b64encode(f"{user}:{clear}".encode()).decode()
            env = scope.secret_named(
                "basic_credentials", encoded, "base64 of username:password"
            )
            value = join([text_value("Basic "), env])
        out.headers.append(("Authorization", value))
        out.replaces_header = "authorization"
    elif kind == "bearer":
        token = _param(auth, scope, "token")
        if _text_param(auth, scope, "token"):  # Postman adds nothing for an empty token
            out.headers.append(("Authorization", join([text_value("Bearer "), token])))
            out.replaces_header = "authorization"
        elif token:  # `{{access_token}}` empty in the collection
            out.note = _empty_token(auth, "token")
    elif kind == "apikey":
        key_name = _text_param(auth, scope, "key")
        key_value = _param(auth, scope, "value")
        if _text_param(auth, scope, "in", "header") == "query":
            out.query.append((key_name, key_value))
        elif key_name:
            out.headers.append((key_name, key_value))
            out.replaces_header = key_name.lower()
    elif kind == "oauth2":
        token = _param(auth, scope, "accessToken")
        if not _text_param(auth, scope, "accessToken"):
            out.note = _empty_token(auth, "accessToken") if token else None
            return out
        if _text_param(auth, scope, "addTokenTo", "header") == "queryParams":
            out.query.append(("access_token", token))
        else:
            prefix = _text_param(auth, scope, "headerPrefix", "Bearer")
            prefix = prefix if "headerPrefix" in auth.params else "Bearer"
            head = f"{prefix} " if prefix else ""
            out.headers.append(("Authorization", join([text_value(head), token])))
            out.replaces_header = "authorization"
    elif kind == "ntlm":
        # NTLM only answers a server's 401 challenge: the first request carries no credentials
        out.note = (
            "NTLM answers a 401 challenge: the first request goes without credentials"
        )
    elif kind in RUNTIME_KINDS:
        params = {name: _param(auth, scope, name) for name in sorted(auth.params)}
        out.runtime = RuntimeAuth(kind, params)
    # any other type: Postman knows no handler for it and sends the request without auth
    return out
