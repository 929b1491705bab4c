"""Sending: retries (statuses, Retry-After, `x-should-retry`), timeouts and connection
errors, redirects (a real server on 127.0.0.1 and `httpx.MockTransport`); sync and async.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Iterator

import httpx
import pytest

from pmgen.runtime._base_client import INITIAL_RETRY_DELAY, MAX_RETRY_DELAY
from pmgen.runtime._exceptions import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    RateLimitError,
)
from tests.helpers.echo_server import EchoServer, Record
from tests.runtime.conftest import (
    AsyncClient,
    Client,
    mock_async_client,
    mock_client,
    spec,
)


class Script:
    """A handler answering from a list of responses (or exceptions), counting calls."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        answer = self.answers[min(self.calls, len(self.answers) - 1)]
        self.calls += 1
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_a_5xx_is_retried_until_success(delays: list[float]) -> None:
    script = Script(
        httpx.Response(503), httpx.Response(502), httpx.Response(200, json=1)
    )
    assert mock_client(script, max_retries=2).request(spec()) == 1
    assert script.calls == 3
    assert len(delays) == 2
    # exponential backoff with up to 25% jitter
    assert 0.75 * INITIAL_RETRY_DELAY <= delays[0] <= INITIAL_RETRY_DELAY
    assert 1.5 * INITIAL_RETRY_DELAY <= delays[1] <= 2 * INITIAL_RETRY_DELAY


def test_retries_stop_at_max_retries_and_raise_the_status_error(
    delays: list[float],
) -> None:
    script = Script(httpx.Response(500, json={"error": "down"}))
    with pytest.raises(InternalServerError) as caught:
        mock_client(script, max_retries=3).request(spec())
    assert script.calls == 4
    assert caught.value.status_code == 500 and caught.value.body == {"error": "down"}


def test_max_retries_per_call_overrides_the_client(delays: list[float]) -> None:
    script = Script(httpx.Response(429))
    with pytest.raises(RateLimitError):
        mock_client(script, max_retries=5).request(spec(), max_retries=0)
    assert script.calls == 1 and delays == []


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_client_errors_are_not_retried(status: int, delays: list[float]) -> None:
    script = Script(httpx.Response(status))
    with pytest.raises(Exception, match=f"-> {status}"):
        mock_client(script).request(spec())
    assert script.calls == 1


def test_x_should_retry_header_wins_over_the_status(delays: list[float]) -> None:
    no = Script(httpx.Response(503, headers={"x-should-retry": "false"}))
    with pytest.raises(InternalServerError):
        mock_client(no).request(spec())
    assert no.calls == 1
    yes = Script(
        httpx.Response(400, headers={"x-should-retry": "true"}), httpx.Response(204)
    )
    assert mock_client(yes).request(spec()) is None
    assert yes.calls == 2


def test_retry_after_seconds_and_http_date_are_honoured(delays: list[float]) -> None:
    soon = email.utils.formatdate(time.time() + 30, usegmt=True)
    script = Script(
        httpx.Response(429, headers={"Retry-After": "3"}),
        httpx.Response(503, headers={"Retry-After": soon}),
        httpx.Response(
            503, headers={"Retry-After": "3600"}
        ),  # too long: backoff instead
        httpx.Response(200),
    )
    mock_client(script, max_retries=3).request(spec())
    assert delays[0] == 3.0
    assert 25 <= delays[1] <= 30
    assert delays[2] <= MAX_RETRY_DELAY


def test_timeouts_are_retried_then_raise_api_timeout_error(delays: list[float]) -> None:
    script = Script(httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError, match="timed out"):
        mock_client(script, max_retries=1).request(spec())
    assert script.calls == 2


