"""Postman's auth types as `httpx.Auth` classes. Pass any `httpx.Auth` as `auth=` instead."""

from __future__ import annotations

import base64
import hashlib
import threading
import time
from collections.abc import Generator, Mapping
from typing import Any

import httpx

from . import _config, _signing
from ._exceptions import AuthConfigurationError


def _p(params: Mapping[str, Any], key: str, default: str = "") -> str:
    value = params.get(key, default)
    return default if value is None else str(value)


class BearerAuth(httpx.Auth):
    def __init__(self, token: str, prefix: str = "Bearer") -> None:
        self.token, self.prefix = token, prefix

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if self.token:  # Postman sends no Authorization header for an empty token
            request.headers["Authorization"] = f"{self.prefix} {self.token}".strip()
        yield request


class HeaderAuth(httpx.Auth):
    """A fixed header (API keys sent in a header)."""

    def __init__(self, name: str, value: str) -> None:
        self.name, self.value = name, value

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if self.name:
            request.headers[self.name] = self.value
        yield request


class OAuth2TokenAuth(httpx.Auth):
    """OAuth 2 access tokens: a given one, or fetched (and refreshed) from the token URL
    with the client-credentials or password grant."""

    requires_response_body = True

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.params = dict(params)
        self.token = _p(params, "accessToken") or _p(params, "access_token")
        self.prefix = (
            _p(params, "headerPrefix") if "headerPrefix" in params else "Bearer"
        )
        self.grant = _p(params, "grant_type", "")
        self._expires_at = 0.0
        self._lock = threading.Lock()

    def _needs_token(self) -> bool:
        if self.grant not in ("client_credentials", "password_credentials", "password"):
            return False
        return not self.token or (
            self._expires_at > 0 and time.time() > self._expires_at - 30
        )

    def _token_request(self) -> httpx.Request:
        url = _p(self.params, "accessTokenUrl")
        if not url:
            raise AuthConfigurationError(
                "oauth2: no accessTokenUrl to fetch a token from",
                request=httpx.Request("POST", "http://invalid"),
            )
        grant = (
            "client_credentials" if self.grant == "client_credentials" else "password"
        )
        form = {"grant_type": grant}
        if grant == "password":
            form["username"] = _p(self.params, "username")
            form["password"] = _p(self.params, "password")
        if _p(self.params, "scope"):
            form["scope"] = _p(self.params, "scope")
        headers = {"Accept": "application/json"}
        client_id, secret = _p(self.params, "clientId"), _p(self.params, "clientSecret")
        if _p(self.params, "client_authentication", "header") == "body":
            form["client_id"], form["client_secret"] = client_id, secret
        else:
            pair = f"{client_id}:{secret}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
        return httpx.Request("POST", url, data=form, headers=headers)

    def _store(self, response: httpx.Response) -> None:
        try:
            data = response.json()
        except ValueError:  # not JSON (an HTML login page, an empty body)
            data = None
        if not isinstance(data, dict) or not data.get("access_token"):
            raise AuthConfigurationError(
                f"oauth2: the token response from {response.request.url} holds no access_token",
                request=response.request,
            )
        self.token = str(data["access_token"])
        expires = data.get("expires_in")
        self._expires_at = time.time() + float(expires) if expires else 0.0

    def _apply(self, request: httpx.Request) -> None:
        if _p(self.params, "addTokenTo", "header") == "header" and self.token:
            request.headers["Authorization"] = f"{self.prefix} {self.token}".strip()

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if self._needs_token():
            response = yield self._token_request()
            response.raise_for_status()
            with self._lock:
                self._store(response)
        self._apply(request)
        response = yield request
        if response.status_code == 401 and self.grant and self._expires_at:
            self._expires_at = 1.0  # expired: fetch a new token once and retry
            response = yield self._token_request()
            response.raise_for_status()
            self._store(response)
            self._apply(request)
            yield request


class SignedAuth(httpx.Auth):
    """Auth Postman computes per request (oauth1, awsv4, hawk, edgegrid, jwt, asap):
    a fresh timestamp and nonce each time, signed by `_signing` as Postman signs."""

    def __init__(self, kind: str, params: Mapping[str, Any]) -> None:
        self.kind, self.params = kind, dict(params)
        self.signer = _signing.SIGNERS[kind]

    def sign(self, request: httpx.Request) -> httpx.Request:
        ctype = request.headers.get("content-type", "")
        # Postman hashes no multipart body
        body = None if ctype.lower().startswith("multipart/") else request.read()
        target = request.extensions.get("target")
        origin = f"{request.url.scheme}://{request.url.netloc.decode()}"
        url = str(request.url)
        if isinstance(target, bytes):  # the path and query exactly as sent
            url = origin + target.decode()
        explicit = request.extensions.get("explicit_headers")
        try:
            new_url, headers, new_body = self.signer(
                self.params,
                request.method,
                url,
                list(request.headers.multi_items()),
                body,
                None if explicit is None else list(explicit),
            )
        except RuntimeError as exc:  # `cryptography` missing
            raise AuthConfigurationError(
                f"{self.kind}: {exc}".replace("<package>", _config.PACKAGE),
                request=request,
            ) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise AuthConfigurationError(
                f"{self.kind} auth: {exc}", request=request
            ) from None
        extensions = dict(request.extensions)
        if new_url != url:
            extensions["target"] = new_url[len(origin) :].encode()
        if new_body is not body and new_body is not None:
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            return httpx.Request(
                request.method,
                new_url,
                headers=headers,
                content=new_body,
                extensions=extensions,
            )
        request.url = httpx.URL(new_url)
        request.headers = httpx.Headers(headers)
        request.extensions = extensions
        return request

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        yield self.sign(request)


