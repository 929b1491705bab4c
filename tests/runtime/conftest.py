"""`pmgen.runtime` imported as it is (not generated): a minimal client over it, the
collection values a test needs set on its `_config` stand-in, and `httpx.MockTransport`
or a real server on 127.0.0.1 behind it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import httpx
import pytest

from pmgen.runtime import _base_client, _config
from pmgen.runtime._base_client import AsyncAPIClient, SyncAPIClient
from pmgen.runtime._types import NOT_GIVEN

Handler = Callable[[httpx.Request], httpx.Response]


def spec(**fields: Any) -> dict[str, Any]:
    """An operation spec as the emitter stores it, `GET http://api.test/items` unless told."""
    base: dict[str, Any] = {
        "name": "Items / List",
        "method": "GET",
        "base": "http://api.test",
        "path": ["items"],
        "path_params": {},
        "query": [],
        "headers": [],
        "sets": [],
    }
    return {**base, **fields}


def _options(options: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "environment": options.get("environment"),
        "variables": options.get("variables"),
        "secrets": options.get("secrets", {}),
        "base_url": options.get("base_url"),
        "auth": options.get("auth", NOT_GIVEN),
        "timeout": options.get("timeout", 5.0),
        "max_retries": options.get("max_retries", 2),
        "default_headers": options.get("default_headers"),
    }


class Client(SyncAPIClient):
    """What a generated `Client.__init__` does, minus the resources."""

    def __init__(self, http: httpx.Client, **options: Any) -> None:
        super().__init__(**_options(options))
        self._http = http


class AsyncClient(AsyncAPIClient):
    def __init__(self, http: httpx.AsyncClient, **options: Any) -> None:
        super().__init__(**_options(options))
        self._http = http


def mock_client(handler: Handler, **options: Any) -> Client:
    http = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)
    return Client(http, **options)


def mock_async_client(handler: Handler, **options: Any) -> AsyncClient:
    transport = httpx.MockTransport(handler)
    http = httpx.AsyncClient(transport=transport, follow_redirects=True)
    return AsyncClient(http, **options)


class Config:
    """Sets `pmgen.runtime._config` values for one test (what `_config.py` holds in a
    generated package)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch

    def __call__(self, **values: Any) -> None:
        for name, value in values.items():
            assert hasattr(_config, name), name
            self._monkeypatch.setattr(_config, name, value)


@pytest.fixture()
def config(monkeypatch: pytest.MonkeyPatch) -> Config:
    return Config(monkeypatch)


@pytest.fixture()
def delays(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Retry waits, recorded instead of slept (sync and async)."""
    waited: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(_base_client.time, "sleep", waited.append)
    monkeypatch.setattr(_base_client, "_sleep", fake_sleep)
    yield waited
