"""The generated client's fast paths (issue #7: per-call overhead, import time) send and
return exactly what the plain paths did: percent-encoding by table, the response body
decoded once, parsed URLs reused, asyncio and pydantic's BaseModel imported on use."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmgen.wire.url import percent_encode as reference_encode
from tests.client.generated import generate, import_package
from tests.helpers.echo_server import EchoServer, Record

PACKAGE = "speed_paths_api"
UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
BODY = {"id": 7, "name": "Ada", "items": [{"sku": "a-1"}, {"sku": "b-2"}], "ok": True}


def _collection(base_url: str) -> dict[str, Any]:
    script = [
        "var jsonData = pm.response.json();",
        'pm.collectionVariables.set("order_id", jsonData.id);',
        'pm.collectionVariables.set("first_sku", jsonData.items[0].sku);',
        'pm.collectionVariables.set("missing", jsonData.nope);',
        'pm.collectionVariables.set("flag", jsonData.ok);',
        'pm.collectionVariables.set("mode", "fast");',
    ]
    return {
        "info": {
            "name": "Speed Paths API",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "variable": [{"key": "baseUrl", "value": base_url}, {"key": "order_id", "value": "none"}],
        "item": [
            {
                "name": "Get order",
                "event": [{"listen": "test", "script": {"exec": script}}],
                "request": {
                    "method": "GET",
                    "url": {
                        "raw": "{{baseUrl}}/orders/:id",
                        "host": ["{{baseUrl}}"],
                        "path": ["orders", ":id"],
                        "variable": [{"key": "id", "value": "1"}],
                    },
                },
            },
            {
                "name": "Order lines",
                "request": {"method": "GET", "url": "{{baseUrl}}/orders/{{order_id}}/lines"},
            },
        ],
    }


def _responder(record: Record) -> tuple[int, list[tuple[str, str]], bytes]:
    if record["path"].startswith("/busy"):
        return 429, [("Content-Type", "application/json"), ("Retry-After", "0")], b"{}"
    headers = [("Content-Type", "application/json"), ("X-Request", "r-1")]
    return 200, headers, json.dumps(BODY).encode()


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer(_responder) as s:
        yield s


@pytest.fixture(scope="module")
def project(server: EchoServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("speed")
    generate(_collection(server.url), out, PACKAGE)
    return out / "project"


@pytest.fixture()
def pkg(project: Path) -> ModuleType:
    return import_package(project, PACKAGE)


# -- percent-encoding: one str.translate for ASCII text ---------------------------------
_SETS = ("PATH_SET", "SEGMENT_SET", "PARAM_SET", "KEY_SET")


@settings(max_examples=300, deadline=None)
@given(
    ascii_text=st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40),
    any_text=st.text(max_size=20),
)
def test_percent_encode_matches_the_generators_encoder(
    project: Path, ascii_text: str, any_text: str
) -> None:
    urls = _urls_module(project)
    for name in _SETS:
        unsafe = getattr(urls, name)
        for text in (ascii_text, any_text, ascii_text + "\x7f%41é\ud800"):
            assert urls.percent_encode(text, unsafe) == reference_encode(text, unsafe), name


def _urls_module(project: Path) -> ModuleType:
    if f"{PACKAGE}._urls" not in sys.modules:
        import_package(project, PACKAGE)
    return sys.modules[f"{PACKAGE}._urls"]


# -- the response body: decoded once for the script's values and the result -------------
def test_script_values_and_result_share_one_decode(
    pkg: ModuleType, server: EchoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    decodes = []
    original = httpx.Response.json

    def counting_json(self: httpx.Response, **kwargs: Any) -> Any:
        decodes.append(1)
        return original(self, **kwargs)

    monkeypatch.setattr(httpx.Response, "json", counting_json)
    # the static path: test scripts that only store JSON values run without the engine
    monkeypatch.setattr(pkg._scripting, "engine_installed", lambda: False)
    client = pkg.SpeedPathsApi()
    result = client.get_order("5")
    assert len(decodes) == 1  # three values from the JSON body, and the result
    assert result == BODY or result.model_dump() == BODY
    stored = {k: client.variables.get(k) for k in ("order_id", "first_sku", "flag", "mode")}
    assert stored == {"order_id": "7", "first_sku": "a-1", "flag": "true", "mode": "fast"}
    assert "missing" not in client.variables  # absent from the body: not stored
    server.clear()
    client.order_lines()  # the stored value is used by the next request
    assert server.requests[-1]["path"] == "/orders/7/lines"


def test_extract_all_equals_extract_one_by_one(pkg: ModuleType) -> None:
    response_mod = sys.modules[f"{PACKAGE}._response"]
    request = httpx.Request("GET", "http://127.0.0.1/")
    sets: list[tuple[str, str, Any]] = [
        ("a", "json", ["items", -1, "sku"]),
        ("b", "json", ["items"]),
        ("c", "header", "X-Request"),
        ("d", "literal", 5),
        ("e", "text", None),
        ("f", "json", ["items", 9]),
    ]
    for content in (json.dumps(BODY).encode(), b"<html>not json</html>", b""):
        response = httpx.Response(200, headers={"X-Request": "r"}, content=content, request=request)
        one_by_one = [
            (name, v)
            for name, source, locator in sets
            if (v := response_mod.extract(response, source, locator)) is not None
        ]
        found, decoded = response_mod.extract_all(response, sets)
        assert found == one_by_one
        plain = response_mod.parse(response)
        assert response_mod.parse(response, decoded=decoded) == plain


# -- parsed URLs: shared by equal URLs only -----------------------------------------------
def test_parsed_urls_follow_arguments_and_variables(pkg: ModuleType, server: EchoServer) -> None:
    client = pkg.SpeedPathsApi()
    server.clear()
    for order in ("1", "2", "1", "a b"):
        client.get_order(order)
    client.variables["order_id"] = "x/y"
    client.order_lines()
    paths = [r["path"] for r in server.requests]
    assert paths == ["/orders/1", "/orders/2", "/orders/1", "/orders/a%20b", "/orders/x/y/lines"]
    cache = client._parse_url.cache_info()
    assert (cache.hits, cache.misses, cache.maxsize) == (1, 4, 256)  # one per URL, bounded
    assert pkg.SpeedPathsApi()._parse_url.cache_info().currsize == 0  # one cache per client


# -- imports: asyncio and pydantic's BaseModel only when used -------------------------------
def test_import_adds_neither_asyncio_nor_pydantic_models(project: Path) -> None:
    program = (
        "import sys, httpx, pydantic\n"
        "before = set(sys.modules)\n"
        f"import {PACKAGE}\n"
        "print(sorted(m for m in {'asyncio', 'pydantic.main'} if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(project)}
    out = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_async_retries_wait_with_lazily_imported_asyncio(
    pkg: ModuleType, server: EchoServer
) -> None:
    async def main() -> None:
        async with pkg.AsyncSpeedPathsApi(base_url=server.url + "/busy", max_retries=1) as client:
            await client.get_order("1")

    server.clear()
    with pytest.raises(pkg.RateLimitError):
        asyncio.run(main())
    assert len(server.requests) == 2  # the first try and one retry after `Retry-After: 0`


def test_specs_load_from_a_zipped_package(
    project: Path, server: EchoServer, tmp_path: Path
) -> None:
    """`load_specs` reads through the package's loader: a zip import works too."""
    archive = tmp_path / "client.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted((project / PACKAGE).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, path.relative_to(project).as_posix())
    program = (
        f"import {PACKAGE} as pkg\n"
        "assert pkg.__file__.startswith(%r)\n"
        "print(pkg.SpeedPathsApi().get_order('3')['id'])\n"
    ) % str(archive)
    env = {**os.environ, "PYTHONPATH": str(archive)}
    out = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "7"
    assert server.requests[-1]["path"] == "/orders/3"


def test_guid_values_with_lazily_imported_uuid(pkg: ModuleType) -> None:
    variables = sys.modules[f"{PACKAGE}._variables"]
    first, second = (variables.resolve("{{$guid}}/{{$randomUUID}}", {}).split("/") for _ in "ab")
    for value in (*first, *second):
        assert UUID4.fullmatch(value)
    assert len({*first, *second}) == 4  # a fresh value for each reference
