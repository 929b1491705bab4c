"""Per-request settings Postman's runner applies to the connection: `disableCookies` (no
cookie from the jar sent, none the response sets stored) and `strictSSL: false` (no
certificate check). A client that made its HTTP client gets one of its own for such
requests; a given `http_client` is used as it is configured. Real servers on 127.0.0.1
(HTTP, and HTTPS with a self-signed certificate), sync and async."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pmgen.runtime._exceptions import APIConnectionError
from tests.helpers.echo_server import EchoServer, Record
from tests.runtime.conftest import AsyncClient, Client, spec


def _responder(record: Record) -> tuple[int, list[tuple[str, str]], bytes]:
    name = record["path"].strip("/")
    if name.startswith("set-"):  # `/set-<cookie name>`
        return 200, [("Set-Cookie", f"{name[4:]}=1; Path=/")], b"{}"
    if name == "moved":
        return 302, [("Location", "/final"), ("Set-Cookie", "hop=1; Path=/")], b""
    return 200, [("Content-Type", "application/json")], b"{}"


@pytest.fixture(scope="module")
def shared_server() -> Iterator[EchoServer]:
    with EchoServer(_responder) as s:
        yield s


@pytest.fixture()
def server(shared_server: EchoServer) -> EchoServer:
    shared_server.clear()
    return shared_server


def run(mode: str, base_url: str, calls: list[dict[str, Any]], *, owned: bool = True) -> None:
    """Send `calls` (specs) in order with one client that made its own HTTP client
    (`owned`, as a generated client without `http_client=`) or was given one."""
    if mode == "sync":
        client = Client(httpx.Client(follow_redirects=True), base_url=base_url, max_retries=0)
        client._owns_http = owned
        try:
            for operation in calls:
                client.request(operation)
        finally:
            client._http.close()
            client._close_sessions()
        return

    async def main() -> None:
        http = httpx.AsyncClient(follow_redirects=True)
        client = AsyncClient(http, base_url=base_url, max_retries=0)
        client._owns_http = owned
        try:
            for operation in calls:
                await client.request(operation)
        finally:
            await http.aclose()
            await client._aclose_sessions()

    asyncio.run(main())


def cookies(server: EchoServer) -> list[str | None]:
    return [
        next((v for k, v in r["headers"] if k.lower() == "cookie"), None)
        for r in server.requests
    ]


def op(path: str, **fields: Any) -> dict[str, Any]:
    return spec(path=[path], **fields)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_disable_cookies_neither_sends_nor_stores(mode: str, server: EchoServer) -> None:
    run(
        mode,
        server.url,
        [
            op("set-kept"),
            op("echo", cookies=False),  # the jar holds kept=1: not sent
            op("set-dropped", cookies=False),  # not stored
            op("echo"),
        ],
    )
    assert cookies(server) == [None, None, None, "kept=1"]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_disable_cookies_keeps_the_requests_own_cookie_header(
    mode: str, server: EchoServer
) -> None:
    run(mode, server.url, [op("set-kept"), op("echo", cookies=False, headers=[["Cookie", "a=b"]])])
    assert cookies(server) == [None, "a=b"]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_stored_cookies_follow_the_requests_own_cookie_header(
    mode: str, server: EchoServer
) -> None:
    """postman-request's jar: the request's Cookie, then what the jar holds for the URL
    (httpx sends only the request's); one header, where the request's was."""
    own = op("echo", headers=[["X-First", "1"], ["Cookie", "a=b"], ["X-Last", "2"]])
    run(mode, server.url, [op("echo", headers=[["Cookie", "a=b"]]), op("set-kept"), own])
    assert cookies(server) == ["a=b", None, "a=b; kept=1"]
    names = [k.lower() for k, _ in server.requests[-1]["headers"]]
    assert names.index("x-first") < names.index("cookie") < names.index("x-last")
    assert names.count("cookie") == 1


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_disable_cookies_across_a_redirect(mode: str, server: EchoServer) -> None:
    run(mode, server.url, [op("moved", cookies=False), op("moved")])
    # the first redirect's cookie was not stored; the second's is sent to its location
    assert cookies(server) == [None, None, None, "hop=1"]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_cookies_are_kept_by_default(mode: str, server: EchoServer) -> None:
    run(mode, server.url, [op("set-kept"), op("echo")])
    assert cookies(server) == [None, "kept=1"]


# -- strictSSL ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EchoServer]:
    """An HTTPS server with a self-signed certificate (made by openssl)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    tmp: Path = tmp_path_factory.mktemp("tls")
    key, cert = tmp / "key.pem", tmp / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server = EchoServer()
    server._server.socket = context.wrap_socket(server._server.socket, server_side=True)
    with server:
        yield server


def https(server: EchoServer) -> str:
    return f"https://127.0.0.1:{server.port}"


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_strict_ssl_false_skips_the_certificate_check(mode: str, tls_server: EchoServer) -> None:
    tls_server.clear()
    run(mode, https(tls_server), [op("echo", verify=False)])
    assert [r["path"] for r in tls_server.requests] == ["/echo"]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_certificates_are_checked_by_default(mode: str, tls_server: EchoServer) -> None:
    with pytest.raises(APIConnectionError) as caught:
        run(mode, https(tls_server), [op("echo")])
    assert "CERTIFICATE_VERIFY_FAILED" in repr(caught.value.__cause__)


def test_a_given_http_client_keeps_its_own_tls_settings(tls_server: EchoServer) -> None:
    with pytest.raises(APIConnectionError):
        run("sync", https(tls_server), [op("echo", verify=False)], owned=False)
