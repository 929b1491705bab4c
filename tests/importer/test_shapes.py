"""Shapes the v2.1 schema does not allow: read with a warning where Postman's SDK reads
them, refused (naming the JSON path, line and column) where it has no reading for them.
What the CLI prints for each is pinned in tests/diagnostics/cases/{bad,warn}-*."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pmgen.errors import ShapeError
from pmgen.importer.locate import locate
from tests.importer.helpers import collection, load_value, ops

GOOD: dict[str, Any] = {
    "method": "POST",
    "url": "https://api.example.com/users",
    "body": {"mode": "raw", "raw": "{}"},
}


def _with(**fields: Any) -> list[dict[str, Any]]:
    return [{"name": "F", "item": [{"name": "R", "request": {**GOOD, **fields}}]}]


@pytest.mark.parametrize(
    ("items", "path", "expected"),
    [
        ([{"name": "R", "request": 42}], "$.item[0].request", "a request object"),
        ([{"name": "R", "request": [1]}], "$.item[0].request", "a request object"),
        (_with(url=8080), "$.item[0].item[0].request.url", "a URL string or object"),
        (_with(url=True), "$.item[0].item[0].request.url", "a URL string or object"),
        (_with(method=1), "$.item[0].item[0].request.method", "an HTTP method"),
        (_with(header=1), "$.item[0].item[0].request.header", "a list of headers"),
        (
            _with(header=[{"key": "A"}, 2]),
            "$.item[0].item[0].request.header[1]",
            "a header",
        ),
        (_with(body="x=1"), "$.item[0].item[0].request.body", "a body object"),
        (_with(body=[]), "$.item[0].item[0].request.body", "a body object"),
        (
            _with(body={"mode": "raw", "raw": {"a": 1}}),
            "$.item[0].item[0].request.body.raw",
            "the body text",
        ),
        (
            _with(body={"mode": "formdata", "formdata": [{"key": "a"}, "b"]}),
            "$.item[0].item[0].request.body.formdata[1]",
            "a form field",
        ),
        (
            _with(url={"raw": 5, "host": ["x"]}),
            "$.item[0].item[0].request.url.raw",
            "the URL as a string",
        ),
        (
            _with(url={"host": 1}),
            "$.item[0].item[0].request.url.host",
            "the URL's host",
        ),
        (
            _with(url={"host": ["x"], "query": {"a": "1"}}),
            "$.item[0].item[0].request.url.query",
            "a list of query parameters",
        ),
        (
            _with(url={"host": ["x"], "variable": [{"key": "id"}, 3]}),
            "$.item[0].item[0].request.url.variable[1]",
            "a `{key, value}` object",
        ),
        ([{"name": "F", "item": 3}], "$.item[0].item", "a list of items"),
        ([{"name": "F", "item": []}, None], "$.item[1]", "an item object"),
        (
            [{"name": "R", "request": "http://x.test", "response": 1}],
            "$.item[0].response",
            "",
        ),
        (
            [{"name": "R", "request": "http://x.test", "event": "x"}],
            "$.item[0].event",
            "",
        ),
    ],
)
def test_shapes_without_a_reading_are_refused_at_their_place(
    tmp_path: Path, items: list[Any], path: str, expected: str
) -> None:
    value = collection(items)
    with pytest.raises(ShapeError) as caught:
        load_value(tmp_path, value)
    error = caught.value
    assert error.path == path and f"expected {expected}" in error.message
    text = (tmp_path / "c.json").read_text(encoding="utf-8")
    line, column = (int(n) for n in error.position.split(":"))
    assert line == 1  # json.dumps writes one line: the column is the offset + 1
    start = text[column - 1 :]
    got = json.JSONDecoder().raw_decode(start)[0]
    node: Any = value
    for step in path.removeprefix("$.").replace("[", ".").replace("]", "").split("."):
        node = node[int(step)] if step.isdigit() else node[step]
    assert got == node
    assert str(error).startswith(f"{tmp_path / 'c.json'}:{error.position}: {path}: ")


def test_the_api_wrapper_is_part_of_the_path(tmp_path: Path) -> None:
    with pytest.raises(ShapeError) as caught:
        load_value(tmp_path, {"collection": collection([{"name": "R", "request": 1}])})
    assert caught.value.path == "$.collection.item[0].request"
    text = (tmp_path / "c.json").read_text(encoding="utf-8")
    column = int(caught.value.position.removeprefix("1:"))
    assert text[: column - 1].endswith('"request": ') and text[column - 1] == "1"


def _warnings(c: Any) -> dict[str, str]:
    return {d.location: d.message for d in c.diagnostics if d.level == "warning"}


def test_headers_as_an_object_are_read_per_name(tmp_path: Path) -> None:
    c = load_value(tmp_path, collection(_with(header={"Accept": "a/b", "X-N": 1})))
    (op,) = ops(c)
    assert [(h.key, h.value) for h in op.request.headers] == [
        ("Accept", "a/b"),
        ("X-N", "1"),
    ]
    assert "headers as an object" in _warnings(c)["$.item[0].item[0].request.header"]


def test_an_unknown_body_mode_is_read_as_raw(tmp_path: Path) -> None:
    c = load_value(
        tmp_path, collection(_with(body={"mode": "json", "raw": '{"a": 1}'}))
    )
    (op,) = ops(c)
    assert op.request.body is not None
    assert (op.request.body.mode, op.request.body.json_value) == ("raw", {"a": 1})
    assert "'json'" in _warnings(c)["$.item[0].item[0].request.body.mode"]


def test_form_fields_as_a_query_string(tmp_path: Path) -> None:
    body = {"mode": "urlencoded", "urlencoded": "name=Ada&role=&flag"}
    c = load_value(tmp_path, collection(_with(body=body)))
    (op,) = ops(c)
    assert op.request.body is not None
    got = [(f.key, f.value) for f in op.request.body.urlencoded]
    assert got == [("name", "Ada"), ("role", ""), ("flag", None)]
    assert "$.item[0].item[0].request.body.urlencoded" in _warnings(c)


def test_an_empty_form_string_is_an_empty_form_without_a_word(tmp_path: Path) -> None:
    c = load_value(
        tmp_path, collection(_with(body={"mode": "formdata", "formdata": ""}))
    )
    (op,) = ops(c)
    assert op.request.body is not None and op.request.body.formdata == []
    assert not _warnings(c)


def test_one_event_object_is_a_list_of_one(tmp_path: Path) -> None:
    event = {"listen": "test", "script": {"exec": ["pm.test('ok', () => {});"]}}
    items = [{"name": "R", "request": "http://x.test/", "event": event}]
    c = load_value(tmp_path, collection(items))
    (op,) = ops(c)
    assert [s.event for s in op.scripts] == ["test"]
    assert "one object instead of a list" in _warnings(c)["$.item[0].event"]


def test_one_folder_child_object_is_a_list_of_one(tmp_path: Path) -> None:
    items = [{"name": "F", "item": {"name": "R", "request": "http://x.test/"}}]
    c = load_value(tmp_path, collection(items))
    assert [op.key for op in ops(c)] == ["F / R"]
    assert "$.item[0].item" in _warnings(c)


def test_nulls_are_absent_fields(tmp_path: Path) -> None:
    items = [
        {
            "name": "R",
            "request": {"url": None, "method": None, "header": None, "body": None},
            "response": None,
            "event": None,
        }
    ]
    c = load_value(tmp_path, collection(items))
    (op,) = ops(c)
    assert op.request.method == "GET" and op.request.body is None
    assert not _warnings(c)


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ('{"a": 1}', "$", (1, 1)),
        ('{"a": 1}', "$.a", (1, 7)),
        ('{"a": {"b": [1, {"c": "x"}]}}', "$.a.b[1].c", (1, 23)),
        (
            '{\n  "a": 1,\n  "a": [true]\n}',
            "$.a",
            (3, 8),
        ),  # the last key, as json keeps
        ('{"a": "\\"}\\"", "b": 2}', "$.b", (1, 21)),
        ('{"a": [1, 2]}', "$.a[2]", None),
        ('{"a": 1}', "$.b", None),
        ('{"a": 1}', "$.a.b", None),
        ("[1]", "$.a", None),
        ('{"a": 1}', "a", None),
    ],
)
def test_locate(text: str, path: str, expected: tuple[int, int] | None) -> None:
    assert locate(text, path) == expected


def test_a_query_string_in_a_url_object(tmp_path: Path) -> None:
    url = {"host": ["api", "test"], "path": ["users"], "query": "page=2&q"}
    c = load_value(tmp_path, collection(_with(url=url)))
    (op,) = ops(c)
    assert [(q.key, q.value) for q in op.request.url.query] == [
        ("page", "2"),
        ("q", None),
    ]
    assert op.request.url.raw == "api.test/users?page=2&q"
    assert "$.item[0].item[0].request.url.query" in _warnings(c)