class DigestAuth(httpx.Auth):
    """Digest auth as Postman sends it: computed up front from the collection's realm and
    nonce when it has them, else the usual challenge round trip (`httpx.DigestAuth`)."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.params = dict(params)
        self._challenge = httpx.DigestAuth(
            _p(params, "username"), _p(params, "password")
        )

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        p = self.params
        if not (_p(p, "realm") or _p(p, "nonce")):
            yield from self._challenge.auth_flow(request)
            return
        algorithm = _p(p, "algorithm", "MD5") or "MD5"
        name = algorithm.upper().replace("-SESS", "")
        digest = {
            "MD5": hashlib.md5,
            "SHA-256": hashlib.sha256,
            "SHA-512-256": hashlib.sha512,
        }.get(name, hashlib.md5)

        def h(text: str) -> str:
            return digest(text.encode()).hexdigest()

        user, realm, nonce = _p(p, "username"), _p(p, "realm"), _p(p, "nonce")
        qop, nc, cnonce, opaque = (
            _p(p, "qop"),
            _p(p, "nonceCount"),
            _p(p, "clientNonce"),
            _p(p, "opaque"),
        )
        uri = request.url.raw_path.decode()
        target = request.extensions.get("target")
        if isinstance(target, bytes):
            uri = target.decode()
        ha1 = h(f"{user}:{realm}:{_p(p, 'password')}")
        if algorithm.upper().endswith("-SESS"):
            ha1 = h(f"{ha1}:{nonce}:{cnonce}")
        ha2 = h(f"{request.method}:{uri}")
        response = (
            h(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}")
            if qop
            else h(f"{ha1}:{nonce}:{ha2}")
        )
        parts = [
            f'username="{user}"',
            f'realm="{realm}"',
            f'nonce="{nonce}"',
            f'uri="{uri}"',
            f'algorithm="{algorithm}"',
        ]
        if qop:
            parts += [f"qop={qop}", f"nc={nc}", f'cnonce="{cnonce}"']
        parts.append(f'response="{response}"')
        if opaque:
            parts.append(f'opaque="{opaque}"')
        request.headers["Authorization"] = "Digest " + ", ".join(parts)
        yield request


class NTLMChallengeAuth(httpx.Auth):
    """NTLM is a handshake the server starts (401 + `WWW-Authenticate: NTLM`); like Postman,
    send the request as is and explain how to plug an NTLM `httpx.Auth` if one is asked for.
    """

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        response = yield request
        challenge = response.headers.get("www-authenticate", "").lower()
        if response.status_code == 401 and (
            "ntlm" in challenge or "negotiate" in challenge
        ):
            raise AuthConfigurationError(
                "the server asks for NTLM, which this client does not implement; pass an NTLM "
                "httpx.Auth (e.g. httpx-ntlm's HttpNtlmAuth) as the client's `auth=` argument",
                request=request,
            )


def query_auth(kind: str, params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Auth that lives in the query string (API keys, OAuth 2 tokens `addTokenTo=queryParams`)."""
    if kind == "apikey" and _p(params, "in", "header") == "query" and _p(params, "key"):
        return [(_p(params, "key"), _p(params, "value"))]
    if kind == "oauth2" and _p(params, "addTokenTo") == "queryParams":
        token = _p(params, "accessToken")
        return [("access_token", token)] if token else []
    return []


def make_auth(kind: str, params: Mapping[str, Any]) -> httpx.Auth | None:
    """The `httpx.Auth` for a Postman auth type and its (resolved) parameters."""
    if kind in ("noauth", ""):
        return None
    if kind == "basic":
        return httpx.BasicAuth(_p(params, "username"), _p(params, "password"))
    if kind == "bearer":
        return BearerAuth(_p(params, "token"))
    if kind == "apikey":
        if _p(params, "in", "header") == "query":
            return None  # applied to the query string
        return HeaderAuth(_p(params, "key"), _p(params, "value"))
    if kind == "digest":
        return DigestAuth(params)
    if kind == "oauth2":
        return OAuth2TokenAuth(params)
    if kind == "ntlm":
        return NTLMChallengeAuth()
    if kind in _signing.SIGNERS:
        return SignedAuth(kind, params)
    return None  # a type Postman has no handler for: sent without auth, as Postman does
