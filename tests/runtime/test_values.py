"""URL encoding, `{{variable}}` resolution, responses and errors of `pmgen.runtime`, and
the values it shares with the generator (percent-encode sets, file types)."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from pmgen.runtime import _exceptions, _request, _urls
from pmgen.runtime._response import UNREAD, extract, extract_all, parse
from pmgen.runtime._variables import MAX_DEPTH, dynamic_value, resolve
from pmgen.wire import mime, url


def _printable(chars: frozenset[str]) -> set[str]:
    return {c for c in chars if 0x20 <= ord(c) < 0x7F}


def test_percent_encode_sets_are_the_generators() -> None:
    """The client encodes URLs with the same sets as pmgen's snippets and conformance."""
    assert _printable(_urls.PATH_SET) == _printable(url.PATH_SET)
    assert _printable(_urls.PARAM_SET) == _printable(url.PARAM_VALUE_SET)
    assert _printable(_urls.KEY_SET) == _printable(url.PARAM_KEY_SET)


def test_file_part_types_are_the_generators() -> None:
    assert _request._KNOWN_TYPES == mime._KNOWN
    assert _request.guess_type("REPORT.PDF") == "application/pdf"
    assert _request.guess_type("no-extension") == "application/octet-stream"


def test_percent_encode_keeps_percent_and_encodes_controls_and_utf8() -> None:
    assert _urls.percent_encode("a b%20\x01é/", _urls.PATH_SET) == "a%20b%20%01%C3%A9/"
    assert _urls.percent_encode("a/b?c", _urls.SEGMENT_SET) == "a%2Fb%3Fc"
    assert _urls.percent_encode("ü\ud800", frozenset()) == "%C3%BC%ED%A0%80"


def test_encode_query_writes_postman_pairs() -> None:
    pairs = [("k y", "v&w=x"), ("flag", None), ("e", "")]
    assert _urls.encode_query(pairs) == "k%20y=v%26w=x&flag&e="
    assert _urls.encode_query(pairs, encode=False) == "k y=v&w=x&flag&e="


@pytest.mark.parametrize(
    ("url", "origin", "path"),
    [
        ("HTTPS://h.test:8/a/b", "https://h.test:8", "/a/b"),
        ("h.test", "http://h.test", "/"),
        ("http://h.test/", "http://h.test", "/"),
    ],
)
def test_split_origin(url: str, origin: str, path: str) -> None:
    assert _urls.split_origin(url) == (origin, path)


def test_resolve_nested_unknown_and_dynamic_values() -> None:
    variables = {"a": "{{b}}-x", "b": "B", "loop": "{{loop}}!"}
    assert resolve("{{a}}/{{missing}}", variables) == "B-x/{{missing}}"
    # self references stop after Postman's depth
    assert resolve("{{loop}}", variables) == "{{loop}}" + "!" * MAX_DEPTH
    guid = resolve("{{$guid}}", {})
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", guid
    )
    assert resolve("{{$guid}}", {}) != guid  # a fresh value per use
    assert resolve("{{$timestamp}}", {}).isdigit()
    assert resolve("{{$unknownDynamic}}", {}) == "{{$unknownDynamic}}"
    assert resolve("plain", {"plain": "x"}) == "plain"


def test_dynamic_values_have_postman_shapes() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", dynamic_value("$randomIP") or "")
    assert re.fullmatch(
        r"[a-z]+\.[a-z]+@example\.com", dynamic_value("$randomEmail") or ""
    )
    assert re.fullmatch(
        r"[A-Za-z]+\.[A-Za-z]+\d{1,2}", dynamic_value("$randomUserName") or ""
    )
    assert dynamic_value("$randomAnythingElse")  # a random word
    assert dynamic_value("$notDynamic") is None


def _response(status: int, **kwargs: Any) -> httpx.Response:
    return httpx.Response(
        status, request=httpx.Request("PATCH", "http://api.test/x"), **kwargs
    )


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, _exceptions.BadRequestError),
        (401, _exceptions.AuthenticationError),
        (403, _exceptions.PermissionDeniedError),
        (404, _exceptions.NotFoundError),
        (409, _exceptions.ConflictError),
        (422, _exceptions.UnprocessableEntityError),
        (429, _exceptions.RateLimitError),
        (503, _exceptions.InternalServerError),
        (418, _exceptions.APIStatusError),
    ],
)
def test_status_errors_by_code(status: int, cls: type[Exception]) -> None:
    error = _exceptions.status_error(_response(status, text="nope"))
    assert type(error) is cls
    assert isinstance(error, _exceptions.APIError)
    assert error.status_code == status
    assert str(error).startswith(f"PATCH http://api.test/x -> {status} ")
    assert error.body == "nope"
    assert error.tests == () and error.script_errors == ()


def test_extract_from_json_headers_and_text() -> None:
    response = _response(
        200,
        json={"a": [{"b": True}, {"c": {"d": 1}}], "n": None},
        headers={"X-Id": "7"},
    )
    assert extract(response, "json", ["a", 0, "b"]) == "true"
    assert extract(response, "json", ["a", 1, "c"]) == '{"d": 1}'
    assert extract(response, "json", ["a", 5]) is None
    assert extract(response, "json", ["n"]) is None
    assert extract(response, "header", "x-id") == "7"
    assert extract(response, "literal", 3) == "3"
    found, decoded = extract_all(response, [["v", "json", ["a", -1, "c", "d"]]])
    assert found == [("v", "1")] and decoded["n"] is None
    assert extract_all(response, [["h", "header", "X-Id"]]) == ([("h", "7")], UNREAD)
    assert extract(_response(200, text="not json"), "json", ["a"]) is None


def test_parse_without_a_content_type_or_with_broken_json() -> None:
    assert (
        parse(
            _response(200, text="{oops", headers={"Content-Type": "application/json"})
        )
        == "{oops"
    )
    assert (
        parse(_response(200, text="<a/>", headers={"Content-Type": "application/xml"}))
        == "<a/>"
    )
    assert parse(_response(200, content=b"raw", headers={})) == b"raw"
