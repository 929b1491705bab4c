"""Path parameters of the generated client, against a real server on 127.0.0.1: required
and positional unless bound to a variable the client holds a value for; the collection's
`{{variable}}` example, passed back, is resolved as Postman resolves it; any other value is
one literal segment; an empty one raises."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.client.generated import generate, import_package
from tests.helpers.echo_server import EchoServer

PACKAGE = "paths_rt"
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer() as s:
        yield s


@pytest.fixture(scope="module")
def pkg(server: EchoServer, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    url = {
        "raw": "{{baseUrl}}/dids/:did_sid/calls/:call_sid/rooms/:room",
        "host": ["{{baseUrl}}"],
        "path": ["dids", ":did_sid", "calls", ":call_sid", "rooms", ":room"],
        "variable": [
            {"key": "did_sid", "value": "{{did_sid}}"},  # declared, empty: required
            {"key": "call_sid", "value": "{{nowhere}}"},  # declared nowhere: required
            {"key": "room", "value": "{{room_id}}"},  # holds a value: defaults to it
        ],
    }
    collection = {
        "info": {"name": "Paths RT", "schema": SCHEMA},
        "variable": [
            {"key": "baseUrl", "value": server.url},
            {"key": "did_sid", "value": ""},
            {"key": "room_id", "value": "r-1"},
        ],
        "item": [{"name": "Get call", "request": {"method": "GET", "url": url}}],
    }
    out = tmp_path_factory.mktemp("client")
    generate(collection, out, PACKAGE)
    return import_package(out / "project", PACKAGE)


def test_required_unless_bound_to_a_held_variable(pkg: ModuleType) -> None:
    params = inspect.signature(pkg.PathsRt().get_call).parameters
    assert params["did_sid"].default is inspect.Parameter.empty
    assert params["call_sid"].default is inspect.Parameter.empty
    assert params["room"].default is pkg.NOT_GIVEN
    assert params["did_sid"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD


def test_the_documented_example_resolves_as_postman(
    pkg: ModuleType, server: EchoServer
) -> None:
    client = pkg.PathsRt()
    client.get_call("{{did_sid}}", "{{nowhere}}")
    # `did_sid` is empty, `nowhere` undefined (sent as written, encoded), `room` held
    assert server.requests[-1]["path"] == "/dids//calls/%7B%7Bnowhere%7D%7D/rooms/r-1"
    client.variables["did_sid"] = "D1"
    client.get_call("{{did_sid}}", "c1", "{{did_sid}}")
    assert server.requests[-1]["path"] == "/dids/D1/calls/c1/rooms/%7B%7Bdid_sid%7D%7D"


def test_other_values_are_one_literal_segment(
    pkg: ModuleType, server: EchoServer
) -> None:
    client = pkg.PathsRt()
    client.get_call("a/{b}", "{{did_sid}}x")
    assert (
        server.requests[-1]["path"]
        == "/dids/a%2F%7Bb%7D/calls/%7B%7Bdid_sid%7D%7Dx/rooms/r-1"
    )
    with pytest.raises(ValueError, match="did_sid"):
        client.get_call("", "c1")
