"""Redirects as Postman's runner follows them (postman-request under postman-runtime), with
the collection's protocolProfileBehavior per request (`spec["redirects"]`): each setting
on and off, against real servers on 127.0.0.1, sync and async."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from pmgen.runtime._exceptions import TooManyRedirectsError
from pmgen.runtime._response import APIResponse
from tests.helpers.echo_server import EchoServer, Record
from tests.runtime.conftest import AsyncClient, Client, spec

OTHER_PORT: list[int] = []  # the second server's port, once it listens


def _responder(record: Record) -> tuple[int, list[tuple[str, str]], bytes]:
    """`/to/<status>/<where>` answers <status> with a Location: `here` (this server),
    `away` (this server under the host name `localhost`), `port` (the other server);
    `/chain/<n>` redirects n times; `/loop` forever; `/cookie` sets a cookie on its 302;
    anything else answers 200 with what it received."""
    parts = record["path"].strip("/").split("/")
    port = record_port(record)
    if parts[0] == "to":
        status, where = int(parts[1]), parts[2]
        location = {
            "here": "/final",
            "away": f"http://localhost:{port}/final",
            "port": f"http://127.0.0.1:{OTHER_PORT[0] if OTHER_PORT else 0}/final",
        }[where]
        return status, [("Location", location)], b""
    if parts[0] == "chain":
        left = int(parts[1])
        if left:
            return 302, [("Location", f"/chain/{left - 1}")], b""
    if parts[0] == "empty":
        return 302, [("Location", "")], b""
    if parts[0] == "loop":
        return 302, [("Location", "/loop")], b""
    if parts[0] == "cookie":
        return 302, [("Location", "/final"), ("Set-Cookie", "session=s1; Path=/")], b""
    return 200, [("Content-Type", "application/json")], json.dumps(record).encode()


def record_port(record: Record) -> int:
    host = next(v for k, v in record["headers"] if k.lower() == "host")
    return int(host.rsplit(":", 1)[1])


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[EchoServer, EchoServer]]:
    with EchoServer(_responder) as first, EchoServer(_responder) as second:
        OTHER_PORT[:] = [second.port]
        yield first, second


@pytest.fixture()
def server(servers: tuple[EchoServer, EchoServer]) -> EchoServer:
    for s in servers:
        s.clear()
    return servers[0]


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def send(mode: str, server: EchoServer, operation: dict[str, Any], **options: Any) -> Any:
    """The raw response of `operation` sent by a sync or async client (with a real
    `httpx.Client` that follows redirects, as a generated client makes it)."""
    options.setdefault("max_retries", 0)
    if mode == "sync":
        with httpx.Client(follow_redirects=True) as http:
            return Client(http, base_url=server.url, **options).request(operation, raw=True)

    async def call() -> Any:
        async with httpx.AsyncClient(follow_redirects=True) as http:
            client = AsyncClient(http, base_url=server.url, **options)
            return await client.request(operation, raw=True)

    return asyncio.run(call())


def redirect(
    path: str, method: str = "GET", body: str | None = None, **rules: Any
) -> dict[str, Any]:
    fields: dict[str, Any] = {"method": method, "path": path.strip("/").split("/")}
    if body is not None:
        fields["body"] = {"mode": "raw", "raw": body}
        fields["content_type"] = "text/plain"
    if rules:
        fields["redirects"] = rules
    return spec(**fields)


def headers(record: Record) -> dict[str, str]:
    return {k.lower(): v for k, v in record["headers"]}


def body(record: Record) -> bytes:
    return base64.b64decode(record["body_b64"])


# -- followRedirects ------------------------------------------------------------------


def test_redirects_are_followed_by_default(mode: str, server: EchoServer) -> None:
    response: APIResponse[Any] = send(mode, server, redirect("/to/302/here"))
    assert response.status_code == 200
    assert [r.status_code for r in response.http_response.history] == [302]
    assert [r["path"] for r in server.requests] == ["/to/302/here", "/final"]


def test_follow_redirects_false_returns_the_redirect(mode: str, server: EchoServer) -> None:
    response = send(mode, server, redirect("/to/302/here", follow=False))
    assert response.status_code == 302
    assert response.headers["location"] == "/final"
    assert [r["path"] for r in server.requests] == ["/to/302/here"]


def test_any_3xx_with_a_location_is_followed(mode: str, server: EchoServer) -> None:
    """postman-request follows every 3xx that has a Location (httpx only 301-303, 307-308)."""
    response = send(mode, server, redirect("/to/300/here"))
    assert response.status_code == 200
    assert [r["path"] for r in server.requests] == ["/to/300/here", "/final"]


def test_an_empty_location_is_not_followed(mode: str, server: EchoServer) -> None:
    assert send(mode, server, redirect("/empty")).status_code == 302
    assert len(server.requests) == 1


# -- maxRedirects ---------------------------------------------------------------------


def test_ten_redirects_are_followed_by_default(mode: str, server: EchoServer) -> None:
    assert send(mode, server, redirect("/chain/10")).status_code == 200
    assert len(server.requests) == 11


def test_the_eleventh_redirect_fails_the_request_as_newman_does(
    mode: str, server: EchoServer
) -> None:
    """Postman's default limit is 10 (httpx's is 20); past it Newman reports the request as
    failed ("Exceeded maxRedirects. Probably stuck in a redirect loop ...")."""
    with pytest.raises(TooManyRedirectsError) as caught:
        send(mode, server, redirect("/chain/11"))
    assert len(server.requests) == 11
    assert "Exceeded maxRedirects (10)" in str(caught.value)
    assert caught.value.response.status_code == 302
    assert caught.value.request.url.path == "/chain/1"
    assert isinstance(caught.value, httpx.TooManyRedirects)  # what the runtime raised before


def test_max_redirects_allows_that_many(mode: str, server: EchoServer) -> None:
    assert send(mode, server, redirect("/chain/3", max=3)).status_code == 200
    assert len(server.requests) == 4


def test_max_redirects_stops_one_past_it(mode: str, server: EchoServer) -> None:
    with pytest.raises(TooManyRedirectsError, match=r"maxRedirects \(2\)"):
        send(mode, server, redirect("/loop", max=2))
    assert len(server.requests) == 3


def test_max_redirects_zero_fails_on_the_first_redirect(mode: str, server: EchoServer) -> None:
    with pytest.raises(TooManyRedirectsError):
        send(mode, server, redirect("/to/302/here", max=0))
    assert len(server.requests) == 1


def test_the_limit_is_not_retried(mode: str, server: EchoServer) -> None:
    with pytest.raises(TooManyRedirectsError):
        send(mode, server, redirect("/loop", max=1), max_retries=2)
    assert len(server.requests) == 2


# -- followOriginalHttpMethod ---------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303])
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_301_302_303_become_a_get_without_body(
    mode: str, server: EchoServer, status: int, method: str
) -> None:
    """Any method, not only POST (httpx keeps PUT on 302)."""
    send(mode, server, redirect(f"/to/{status}/here", method, body="payload"))
    first, final = server.requests
    assert (first["method"], body(first)) == (method, b"payload")
    assert (final["method"], body(final)) == ("GET", b"")
    assert "content-type" not in headers(final)
    assert "content-length" not in headers(final)


@pytest.mark.parametrize("status", [301, 302, 303])
def test_follow_original_http_method_keeps_method_and_body(
    mode: str, server: EchoServer, status: int
) -> None:
    send(mode, server, redirect(f"/to/{status}/here", "PUT", body="payload", keep_method=True))
    final = server.requests[-1]
    assert (final["method"], body(final)) == ("PUT", b"payload")
    assert headers(final)["content-type"] == "text/plain"
    assert headers(final)["content-length"] == "7"


@pytest.mark.parametrize("status", [307, 308])
def test_307_and_308_always_keep_method_and_body(
    mode: str, server: EchoServer, status: int
) -> None:
    send(mode, server, redirect(f"/to/{status}/here", "POST", body="payload"))
    final = server.requests[-1]
    assert (final["method"], final["path"], body(final)) == ("POST", "/final", b"payload")


def test_head_stays_head(mode: str, server: EchoServer) -> None:
    send(mode, server, redirect("/to/302/here", "HEAD"))
    assert [r["method"] for r in server.requests] == ["HEAD", "HEAD"]


# -- followAuthorizationHeader, Host --------------------------------------------------


def test_another_host_name_drops_authorization(mode: str, server: EchoServer) -> None:
    send(mode, server, redirect("/to/302/away"), auth=httpx.BasicAuth("u", "p"))
    first, final = server.requests
    assert headers(first)["authorization"].startswith("Basic ")
    assert "authorization" not in headers(final)
    assert headers(final)["host"] == f"localhost:{server.port}"


def test_follow_authorization_header_keeps_it(mode: str, server: EchoServer) -> None:
    send(mode, server, redirect("/to/302/away", keep_auth=True), auth=httpx.BasicAuth("u", "p"))
    first, final = server.requests
    assert headers(final)["authorization"] == headers(first)["authorization"]


def test_another_port_keeps_authorization_and_host(
    mode: str, servers: tuple[EchoServer, EchoServer], server: EchoServer
) -> None:
    """postman-request compares host names only: the same name on another port keeps the
    Authorization header, and the Host header the first request sent."""
    send(mode, server, redirect("/to/302/port"), auth=httpx.BasicAuth("u", "p"))
    (first,), (final,) = servers[0].requests, servers[1].requests
    assert headers(final)["authorization"] == headers(first)["authorization"]
    assert headers(final)["host"] == f"127.0.0.1:{server.port}"


# -- removeRefererHeaderOnRedirect ----------------------------------------------------


def test_referer_names_the_previous_url(mode: str, server: EchoServer) -> None:
    send(mode, server, redirect("/chain/2"))
    referers = [headers(r).get("referer") for r in server.requests]
    assert referers == [None, f"{server.url}/chain/2", f"{server.url}/chain/1"]


def test_remove_referer_header_on_redirect_sends_none(mode: str, server: EchoServer) -> None:
    send(mode, server, redirect("/chain/2", no_referer=True))
    assert [headers(r).get("referer") for r in server.requests] == [None, None, None]


def test_remove_referer_keeps_the_requests_own(mode: str, server: EchoServer) -> None:
    operation = redirect("/to/302/here", no_referer=True)
    operation["headers"] = [["Referer", "https://example.test/"]]
    send(mode, server, operation)
    assert [headers(r)["referer"] for r in server.requests] == ["https://example.test/"] * 2


# -- cookies --------------------------------------------------------------------------


def test_a_cookie_set_by_a_redirect_is_sent_after_the_requests_own(
    mode: str, server: EchoServer
) -> None:
    operation = redirect("/cookie")
    operation["headers"] = [["Cookie", "mine=1"]]
    send(mode, server, operation)
    first, final = server.requests
    assert headers(first)["cookie"] == "mine=1"
    assert headers(final)["cookie"] == "mine=1; session=s1"


def test_a_latin1_cookie_header_is_sent_the_same_on_every_hop(
    mode: str, server: EchoServer
) -> None:
    operation = redirect("/cookie")
    # Latin-1 bytes that happen to be UTF-8 too: not to be re-encoded as UTF-8
    operation["headers"] = [["Cookie", "name=Ã©"]]
    send(mode, server, operation)
    sent = [
        next(v for k, v in r["headers"] if k.lower() == "cookie").encode("latin-1")
        for r in server.requests
    ]
    assert sent == [b"name=\xc3\xa9", b"name=\xc3\xa9; session=s1"]


def test_an_http_client_that_does_not_follow_follows_nothing(server: EchoServer) -> None:
    with httpx.Client(follow_redirects=False) as http:
        client = Client(http, base_url=server.url)
        response = client.request(redirect("/to/302/here"), raw=True)
    assert response.status_code == 302