def test_connection_errors_raise_api_connection_error_after_retries(
    delays: list[float],
) -> None:
    script = Script(httpx.ConnectError("refused"), httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as caught:
        mock_client(script, max_retries=1).request(spec())
    assert not isinstance(caught.value, APITimeoutError)
    assert script.calls == 2
    recovered = Script(httpx.ConnectError("refused"), httpx.Response(200, json="ok"))
    assert mock_client(recovered, max_retries=1).request(spec()) == "ok"


def test_async_retries_wait_without_blocking_and_then_succeed(
    delays: list[float],
) -> None:
    script = Script(
        httpx.ReadTimeout("slow"), httpx.Response(503), httpx.Response(200, json=2)
    )

    async def call() -> object:
        return await mock_async_client(script, max_retries=2).request(spec())

    assert asyncio.run(call()) == 2
    assert script.calls == 3 and len(delays) == 2


def test_async_exhausted_retries_raise_the_same_errors(delays: list[float]) -> None:
    async def call(script: Script) -> object:
        return await mock_async_client(script, max_retries=1).request(spec())

    with pytest.raises(APIConnectionError):
        asyncio.run(call(Script(httpx.ConnectError("refused"))))
    with pytest.raises(RateLimitError):
        asyncio.run(call(Script(httpx.Response(429))))


# -- redirects ------------------------------------------------------------------------


def _redirecting(record: Record) -> tuple[int, list[tuple[str, str]], bytes]:
    path = record["path"]
    if path == "/old/place":
        return 302, [("Location", "/new/place?x=1"), ("Content-Length", "0")], b""
    if path == "/loop":
        return 302, [("Location", "/loop"), ("Content-Length", "0")], b""
    body = f'{{"path": "{path}", "query": "{record["query"]}"}}'.encode()
    return 200, [("Content-Type", "application/json")], body


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer(_redirecting) as s:
        yield s


def _real(server: EchoServer) -> Client:
    return Client(
        httpx.Client(follow_redirects=True), base_url=server.url, max_retries=0
    )


def test_a_redirect_to_another_path_is_followed_there(server: EchoServer) -> None:
    """The request's exact target (`extensions["target"]`) is not sent to the location."""
    server.clear()
    response = _real(server).request(spec(path=["old", "place"]), raw=True)
    assert response.json() == {"path": "/new/place", "query": "x=1"}
    assert [r.status_code for r in response.http_response.history] == [302]
    assert [r["path"] for r in server.requests] == ["/old/place", "/new/place"]


def test_async_redirect_to_another_path_is_followed_there(server: EchoServer) -> None:
    async def call() -> object:
        http = httpx.AsyncClient(follow_redirects=True)
        async with http:
            client = AsyncClient(http, base_url=server.url, max_retries=0)
            return await client.request(spec(path=["old", "place"]))

    assert asyncio.run(call()) == {"path": "/new/place", "query": "x=1"}


def test_a_redirect_loop_stops_at_postmans_limit(server: EchoServer) -> None:
    """Postman's limit (10, or the collection's `maxRedirects`), not the HTTP client's."""
    server.clear()
    client = Client(
        httpx.Client(follow_redirects=True, max_redirects=3),
        base_url=server.url,
        max_retries=0,
    )
    with pytest.raises(httpx.TooManyRedirects):
        client.request(spec(path=["loop"]))
    assert len(server.requests) == 11


def test_an_http_client_that_does_not_follow_gets_the_redirect(
    server: EchoServer,
) -> None:
    client = Client(httpx.Client(follow_redirects=False), base_url=server.url)
    response = client.request(spec(path=["old", "place"]), raw=True)
    assert response.status_code == 302
    assert response.headers["location"] == "/new/place?x=1"


def test_a_redirect_to_another_origin_drops_the_authorization_header() -> None:
    seen: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("authorization")))
        if request.url.host == "api.test":
            return httpx.Response(307, headers={"Location": "http://cdn.test/file"})
        return httpx.Response(200, text="done")

    client = mock_client(handler, auth=httpx.BasicAuth("u", "p"))
    assert client.request(spec()) == "done"
    assert seen[0][1] is not None and seen[1] == ("http://cdn.test/file", None)
