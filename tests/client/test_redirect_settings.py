"""A generated client follows redirects with the collection's protocolProfileBehavior
(collection, folder and request levels merged, the nearest winning), as Postman's runner
does: the emitter writes them into the operation specs, the runtime applies them. A real
redirecting server on 127.0.0.1, sync and async."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pmgen.emitters.client_plan import redirect_rules
from tests.client.generated import generate, import_package
from tests.helpers.echo_server import EchoServer, Record

PACKAGE = "redirecting_api"


def _responder(record: Record) -> tuple[int, list[tuple[str, str]], bytes]:
    path = record["path"]
    if path.startswith("/chain/"):
        left = int(path.rsplit("/", 1)[1])
        if left:
            return 302, [("Location", f"/chain/{left - 1}")], b""
    if path == "/moved":
        return 302, [("Location", "/final")], b""
    if path.startswith("/set-"):
        return 200, [("Set-Cookie", f"{path[5:]}=1; Path=/")], b"{}"
    return 200, [("Content-Type", "application/json")], json.dumps({"path": path}).encode()


def _request(name: str, method: str, path: str, **behavior: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": name,
        "request": {
            "method": method,
            "url": "{{baseUrl}}" + path,
            "body": {"mode": "raw", "raw": "payload"},
        },
    }
    if behavior:
        item["protocolProfileBehavior"] = behavior
    return item


def _collection(base_url: str) -> dict[str, Any]:
    return {
        "info": {
            "name": "Redirecting API",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "variable": [{"key": "baseUrl", "value": base_url}],
        "protocolProfileBehavior": {"maxRedirects": 3},
        "item": [
            _request("Short chain", "GET", "/chain/3"),
            _request("Long chain", "GET", "/chain/4"),
            _request("Own limit", "GET", "/chain/4", maxRedirects=5),
            _request("Set a", "GET", "/set-a"),
            _request("Set b", "GET", "/set-b", disableCookies=True, strictSSL=False),
            _request("Echo", "GET", "/echo"),
            {
                "name": "Keep",
                "protocolProfileBehavior": {"followOriginalHttpMethod": True},
                "item": [
                    _request("Post moved", "POST", "/moved"),
                    _request("Not followed", "POST", "/moved", followRedirects=False),
                ],
            },
        ],
    }


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer(_responder) as s:
        yield s


@pytest.fixture(scope="module")
def generated(server: EchoServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out: Path = tmp_path_factory.mktemp("redirects")
    files = generate(_collection(server.url), out, PACKAGE)
    return {**files, "project": str(out / "project")}


@pytest.fixture(scope="module")
def pkg(generated: dict[str, str]) -> ModuleType:
    return import_package(Path(generated["project"]), PACKAGE)


def _spec(generated: dict[str, str], name: str) -> dict[str, Any]:
    for path, text in generated.items():
        if path.endswith(".json") and '"operations"' in text:
            for operation in json.loads(text)["operations"].values():
                if operation["name"].endswith(name):
                    return dict(operation)
    raise AssertionError(name)


def test_the_specs_carry_only_settings_that_differ(generated: dict[str, str]) -> None:
    assert _spec(generated, "Short chain")["redirects"] == {"max": 3}
    assert _spec(generated, "Own limit")["redirects"] == {"max": 5}
    assert _spec(generated, "Not followed")["redirects"] == {
        "follow": False,
        "max": 3,
        "keep_method": True,
    }
    set_b = _spec(generated, "Set b")
    assert (set_b["verify"], set_b["cookies"]) == (False, False)
    assert "verify" not in _spec(generated, "Set a") and "cookies" not in _spec(generated, "Set a")


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_disable_cookies_reaches_the_request(
    mode: str, pkg: ModuleType, server: EchoServer
) -> None:
    if mode == "sync":
        with pkg.Client() as client:
            client.set_a()
            client.set_b()
            client.echo()
    else:

        async def main() -> None:
            async with pkg.AsyncClient() as client:
                await client.set_a()
                await client.set_b()
                await client.echo()

        asyncio.run(main())
    sent = [
        next((v for k, v in r["headers"] if k.lower() == "cookie"), None)
        for r in server.requests[-3:]
    ]
    assert sent == [None, None, "a=1"]  # b=1 was not stored, a=1 not sent with Set b


def test_redirect_rules_hold_only_what_differs_from_postmans_defaults() -> None:
    assert redirect_rules({}) == {}
    assert redirect_rules({"followRedirects": True, "maxRedirects": 10}) == {}
    assert redirect_rules(
        {
            "followRedirects": False,
            "maxRedirects": 0,
            "followOriginalHttpMethod": True,
            "followAuthorizationHeader": True,
            "removeRefererHeaderOnRedirect": True,
        }
    ) == {"follow": False, "max": 0, "keep_method": True, "keep_auth": True, "no_referer": True}
    assert redirect_rules({"maxRedirects": -1, "followOriginalHttpMethod": "yes"}) == {}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_collections_settings_reach_every_request(
    mode: str, pkg: ModuleType, server: EchoServer
) -> None:
    def calls(client: Any) -> list[Any]:
        return [
            client.short_chain,
            client.long_chain,
            client.own_limit,
            client.keep.post_moved,
            client.keep.not_followed,
        ]

    outcomes: list[Any] = []

    def record(result: Any) -> None:
        outcomes.append(result.status_code if hasattr(result, "status_code") else result)

    if mode == "sync":
        with pkg.Client() as client:
            for call in calls(client.with_raw_response):
                try:
                    record(call())
                except pkg.TooManyRedirectsError as exc:
                    record(str(exc).split(".")[0])
    else:

        async def main() -> None:
            async with pkg.AsyncClient() as client:
                for call in calls(client.with_raw_response):
                    try:
                        record(await call())
                    except pkg.TooManyRedirectsError as exc:
                        record(str(exc).split(".")[0])

        asyncio.run(main())
    assert outcomes == [
        200,  # the collection's limit: 3
        "Exceeded maxRedirects (3)",
        200,  # the request's own: 5
        200,
        302,  # followRedirects: false (the folder's followOriginalHttpMethod stays)
    ]
    moved = [r for r in server.requests if r["path"] == "/final"][-1]
    assert moved["method"] == "POST"  # the folder's followOriginalHttpMethod
