"""The base client: variables, building and sending a request, results and raw responses,
per-call options (sync and async, over `httpx.MockTransport`)."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from pydantic import BaseModel

from pmgen.runtime._response import APIResponse
from tests.runtime.conftest import Config, mock_async_client, mock_client, spec


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "method": request.method,
            "url": str(request.url),
            "headers": dict(request.headers),
            "body": request.content.decode(),
        },
    )


def test_variables_layer_collection_environment_secret_and_arguments(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    config(
        VARIABLES={"host": "collection", "region": "eu", "kept": "1"},
        ENVIRONMENTS={"prod": {"host": "prod", "region": "us"}},
        SECRETS={"token": "API_TOKEN", "other": "OTHER_TOKEN"},
    )
    monkeypatch.setenv("API_TOKEN", "from-env")
    monkeypatch.setenv("OTHER_TOKEN", "from-env-too")
    client = mock_client(
        _echo,
        environment="prod",
        secrets={"other": "explicit"},
        variables={"region": "argument"},
    )
    assert client.variables == {
        "host": "prod",
        "region": "argument",
        "kept": "1",
        "token": "from-env",
        "other": "explicit",
    }


def test_an_unknown_environment_is_refused_with_the_known_names(config: Config) -> None:
    config(ENVIRONMENTS={"prod": {}, "dev": {}})
    with pytest.raises(
        ValueError, match=r"unknown environment 'qa' \(known: dev, prod\)"
    ):
        mock_client(_echo, environment="qa")


def test_request_resolves_variables_and_sends_path_query_headers_and_body() -> None:
    client = mock_client(_echo, variables={"host": "api.test", "v": "2"})
    operation = spec(
        method="POST",
        base="http://{{host}}",
        path=["v{{v}}", "items", ":id"],
        path_params={"id": [2, ":id", None]},
        query=[["limit", "10", "limit", True], ["skip", None, "skip", False]],
        headers=[["X-Version", " {{v}} "]],
        body={"mode": "raw", "raw": '{"a": 1}'},
        content_type="application/json",
    )
    sent = client.request(
        operation, path={"id": "a/b c"}, query={"limit": 5}, body={"b": [1, 2]}
    )
    assert sent["method"] == "POST"
    # a caller's path value is one segment: its `/` cannot reach another route
    assert sent["url"] == "http://api.test/v2/items/a%2Fb%20c?limit=5"
    assert sent["headers"]["x-version"] == "2"
    assert sent["headers"]["content-type"] == "application/json"
    assert json.loads(sent["body"]) == {"b": [1, 2]}


def test_an_empty_path_parameter_raises_value_error() -> None:
    client = mock_client(_echo)
    operation = spec(path=["items", ":id"], path_params={"id": [1, ":id", None]})
    with pytest.raises(ValueError, match="non-empty value for `id`"):
        client.request(operation, path={"id": ""})


def test_saved_query_defaults_are_sent_and_extra_query_appended() -> None:
    client = mock_client(_echo, variables={"page": "3"})
    operation = spec(
        query=[["page", "{{page}}", "page", True], ["flag", None, None, True]]
    )
    sent = client.request(operation, extra_query={"q": "a&b"})
    assert sent["url"] == "http://api.test/items?page=3&flag&q=a%26b"


def test_default_headers_yield_to_extra_headers_and_replace_the_collection_header() -> (
    None
):
    client = mock_client(_echo, default_headers={"X-A": "default", "X-B": "default"})
    operation = spec(headers=[["X-B", "collection"], ["X-C", "collection"]])
    sent = client.request(operation, extra_headers={"X-A": "call"})
    headers = sent["headers"]
    assert (headers["x-a"], headers["x-b"], headers["x-c"]) == (
        "call",
        "default",
        "collection",
    )


def test_base_url_replaces_scheme_host_port_and_prefix() -> None:
    client = mock_client(_echo, base_url="https://mock.test:8443/prefix/")
    sent = client.request(spec(base="http://api.test/v1"))
    assert sent["url"] == "https://mock.test:8443/prefix/items"


def test_a_variable_holding_a_whole_url_brings_its_query_along() -> None:
    client = mock_client(_echo, variables={"base": "http://api.test/v1?key=k"})
    sent = client.request(spec(base="{{base}}", query=[["a", "1", "a", True]]))
    assert sent["url"] == "http://api.test/v1/items?key=k&a=1"


def test_values_a_test_script_stored_update_the_client_variables() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, json={"data": {"token": "t1", "ids": [7, 8]}}, headers={"X-Req": "r9"}
        )

    client = mock_client(handler)
    sets = [
        ["token", "json", ["data", "token"]],
        ["last", "json", ["data", "ids", -1]],
        ["req", "header", "X-Req"],
        ["missing", "json", ["nope"]],
    ]
    client.request(spec(sets=sets))
    assert client.variables == {"token": "t1", "last": "8", "req": "r9"}


class Item(BaseModel):
    id: int
    name: str


def test_results_are_the_model_json_text_bytes_or_none() -> None:
    bodies = {
        "/model": httpx.Response(200, json={"id": 1, "name": "Ada"}),
        "/invalid": httpx.Response(200, json={"id": "x"}),
        "/json": httpx.Response(200, json=[1, 2]),
        "/text": httpx.Response(200, text="hi", headers={"Content-Type": "text/plain"}),
        "/bytes": httpx.Response(
            200,
            content=b"\x00\x01",
            headers={"Content-Type": "application/octet-stream"},
        ),
        "/empty": httpx.Response(204),
    }
    client = mock_client(lambda request: bodies[request.url.path])
    model = client.request(spec(path=["model"]), model=Item)
    assert isinstance(model, Item) and model.name == "Ada"
    lenient = client.request(spec(path=["invalid"]), model=Item)
    assert isinstance(lenient, Item) and lenient.id == "x"  # kept as the server sent it
    assert client.request(spec(path=["json"])) == [1, 2]
    assert client.request(spec(path=["text"])) == "hi"
    assert client.request(spec(path=["bytes"])) == b"\x00\x01"
    assert client.request(spec(path=["empty"])) is None


def test_raw_returns_an_api_response_that_parses_to_the_model() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(201, json={"id": 2, "name": "Bo"}, headers={"X-Id": "2"})

    response = mock_client(handler).request(spec(), raw=True, model=Item)
    assert isinstance(response, APIResponse)
    assert response.status_code == 201 and response.headers["x-id"] == "2"
    assert response.json() == {"id": 2, "name": "Bo"}
    assert response.parse() == Item(id=2, name="Bo")
    assert repr(response) == "<APIResponse [201] http://api.test/items>"


def test_per_call_timeout_reaches_the_transport() -> None:
    seen: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200)

    client = mock_client(handler, timeout=7.0)
    client.request(spec())
    client.request(spec(), timeout=0.5)
    assert [t["read"] for t in seen] == [7.0, 0.5]


def test_copy_with_changes_options_and_shares_variables() -> None:
    client = mock_client(_echo, max_retries=2, default_headers={"X-A": "1"})
    clone = client._copy_with(
        base_url="http://other.test",
        auth=None,
        timeout=1.0,
        max_retries=0,
        default_headers={"X-B": "2"},
    )
    assert clone.max_retries == 0 and client.max_retries == 2
    assert clone.default_headers == {"X-A": "1", "X-B": "2"}
    clone.variables["shared"] = "yes"
    assert client.variables["shared"] == "yes"
    assert clone.request(spec())["url"] == "http://other.test/items"


def test_async_client_sends_the_same_request_as_the_sync_one() -> None:
    operation = spec(
        method="PUT",
        path=["items", ":id"],
        path_params={"id": [1, ":id", None]},
        query=[["q", "{{q}}", "q", True]],
        headers=[["X-H", "{{h}}"]],
        body={"mode": "urlencoded", "fields": [["a b", "1", "a", True]]},
        content_type="application/x-www-form-urlencoded",
    )
    sync_sent = mock_client(_echo, variables={"q": "é", "h": "v"}).request(
        operation, path={"id": 5}, fields={"a": "x&y"}
    )

    async def call() -> object:
        client = mock_async_client(_echo, variables={"q": "é", "h": "v"})
        return await client.request(operation, path={"id": 5}, fields={"a": "x&y"})

    async_sent = asyncio.run(call())
    assert async_sent == sync_sent
    assert sync_sent["url"] == "http://api.test/items/5?q=%C3%A9"
    assert sync_sent["body"] == "a%20b=x%26y"
