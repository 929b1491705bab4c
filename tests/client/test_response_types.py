"""What a generated method is annotated to return is what it returns: the annotation
comes from the saved 2xx examples (`pmgen.responses`), and a real server answering as
the examples say gets back values of exactly those types (never `Any`)."""

from __future__ import annotations

import asyncio
import importlib
import inspect
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pmgen.model import Example, KeyValue
from pmgen.responses import UNKNOWN, result_type
from tests.client.generated import generate, import_package
from tests.helpers.echo_server import EchoServer, Record

PACKAGE = "typed_results_rt"
JSON = [("Content-Type", "application/json")]


def _example(
    body: str | None,
    code: int | None = 200,
    ctype: str | None = "application/json",
    language: str | None = None,
) -> Example:
    headers = [KeyValue(key="Content-Type", value=ctype)] if ctype else []
    return Example(name="e", code=code, body=body, headers=headers, language=language)


@pytest.mark.parametrize(
    ("examples", "model", "expected"),
    [
        ([], None, UNKNOWN),
        ([_example('{"id": 1}')], "GetUserResponse", "GetUserResponse"),
        ([_example('{"id": 1}')], None, "dict[str, JSONValue]"),  # beyond MAX_MODELS
        ([_example("{}")], None, "dict[str, JSONValue]"),
        ([_example("[1, 2]")], None, "list[JSONValue]"),
        ([_example("true")], None, "JSONValue"),
        ([_example("<a/>", ctype="application/xml")], None, "str"),
        ([_example("hi", ctype="text/plain; charset=utf-8")], None, "str"),
        ([_example("not json", ctype="application/json")], None, "str"),
        ([_example("%PDF-1.4", ctype="application/pdf")], None, "bytes"),
        ([_example(None, code=204, ctype=None)], None, "None"),
        ([_example('{"id": 1}'), _example("", code=204)], "M", "M | None"),
        (
            [_example("[1]"), _example("x", ctype="text/csv")],
            None,
            "list[JSONValue] | str",
        ),
        ([_example("1"), _example("[1]"), _example(None, 204)], None, "JSONValue"),
        # what tells nothing: an error, an empty 200, a body of no known kind
        ([_example('{"error": 1}', code=404)], None, UNKNOWN),
        ([_example("", code=200)], None, UNKNOWN),
        ([_example("a=1", ctype=None)], None, UNKNOWN),
        ([_example("<p>hi</p>", ctype=None, language="html")], None, "str"),
        ([_example('{"id": 1}', ctype=None)], "M", "M"),  # examples often lack headers
    ],
)
def test_result_type(examples: list[Example], model: str | None, expected: str) -> None:
    assert result_type(examples, model) == expected


# -- against a real server ---------------------------------------------------------------

RESPONSES: dict[str, tuple[int, list[tuple[str, str]], bytes]] = {
    "/user": (200, JSON, b'{"id": 7, "name": "Ada"}'),
    "/users": (200, JSON, b'[{"id": 7}, {"id": 8}]'),
    "/feed": (200, [("Content-Type", "application/rss+xml")], b"<rss/>"),
    "/report": (200, [("Content-Type", "application/pdf")], b"%PDF-1.4 \x00\x01"),
    "/remove": (204, [], b""),
    "/unknown": (200, JSON, b'{"anything": [1, null]}'),
}


def _item(name: str, path: str, example: dict[str, Any] | None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": name,
        "request": {"method": "GET", "url": "{{base}}" + path},
    }
    if example is not None:
        item["response"] = [{"name": "saved", **example}]
    return item


def _saved(path: str) -> dict[str, Any]:
    code, headers, body = RESPONSES[path]
    return {
        "code": code,
        "header": [{"key": k, "value": v} for k, v in headers],
        "body": body.decode("latin-1"),
    }


def _collection(base: str) -> dict[str, Any]:
    return {
        "info": {
            "name": "Typed results",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "variable": [{"key": "base", "value": base}],
        "item": [
            _item("Get user", "/user", _saved("/user")),
            _item("List users", "/users", _saved("/users")),
            _item("Feed", "/feed", _saved("/feed")),
            _item("Report", "/report", _saved("/report")),
            _item("Remove", "/remove", _saved("/remove")),
            _item("Unknown", "/unknown", None),
        ],
    }


def _respond(record: Record) -> tuple[int, list[tuple[str, str]], bytes]:
    return RESPONSES[record["path"]]


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer(_respond) as s:
        yield s


@pytest.fixture(scope="module")
def pkg(server: EchoServer, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    out = tmp_path_factory.mktemp("typed")
    generate(_collection(server.url), out, PACKAGE)
    return import_package(out / "project", PACKAGE)


def _is_json(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_is_json(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def _conforms(value: object, annotation: str, models: ModuleType) -> bool:
    """`value` is of one of the annotation's members (the few forms pmgen writes)."""
    for member in annotation.split(" | "):
        if member == "None" and value is None:
            return True
        if member in ("str", "bytes") and type(value).__name__ == member:
            return True
        if member == "JSONValue" and _is_json(value):
            return True
        if member == "list[JSONValue]" and isinstance(value, list) and _is_json(value):
            return True
        if (
            member == "dict[str, JSONValue]"
            and isinstance(value, dict)
            and _is_json(value)
        ):
            return True
        model = getattr(models, member, None)
        if isinstance(model, type) and isinstance(value, model):
            return True
    return False


@pytest.mark.parametrize(
    ("method", "annotation"),
    [
        ("get_user", "GetUserResponse"),
        ("list_users", "list[JSONValue]"),
        ("feed", "str"),
        ("report", "bytes"),
        ("remove", "None"),
        ("unknown", "JSONValue | bytes"),
    ],
)
def test_methods_return_what_they_say(
    pkg: ModuleType, method: str, annotation: str
) -> None:
    client = pkg.TypedResultsRt()
    sync = getattr(client, method)
    assert inspect.signature(sync).return_annotation == annotation
    value = sync()
    assert _conforms(value, annotation, importlib.import_module(f"{PACKAGE}.models")), (
        method,
        annotation,
        value,
    )
    raw = getattr(client.with_raw_response, method)()
    assert _conforms(
        raw.parse(), annotation, importlib.import_module(f"{PACKAGE}.models")
    )
    async_method = getattr(pkg.AsyncTypedResultsRt(), method)
    assert inspect.signature(async_method).return_annotation == annotation
    assert _conforms(
        asyncio.run(async_method()),
        annotation,
        importlib.import_module(f"{PACKAGE}.models"),
    )


def test_the_json_alias_is_a_real_type(pkg: ModuleType) -> None:
    alias = importlib.import_module(f"{PACKAGE}.models").JSONValue
    assert {dict, list, str, int, float, bool, type(None)} <= {
        getattr(arg, "__origin__", arg) for arg in alias.__args__
    }
