"""Shapes of a v2 item that the v2.1 schema does not allow, judged by how Postman's
collection SDK (`postman-collection`) reads them:

- a shape the SDK reads into what the author meant is read the same way, with a warning
  (headers as a `{name: value}` object, a single event object instead of a list, form
  fields as a query string, an unknown body mode read as `raw`);
- a shape the SDK has no reading for (it would drop the field without a word: a request
  that is a number, a URL that is a list, a body that is a string) is refused with one
  line naming the JSON path: generating from it would silently differ from what the
  author wrote.

Each check takes the raw JSON value and returns it, or the shape the reader expects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from pmgen.errors import ShapeError
from pmgen.importer.urls import parse_query

BODY_MODES = ("raw", "urlencoded", "formdata", "file", "graphql")
_FORM_MODES = ("urlencoded", "formdata")


def kind(value: Any) -> str:
    """What a JSON value is, in words (never its content: that is untrusted)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"


def _with(value: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """`value` itself when no field changes (the common case: no copy), else a copy."""
    if all(value.get(key) is new for key, new in fields.items()):
        return value
    return {**value, **fields}


def _shown(value: Any) -> str:
    words = repr(value)
    return words if len(words) <= 40 else words[:37] + "..."


@dataclass(frozen=True)
class Checks:
    where: str  # the source, for refusals
    warn: Callable[[str, str], None]  # (message, JSON path)

    def refuse(self, expected: str, value: Any, path: str) -> NoReturn:
        raise ShapeError(
            f"expected {expected}, got {kind(value)}", source=self.where, path=path
        )

    def listed(self, value: Any, path: str, what: str) -> list[Any]:
        """A list field (`item`, `event`, `response`): null or absent is empty; one
        object is a list of one, as the SDK's `PropertyList` wraps it."""
        if value is None:
            return []
        if isinstance(value, list):
            return value
        if isinstance(value, dict):
            self.warn(
                f"one object instead of a list of {what}: read as a list of one", path
            )
            return [value]
        self.refuse(f"a list of {what}", value, path)

    def request(self, value: Any, path: str) -> Any:
        """`item.request`: an object, a URL string (a GET) or absent."""
        if value is None or isinstance(value, str):
            return value
        if not isinstance(value, dict):
            self.refuse("a request object or a URL string", value, path)
        url, method = value.get("url"), value.get("method")
        if url is not None and not isinstance(url, (str, dict)):
            self.refuse("a URL string or object", url, f"{path}.url")
        if method is not None and not isinstance(method, str):
            self.refuse("an HTTP method name", method, f"{path}.method")
        return _with(
            value,
            url=self.url(url, f"{path}.url"),
            header=self.headers(value.get("header"), f"{path}.header"),
            body=self.body(value.get("body"), f"{path}.body"),
        )

    def url(self, value: Any, path: str) -> Any:
        """A URL object's parts: `raw` text, `host`/`path` as text or lists, `query` and
        `variable` lists (a query string is read as one, as the SDK parses it)."""
        if not isinstance(value, dict):
            return value
        raw = value.get("raw")
        if raw is not None and not isinstance(raw, str):
            self.refuse("the URL as a string", raw, f"{path}.raw")
        for part in ("host", "path"):
            given = value.get(part)
            if given is not None and not isinstance(given, (str, list)):
                self.refuse(
                    f"the URL's {part} as a string or a list", given, f"{path}.{part}"
                )
        query = value.get("query")
        if isinstance(query, str) and query:
            self.warn(
                "query parameters as a string, not a list: read as one", f"{path}.query"
            )
            query = [{"key": q.key, "value": q.value} for q in parse_query(query)]
        variables = value.get("variable")
        if variables is not None:
            variables = self.listed(variables, f"{path}.variable", "variables")
        return _with(
            value,
            query=self._entries(query, f"{path}.query", "query parameters"),
            variable=self._entries(variables, f"{path}.variable", "variables"),
        )

    def _entries(self, value: Any, path: str, what: str) -> Any:
        """A list of `{key, value}` objects (null or "" is empty)."""
        if value is None or value == "":
            return value
        if not isinstance(value, list):
            self.refuse(f"a list of {what}", value, path)
        for index, entry in enumerate(value):
            if not isinstance(entry, dict):
                self.refuse("a `{key, value}` object", entry, f"{path}[{index}]")
        return value

    def headers(self, value: Any, path: str) -> Any:
        if value is None or isinstance(value, str):  # the string form is v2.0's
            return value
        if isinstance(value, dict):
            self.warn(
                "headers as an object, not a list: read as one header per name", path
            )
            return value
        if not isinstance(value, list):
            self.refuse("a list of headers or a header string", value, path)
        for index, entry in enumerate(value):
            if not isinstance(entry, (dict, str)):
                self.refuse(
                    "a header object or a `Name: value` string",
                    entry,
                    f"{path}[{index}]",
                )
        return value

    def body(self, value: Any, path: str) -> Any:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.refuse("a body object (`{mode, ...}`)", value, path)
        mode = value.get("mode")
        if mode is None:  # allowed: no body, in Postman as here
            return value
        if mode not in BODY_MODES:
            self.warn(
                f"unknown body mode {_shown(mode)}: read as `raw`", f"{path}.mode"
            )
            value = _with(value, mode="raw")
            mode = "raw"
        if mode == "raw":
            raw = value.get("raw")
            if raw is not None and not isinstance(raw, str):
                self.refuse("the body text as a string", raw, f"{path}.raw")
        elif mode in _FORM_MODES:
            form = self._form(value.get(mode), mode, f"{path}.{mode}")
            value = _with(value, **{mode: form})
        return value

    def _form(self, value: Any, mode: str, path: str) -> Any:
        if value is None or value == "":
            return value
        if mode == "urlencoded" and isinstance(value, str):
            self.warn("form fields as a query string, not a list: read as one", path)
            return [{"key": q.key, "value": q.value} for q in parse_query(value)]
        if not isinstance(value, list):
            self.refuse("a list of form fields", value, path)
        for index, entry in enumerate(value):
            if not isinstance(entry, (dict, str) if mode == "urlencoded" else dict):
                self.refuse("a form field object", entry, f"{path}[{index}]")
        return value
