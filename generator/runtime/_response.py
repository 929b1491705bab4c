"""Parsing responses (models, JSON, text or bytes) and `with_raw_response` results."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

import httpx
from pydantic import ValidationError

if TYPE_CHECKING:  # pydantic's BaseModel costs ~30 ms to import: the models import it
    from pydantic import BaseModel

_T = TypeVar("_T")

UNREAD: Final = object()  # the body's JSON was not decoded yet
NOT_JSON: Final = object()  # the body is not JSON


def read_json(response: httpx.Response) -> Any:
    """The body decoded as JSON, or `NOT_JSON`."""
    try:
        return response.json()
    except ValueError:
        return NOT_JSON


def parse(
    response: httpx.Response,
    model: type[BaseModel] | None = None,
    *,
    decoded: Any = UNREAD,
) -> Any:
    """The body as the operation's model when one was inferred, else JSON, text or bytes;
    `decoded` is the body's `read_json` when the caller decoded it already."""
    if not response.content:
        return None
    ctype = response.headers.get("content-type", "").lower()
    if "json" in ctype or (model is not None and not ctype):
        data = read_json(response) if decoded is UNREAD else decoded
        if data is NOT_JSON:
            return response.text
        if model is not None and isinstance(data, dict):
            try:
                return model.model_validate(data)
            except ValidationError:  # lenient: keep what the server sent
                return model.model_construct(**data)
        return data
    if (
        ctype.startswith("text/")
        or "xml" in ctype
        or "javascript" in ctype
        or "html" in ctype
    ):
        return response.text
    return response.content


class APIResponse(Generic[_T]):
    """What `with_raw_response` returns: status, headers, the `httpx.Response`, and
    `parse()`, the value the method returns without `with_raw_response` (`_T`)."""

    # the test scripts' `pm.test` results (clients with scripts)
    tests: Sequence[Any] = ()

    def __init__(
        self: APIResponse[Any],  # untyped: `raw_response` types what methods return
        response: httpx.Response,
        model: type[BaseModel] | None = None,
    ) -> None:
        self.http_response = response
        self._model = model

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        return self.http_response.json()

    def parse(self) -> _T:
        parsed: _T = parse(self.http_response, self._model)
        return parsed

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self.http_response.request.url}>"


def extract(response: httpx.Response, source: str, locator: Any) -> str | None:
    """A value a Postman test script stored: a JSON path into the body or a header."""
    return _extract(response, source, locator, UNREAD)


def extract_all(
    response: httpx.Response, sets: Iterable[Sequence[Any]]
) -> tuple[list[tuple[str, str]], Any]:
    """(variable, value) for each `(variable, source, locator)` a test script stored,
    and the body's `read_json` (`UNREAD` when no JSON value was asked for): the body is
    decoded once for all of them and for `parse`."""
    decoded: Any = UNREAD
    found: list[tuple[str, str]] = []
    for name, source, locator in sets:
        if source not in ("header", "literal", "text") and decoded is UNREAD:
            decoded = read_json(response)
        value = _extract(response, source, locator, decoded)
        if value is not None:
            found.append((name, value))
    return found, decoded


def _extract(
    response: httpx.Response, source: str, locator: Any, decoded: Any
) -> str | None:
    if source == "header":
        value: str | None = response.headers.get(str(locator))
        return value
    if source == "literal":
        return str(locator)
    if source == "text":
        return response.text
    node: Any = read_json(response) if decoded is UNREAD else decoded
    if node is NOT_JSON:
        return None
    for key in locator or []:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif (
            isinstance(node, list)
            and isinstance(key, int)
            and -len(node) <= key < len(node)
        ):
            node = node[key]
        else:
            return None
    if isinstance(node, bool):
        return "true" if node else "false"
    if isinstance(node, (dict, list)):
        return json.dumps(node)
    return None if node is None else str(node)
