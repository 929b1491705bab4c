"""Auth as the runtime applies it: the collection's auth by name (`_config.AUTHS`, its
`{{variables}}` resolved per call), every header and query kind, OAuth 2 token fetches,
digest over the exact target, and the client's `auth=` override."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from typing import Any

import httpx
import pytest

from pmgen.runtime._auth import DigestAuth, make_auth, query_auth
from pmgen.runtime._exceptions import AuthConfigurationError
from tests.runtime.conftest import Config, mock_async_client, mock_client, spec


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/token":
            return httpx.Response(
                200, json={"access_token": f"tok{len(self.requests)}"}
            )
        return httpx.Response(200, json={})


def _auth(kind: str, **params: Any) -> dict[str, Any]:
    return {"op": {"type": kind, "params": params}}


def test_basic_auth_uses_the_client_variables_and_follows_their_changes(
    config: Config,
) -> None:
    config(AUTHS=_auth("basic", username="{{user}}", password="pw"))
    seen = Recorder()
    client = mock_client(seen, variables={"user": "ada"})
    client.request(spec(auth="op", auth_type="basic"))
    client.variables["user"] = "bob"  # a script (or the caller) changed the variable
    client.request(spec(auth="op", auth_type="basic"))
    sent = [r.headers["authorization"] for r in seen.requests]
    assert sent == [
        "Basic " + base64.b64encode(b"ada:pw").decode(),
        "Basic " + base64.b64encode(b"bob:pw").decode(),
    ]


def test_bearer_token_and_an_empty_one_sends_no_header(config: Config) -> None:
    config(AUTHS=_auth("bearer", token="{{token}}"))
    seen = Recorder()
    mock_client(seen, variables={"token": "abc"}).request(
        spec(auth="op", auth_type="bearer")
    )
    mock_client(seen, variables={"token": ""}).request(
        spec(auth="op", auth_type="bearer")
    )
    assert seen.requests[0].headers["authorization"] == "Bearer abc"
    assert "authorization" not in seen.requests[1].headers


def test_api_key_in_a_header_or_in_the_query(config: Config) -> None:
    seen = Recorder()
    config(AUTHS=_auth("apikey", key="X-Key", value="{{k}}", **{"in": "header"}))
    mock_client(seen, variables={"k": "s1"}).request(
        spec(auth="op", auth_type="apikey")
    )
    config(AUTHS=_auth("apikey", key="api key", value="{{k}}", **{"in": "query"}))
    mock_client(seen, variables={"k": "s&2"}).request(
        spec(auth="op", auth_type="apikey")
    )
    assert seen.requests[0].headers["x-key"] == "s1"
    assert seen.requests[1].url.query == b"api%20key=s%262"
    assert "x-key" not in seen.requests[1].headers


def test_oauth2_client_credentials_fetches_one_token_and_reuses_it(
    config: Config,
) -> None:
    config(
        AUTHS=_auth(
            "oauth2",
            grant_type="client_credentials",
            accessTokenUrl="http://auth.test/token",
            clientId="id",
            clientSecret="secret",
            scope="read",
        )
    )
    seen = Recorder()
    client = mock_client(seen)
    client.request(spec(auth="op", auth_type="oauth2"))
    client.request(spec(auth="op", auth_type="oauth2"))
    token_request, first, second = seen.requests
    assert token_request.url == "http://auth.test/token"
    assert (
        token_request.headers["authorization"]
        == "Basic " + base64.b64encode(b"id:secret").decode()
    )
    assert token_request.content == b"grant_type=client_credentials&scope=read"
    assert first.headers["authorization"] == "Bearer tok1"
    assert second.headers["authorization"] == "Bearer tok1"


def test_oauth2_without_a_token_url_is_a_configuration_error(config: Config) -> None:
    config(AUTHS=_auth("oauth2", grant_type="client_credentials"))
    with pytest.raises(AuthConfigurationError, match="no accessTokenUrl"):
        mock_client(Recorder()).request(spec(auth="op", auth_type="oauth2"))


def test_oauth2_token_in_the_query_when_asked(config: Config) -> None:
    config(AUTHS=_auth("oauth2", accessToken="t 1", addTokenTo="queryParams"))
    seen = Recorder()
    mock_client(seen).request(spec(auth="op", auth_type="oauth2"))
    assert seen.requests[0].url.query == b"access_token=t%201"
    assert "authorization" not in seen.requests[0].headers


def test_digest_signs_the_exact_target_postman_sends() -> None:
    params = {
        "username": "u",
        "password": "p",
        "realm": "r",
        "nonce": "n",
        "algorithm": "MD5",
    }
    seen = Recorder()
    client = mock_client(seen, auth=DigestAuth(params))
    client.request(spec(path=["a b"], query=[["q", "x y", "q", True]]))
    header = seen.requests[0].headers["authorization"]
    uri = re.search(r'uri="([^"]*)"', header)
    assert uri is not None and uri.group(1) == "/a%20b?q=x%20y"

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    expected = md5(f"{md5('u:r:p')}:n:{md5('GET:/a%20b?q=x%20y')}")
    assert f'response="{expected}"' in header


def test_the_auth_argument_replaces_the_collection_auth(config: Config) -> None:
    config(AUTHS=_auth("apikey", key="api_key", value="v", **{"in": "query"}))
    seen = Recorder()
    mock_client(seen, auth=httpx.BasicAuth("x", "y")).request(
        spec(auth="op", auth_type="apikey")
    )
    mock_client(seen, auth=None).request(spec(auth="op", auth_type="apikey"))
    override, none = seen.requests
    assert override.headers["authorization"].startswith("Basic ")
    # the override wins over the query key too
    assert override.url.query == b"" and none.url.query == b""
    assert "authorization" not in none.headers


def test_async_client_applies_the_same_auth(config: Config) -> None:
    config(AUTHS=_auth("bearer", token="{{t}}"))
    seen = Recorder()

    async def call() -> None:
        await mock_async_client(seen, variables={"t": "async"}).request(
            spec(auth="op", auth_type="bearer")
        )

    asyncio.run(call())
    assert seen.requests[0].headers["authorization"] == "Bearer async"


def test_make_auth_kinds() -> None:
    assert make_auth("noauth", {}) is None
    assert make_auth("apikey", {"in": "query", "key": "k"}) is None
    assert make_auth("unknown-kind", {}) is None  # Postman sends it without auth
    assert isinstance(make_auth("basic", {}), httpx.BasicAuth)
    assert query_auth("apikey", {"in": "query", "key": "", "value": "v"}) == []


def test_ntlm_challenge_explains_what_to_plug_in() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, headers={"WWW-Authenticate": "NTLM"})

    auth = make_auth("ntlm", {})
    with pytest.raises(AuthConfigurationError, match="NTLM"):
        mock_client(handler, auth=auth).request(spec())
