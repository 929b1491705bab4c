"""Header values as Postman's runner writes them (Node.js's http module): a character up to
U+00FF as its Latin-1 byte; anything else (beyond Latin-1, control characters) refused
with `InvalidHeaderError` naming the header. A real server on 127.0.0.1, sync and async."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pmgen.runtime._exceptions import InvalidHeaderError
from pmgen.runtime._request import wire_header
from tests.helpers.echo_server import EchoServer
from tests.runtime.conftest import AsyncClient, Client, spec


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer() as s:
        yield s


def send(mode: str, server: EchoServer, operation: dict[str, Any], **options: Any) -> None:
    if mode == "sync":
        with httpx.Client() as http:
            Client(http, base_url=server.url, max_retries=0, **options).request(operation)
        return

    async def call() -> None:
        async with httpx.AsyncClient() as http:
            client = AsyncClient(http, base_url=server.url, max_retries=0, **options)
            await client.request(operation)

    asyncio.run(call())


def received(server: EchoServer, name: str) -> bytes:
    """The bytes of a header the server received (http.server decodes them as Latin-1)."""
    value = next(v for k, v in server.requests[-1]["headers"] if k.lower() == name.lower())
    return str(value).encode("latin-1")


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_latin1_characters_are_sent_as_latin1_bytes(mode: str, server: EchoServer) -> None:
    """`café` is `caf\\xe9` on the wire, as Node.js writes it (not UTF-8 `caf\\xc3\\xa9`)."""
    operation = spec(headers=[["X-Name", "café {{who}}"]])
    send(mode, server, operation, variables={"who": "Zoë"}, default_headers={"X-Default": "ñ"})
    assert received(server, "X-Name") == b"caf\xe9 Zo\xeb"
    assert received(server, "X-Default") == b"\xf1"


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_extra_headers_are_sent_the_same_way(mode: str, server: EchoServer) -> None:
    operation = spec()
    if mode == "sync":
        with httpx.Client() as http:
            client = Client(http, base_url=server.url)
            client.request(operation, extra_headers={"X-Extra": "naïve\tvalue"})
    else:

        async def call() -> None:
            async with httpx.AsyncClient() as http:
                client = AsyncClient(http, base_url=server.url)
                await client.request(operation, extra_headers={"X-Extra": "naïve\tvalue"})

        asyncio.run(call())
    assert received(server, "X-Extra") == b"na\xefve\tvalue"


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("value", "char"),
    [("日本", "U+65E5"), ("price €5", "U+20AC"), ("a\x01b", "U+0001"), ("a\x7fb", "U+007F")],
)
def test_what_postman_refuses_raises_naming_the_header(
    mode: str, server: EchoServer, value: str, char: str
) -> None:
    """Node.js refuses these (ERR_INVALID_CHAR): Newman fails the request; so does the
    client, before sending anything, and without the value in the message."""
    server.clear()
    operation = spec(headers=[["X-Token", "{{token}}"]])
    with pytest.raises(InvalidHeaderError) as caught:
        send(mode, server, operation, variables={"token": value})
    assert "'X-Token'" in str(caught.value) and char in str(caught.value)
    assert value not in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert server.requests == []


def test_a_header_name_that_is_not_a_token_is_refused() -> None:
    with pytest.raises(InvalidHeaderError, match="X-Naïve"):
        wire_header("X-Naïve", "v")
    with pytest.raises(InvalidHeaderError, match="'X Space'"):
        wire_header("X Space", "v")


def test_names_keep_their_case_and_values_are_latin1() -> None:
    assert wire_header("X-Name", "*/* \xff") == (b"X-Name", b"*/* \xff")
