"""The scripted client of `pmgen.runtime._scripting` with the real sandbox (QuickJS):
pre-request scripts change what is sent, test scripts see the response and store
variables for the next call, results and failures, skipRequest; sync and async, over
`httpx.MockTransport`. The script table is given here (packages read `_scripts.json`).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from pmgen.runtime import _scripting
from pmgen.runtime._exceptions import InternalServerError
from pmgen.runtime._response import APIResponse
from tests.runtime.conftest import Config, _options, spec

pytest.importorskip("quickjs")

TABLE = [
    {
        "source": "const path = pm.variables.replaceIn(pm.request.url.getPath());\n"
        "const sig = CryptoJS.HmacSHA256(path, pm.variables.get('key')).toString();\n"
        "pm.request.headers.upsert({key: 'X-Sig', value: sig});",
        "event": "prerequest",
        "level": "collection",
        "owner": "Shop",
        "does": "signs the request",
    },
    {
        "source": "pm.test('ok', () => pm.response.to.have.status(200));\n"
        "pm.environment.set('next', pm.response.json().next);",
        "event": "test",
        "level": "request",
        "owner": "List",
        "does": "checks the response",
    },
    {
        "source": "pm.execution.skipRequest();",
        "event": "prerequest",
        "level": "request",
        "owner": "Skip",
        "does": "skips the request",
    },
]


class Client(_scripting.ScriptedSyncAPIClient):
    def __init__(self, http: httpx.Client, **options: Any) -> None:
        super().__init__(**_options(options))
        self._http = http


class AsyncClient(_scripting.ScriptedAsyncAPIClient):
    def __init__(self, http: httpx.AsyncClient, **options: Any) -> None:
        super().__init__(**_options(options))
        self._http = http


@pytest.fixture(autouse=True)
def table(monkeypatch: pytest.MonkeyPatch, config: Config) -> None:
    monkeypatch.setattr(_scripting, "_read_table", lambda: TABLE)
    config(VARIABLES={"key": "k1"}, GLOBALS={})


def _scripted(pre: list[int], test: list[int], **fields: Any) -> dict[str, Any]:
    scripts = {"prerequest": pre, "test": test, "engine": True}
    return spec(scripts=scripts, **fields)


class Server:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status = 500 if request.url.path.endswith("broken") else 200
        return httpx.Response(status, json={"next": f"page{len(self.requests) + 1}"})


def _hmac(path: str, key: str) -> str:
    import hashlib  # noqa: PLC0415
    import hmac  # noqa: PLC0415

    return hmac.new(key.encode(), path.encode(), hashlib.sha256).hexdigest()


def test_scripts_sign_the_request_and_store_what_the_next_call_sends() -> None:
    server = Server()
    client = Client(httpx.Client(transport=httpx.MockTransport(server)))
    operation = _scripted([0], [1], path=["items", "{{next}}"])
    client.variables["next"] = "page1"
    first = client.request(operation, raw=True)
    second = client.request(operation)
    assert isinstance(first, APIResponse)
    assert [(t.name, t.passed) for t in first.tests] == [("ok", True)]
    assert second == {"next": "page3"}
    sent = [(r.url.path, r.headers["x-sig"]) for r in server.requests]
    assert sent == [
        ("/items/page1", _hmac("/items/page1", "k1")),
        ("/items/page2", _hmac("/items/page2", "k1")),
    ]
    assert client.variables["next"] == "page3"


def test_a_failed_pm_test_is_recorded_or_raised_when_asked() -> None:
    server = Server()
    client = Client(httpx.Client(transport=httpx.MockTransport(server)), max_retries=0)
    broken = _scripted([], [1], path=["broken"])
    with pytest.raises(InternalServerError) as caught:
        client.request(broken)
    assert [(t.name, t.passed) for t in caught.value.tests] == [("ok", False)]
    client.scripts.raise_on_failed_tests = True
    with pytest.raises(_scripting.FailedTests, match="1 failed test"):
        client.request(broken)


def test_skip_request_sends_nothing() -> None:
    server = Server()
    client = Client(httpx.Client(transport=httpx.MockTransport(server)))
    assert client.request(_scripted([2], [1])) is None
    assert server.requests == []


def test_async_client_runs_the_same_scripts() -> None:
    server = Server()

    async def call() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(server))
        client = AsyncClient(http, variables={"key": "async-key"})
        return await client.request(_scripted([0], [], path=["a"]))

    assert asyncio.run(call()) == {"next": "page2"}
    assert server.requests[0].headers["x-sig"] == _hmac("/a", "async-key")


def test_without_the_engine_a_script_that_needs_it_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_scripting, "engine_installed", lambda: False)
    client = Client(httpx.Client(transport=httpx.MockTransport(Server())))
    with pytest.raises(_scripting.ScriptsUnavailable) as caught:
        client.request(_scripted([0], []))
    message = str(caught.value)
    assert "collection-level pre-request script (Shop) signs the request" in message
    assert "pip install 'pmgen-runtime[scripts]'" in message


@pytest.mark.parametrize(
    ("value", "text"),
    [(True, "true"), (None, "null"), (2.0, "2"), (2.5, "2.5"), ([1, "a"], "1,a"),
     ({"a": 1}, "[object Object]"), ("s", "s")],
)  # fmt: skip
def test_values_are_substituted_as_javascript_strings(value: object, text: str) -> None:
    assert _scripting.text_value(value) == text
    variables = _scripting.Variables(
        environment={}, collection={"v": value}, globals_={}
    )
    assert variables["v"] == text
    assert json.dumps(variables.collection["v"]) == json.dumps(value)  # stored as set
