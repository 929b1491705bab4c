"""Digest auth as Postman sends it: computed from the auth's own realm/nonce/qop/nc/cnonce
parameters, without waiting for a challenge (so it is static for a given request)."""

from __future__ import annotations

import hashlib

from pmgen.model import Auth


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def digest_header(
    auth: Auth, resolve: object, method: str, uri: str, body: str = ""
) -> str:
    """The `Authorization` value; `resolve(text) -> str` resolves variables (secrets inline)."""
    assert callable(resolve)

    def param(name: str) -> str:
        raw = auth.params.get(name)
        return str(
            resolve(raw if isinstance(raw, str) else "" if raw is None else str(raw))
        )

    user, realm, password = param("username"), param("realm"), param("password")
    nonce, qop, opaque = param("nonce"), param("qop"), param("opaque")
    algorithm = param("algorithm") or "MD5"
    nc, cnonce = param("nonceCount") or "00000001", param("clientNonce")
    ha1 = _md5(f"{user}:{realm}:{password}")
    if algorithm.upper() == "MD5-SESS":
        ha1 = _md5(f"{ha1}:{nonce}:{cnonce}")
    ha2 = (
        _md5(f"{method}:{uri}:{_md5(body)}")
        if qop == "auth-int"
        else _md5(f"{method}:{uri}")
    )
    if qop:
        response = _md5(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}")
    else:
        response = _md5(f"{ha1}:{nonce}:{ha2}")
    fields = [
        f'username="{user}"',
        f'realm="{realm}"',
        f'nonce="{nonce}"',
        f'uri="{uri}"',
        f'algorithm="{algorithm}"',
    ]
    if qop:
        fields += [f"qop={qop}", f"nc={nc}", f'cnonce="{cnonce}"']
    fields.append(f'response="{response}"')
    if opaque:
        fields.append(f'opaque="{opaque}"')
    return "Digest " + ", ".join(fields)
