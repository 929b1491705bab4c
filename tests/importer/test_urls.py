"""URL sources against a real HTTP server on 127.0.0.1 serving the real endpoints' shapes:
Postman API, share links, documenter pages, custom docs domains, metadata and full
collections; retries, limits and every failure message."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pmgen.errors import FetchError, InputError
from pmgen.importer import Limits, load
from pmgen.importer.hosts import Hosts
from tests.helpers.echo_server import EchoServer, Record
from tests.importer.helpers import FIXTURES, invoke

API_KEY = "PMAK-0123456789abcdef01234567-0123456789abcdef0123456789abcdef01"
UID = "1234567-5f0c2a8e-1b7d-4c53-9a39-000000000001"
PUBLISHED = FIXTURES / "published"
FAST = Limits(timeout=2.0, retries=2, backoff=0.01)

Reply = tuple[int, list[tuple[str, str]], bytes]


def _json(value: Any, status: int = 200) -> Reply:
    return status, [("Content-Type", "application/json")], json.dumps(value).encode()


class Routes:
    """The fake Postman services: one responder, routing on path."""

    def __init__(self) -> None:
        self.bookshop = json.loads(
            (FIXTURES / "bookshop.postman_collection.json").read_text()
        )
        self.metadata = json.loads((PUBLISHED / "metadata.json").read_text())
        self.documenter = json.loads((PUBLISHED / "collection.json").read_text())
        self.page = (PUBLISHED / "page.html").read_bytes()
        self.hits: dict[str, int] = {}

    def __call__(self, record: Record) -> Reply:
        path = record["path"]
        self.hits[path] = self.hits.get(path, 0) + 1
        headers = {k.lower(): v for k, v in record["headers"]}
        if path == f"/collections/{UID}":  # Postman API
            if headers.get("x-api-key") != API_KEY:
                return _json(
                    {
                        "error": {
                            "name": "AuthenticationError",
                            "message": "Invalid API Key.",
                        }
                    },
                    401,
                )
            return _json({"collection": self.bookshop})
        if path == "/environments/1234567-env-1":
            if headers.get("x-api-key") != API_KEY:
                return _json({"error": {"name": "AuthenticationError"}}, 401)
            env = json.loads(
                (FIXTURES / "bookshop.postman_environment.json").read_text()
            )
            return _json({"environment": env})
        if path == "/collections/share-1":  # legacy share link: the bare collection
            return _json(self.bookshop)
        if path == "/view/metadata/2sLendLib1":
            return _json(self.metadata)
        if path == "/api/collections/1234567/2sLendLib1":
            assert record["query"] == "segregateAuth=true&versionTag=latest"
            return _json(self.documenter)
        if path in (
            "/",
            "/view/1234567/2sLendLib1",
        ):  # a docs page (custom domain or Postman's)
            return 200, [("Content-Type", "text/html; charset=utf-8")], self.page
        if path == "/flaky" and self.hits[path] <= 2:
            return 503, [], b"busy"
        if path == "/ratelimited" and self.hits[path] == 1:
            return 429, [("Retry-After", "0")], b"slow down"
        if path in ("/flaky", "/ratelimited"):
            return _json(self.bookshop)
        if path == "/down":
            return 502, [], b"bad gateway"
        if path == "/private":
            return _json({"error": "forbidden"}, 403)
        if path == "/slow":
            time.sleep(1.5)
            return _json(self.bookshop)
        if path == "/loop":
            return 302, [("Location", "/loop")], b""
        if path == "/moved":
            return 301, [("Location", "/collections/share-1")], b""
        if path == "/big":
            return 200, [("Content-Type", "application/json")], b" " * 200_000 + b"{}"
        if path == "/plain.html":
            return (
                200,
                [("Content-Type", "text/html")],
                b"<html><body>Nothing here</body></html>",
            )
        return _json({"error": "not found"}, 404)


@pytest.fixture
def routes() -> Routes:
    return Routes()


@pytest.fixture
def server(routes: Routes) -> Iterator[EchoServer]:
    with EchoServer(responder=routes) as running:
        yield running


@pytest.fixture
def hosts(server: EchoServer) -> Hosts:
    return Hosts(api=server.url, documenter=server.url, share=server.url)


def test_postman_api_with_apikey_in_the_url_moves_to_the_header(
    server: EchoServer, hosts: Hosts
) -> None:
    c = load(
        f"https://api.getpostman.com/collections/{UID}?apikey={API_KEY}",
        hosts=hosts,
        limits=FAST,
    )
    assert c.info.name == "Bookshop API" and sum(1 for _ in c.operations()) == 7
    (request,) = server.requests
    assert request["path"] == f"/collections/{UID}" and request["query"] in (None, "")
    assert ["X-Api-Key", API_KEY] in request["headers"]
    assert API_KEY not in c.source


def test_postman_api_key_from_option_and_environment(
    server: EchoServer, hosts: Hosts, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"https://api.postman.com/collections/{UID}"
    assert (
        load(url, api_key=API_KEY, hosts=hosts, limits=FAST).info.name == "Bookshop API"
    )
    monkeypatch.setenv("POSTMAN_API_KEY", API_KEY)
    assert load(url, hosts=hosts, limits=FAST).info.name == "Bookshop API"


def test_postman_api_without_a_key_says_how_to_give_one(
    server: EchoServer, hosts: Hosts, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POSTMAN_API_KEY", raising=False)
    with pytest.raises(FetchError) as info:
        load(f"https://api.getpostman.com/collections/{UID}", hosts=hosts, limits=FAST)
    assert "HTTP 401" in str(info.value) and "--api-key or POSTMAN_API_KEY" in str(
        info.value
    )
    assert f"{server.url}/collections/{UID}" in str(info.value)


@pytest.mark.parametrize(
    "host", ["https://www.postman.com", "https://www.getpostman.com"]
)
def test_share_links(server: EchoServer, hosts: Hosts, host: str) -> None:
    c = load(f"{host}/collections/share-1", hosts=hosts, limits=FAST)
    assert sum(1 for _ in c.operations()) == 7
    assert not any(k == "X-Api-Key" for k, _ in server.requests[0]["headers"])


def _check_published(c: Any, server: EchoServer) -> None:
    assert c.info.name == "Lending Library API" and c.info.format == "documenter-v2.0.0"
    assert c.info.description.startswith("# Lending Library")
    assert [op.key for op in c.operations()] == [
        "Loans / Borrow a book",
        "Loans / Return a book",
        "Catalogue status",
    ]
    borrow, give_back, status = c.operations()
    assert borrow.auth.source == "collection" and borrow.auth.auth.type == "apikey"
    assert status.auth.source == "request" and status.auth.auth is None
    assert borrow.description == "Borrow one book for `14` days."
    assert give_back.request.url.path_params[0].description == "The loan"
    assert c.publish.published_id == "2sLendLib1" and c.publish.owner_id == "1234567"
    assert c.publish.languages == ["curl:cURL", "python:Requests", "shell:Httpie"]
    assert (
        c.publish.collection_url
        == f"{server.url}/api/collections/1234567/2sLendLib1?segregateAuth=true&versionTag=latest"
    )
    assert [e.name for e in c.environments] == [
        "Production"
    ] and c.environment == "Production"


def test_documenter_page_url(server: EchoServer, hosts: Hosts) -> None:
    c = load(
        "https://documenter.getpostman.com/view/1234567/2sLendLib1?version=latest",
        hosts=hosts,
        limits=FAST,
    )
    _check_published(c, server)
    assert [r["path"] for r in server.requests] == [
        "/view/metadata/2sLendLib1",
        "/api/collections/1234567/2sLendLib1",
    ]


def test_custom_docs_domain_page_with_meta_tags(server: EchoServer) -> None:
    c = load(
        f"{server.url}/", hosts=Hosts(), limits=FAST
    )  # everything from the page's own host
    _check_published(c, server)
    assert [r["path"] for r in server.requests] == [
        "/",
        "/view/metadata/2sLendLib1",
        "/api/collections/1234567/2sLendLib1",
    ]


def test_documenter_api_host_is_rebased(server: EchoServer, hosts: Hosts) -> None:
    c = load(
        "https://documenter.gw.postman.com/view/metadata/2sLendLib1",
        hosts=hosts,
        limits=FAST,
    )
    _check_published(c, server)


def test_metadata_then_full_collection_urls_directly(server: EchoServer) -> None:
    _check_published(
        load(f"{server.url}/view/metadata/2sLendLib1", limits=FAST), server
    )
    full = load(
        f"{server.url}/api/collections/1234567/2sLendLib1?segregateAuth=true&versionTag=latest",
        limits=FAST,
    )
    assert (
        sum(1 for _ in full.operations()) == 3
        and full.publish
        and full.publish.published_id == "2sLendLib1"
    )


def test_cli_reads_urls_with_hosts_from_environment_variables(
    server: EchoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PMGEN_DOCUMENTER_URL", server.url)
    monkeypatch.setenv("PMGEN_POSTMAN_API_URL", server.url)
    result = invoke(
        "inspect", "https://documenter.getpostman.com/view/1234567/2sLendLib1"
    )
    assert result.returncode == 0, result.stderr
    assert (
        "Lending Library API  (documenter-v2.0.0, 3 requests, 1 folders)"
        in result.stdout
    )
    result = invoke(
        "inspect", f"https://api.getpostman.com/collections/{UID}", "--api-key", API_KEY
    )
    assert result.returncode == 0 and "Bookshop API" in result.stdout


def test_retries_on_5xx_and_429(server: EchoServer, routes: Routes) -> None:
    assert load(f"{server.url}/flaky", limits=FAST).info.name == "Bookshop API"
    assert routes.hits["/flaky"] == 3
    assert load(f"{server.url}/ratelimited", limits=FAST).info.name == "Bookshop API"
    assert routes.hits["/ratelimited"] == 2


def test_gives_up_after_retries(server: EchoServer, routes: Routes) -> None:
    with pytest.raises(FetchError, match="HTTP 502"):
        load(f"{server.url}/down", limits=FAST)
    assert routes.hits["/down"] == FAST.retries + 1


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/private", "HTTP 403 forbidden"),
        ("/nothing", "HTTP 404 not found"),
        ("/loop", "more than 5 redirects"),
        ("/plain.html", "HTML page, not a collection"),
    ],
)
def test_failures_name_the_url_and_status(
    server: EchoServer, path: str, message: str
) -> None:
    with pytest.raises(InputError) as info:
        load(f"{server.url}{path}", limits=FAST)
    assert message in str(info.value) and f"{server.url}{path}" in str(info.value)


def test_redirects_are_followed(server: EchoServer) -> None:
    assert sum(1 for _ in load(f"{server.url}/moved", limits=FAST).operations()) == 7


def test_timeout(server: EchoServer) -> None:
    limits = replace(FAST, timeout=0.3, retries=1)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0.3s \(2 attempts\)"):
        load(f"{server.url}/slow", limits=limits)
    assert time.monotonic() - started < 5


def test_size_limit(server: EchoServer) -> None:
    with pytest.raises(FetchError, match="larger than 100000 bytes"):
        load(f"{server.url}/big", limits=replace(FAST, max_bytes=100_000))


def test_connection_refused_is_a_network_error() -> None:
    with EchoServer() as closed:
        url = closed.url
    with pytest.raises(FetchError, match="network error") as info:
        load(f"{url}/x", limits=FAST)
    assert url in str(info.value)


def test_api_key_does_not_follow_a_redirect_to_another_host(routes: Routes) -> None:
    with EchoServer(responder=routes) as target:

        def redirect(record: Record) -> tuple[int, list[tuple[str, str]], bytes]:
            return 302, [("Location", f"{target.url}/collections/share-1")], b""

        with EchoServer(responder=redirect) as api:
            load(
                f"https://api.getpostman.com/collections/{UID}",
                api_key=API_KEY,
                hosts=Hosts(api=api.url),
                limits=FAST,
            )
            assert ["X-Api-Key", API_KEY] in api.requests[0]["headers"]
            assert not any(
                k.lower() == "x-api-key" for k, _ in target.requests[0]["headers"]
            )


def test_published_metadata_file_offline_keeps_zero_requests(tmp_path: Path) -> None:
    c = load(str(PUBLISHED / "metadata.json"))
    assert sum(1 for _ in c.operations()) == 0
    assert c.publish and c.publish.collection_url == (
        "https://documenter.gw.postman.com/api/collections/1234567/2sLendLib1?segregateAuth=true&versionTag=latest"
    )


def test_environment_from_the_postman_api(server: EchoServer, hosts: Hosts) -> None:
    c = load(
        str(FIXTURES / "bookshop.postman_collection.json"),
        env_files=["https://api.getpostman.com/environments/1234567-env-1"],
        api_key=API_KEY,
        hosts=hosts,
        limits=FAST,
    )
    assert c.environment == "Bookshop staging"
    assert ["X-Api-Key", API_KEY] in server.requests[0]["headers"]
