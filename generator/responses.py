"""What an operation returns, as a Python annotation, from its saved example responses.

The generated client's `parse` (`_response.py`) decides by the response's Content-Type:
no content -> None; JSON -> the operation's model for an object when it has one, else
the decoded value (text when it does not decode); text, XML, HTML, JavaScript -> `str`;
anything else -> `bytes`. Error statuses raise. So each saved 2xx example says what one
kind of success gives, and the annotation is the union of what they say:

    object                       the model inferred for the operation (`inference`),
                                 else `dict[str, JSONValue]`
    list / other JSON value      `list[JSONValue]` / `JSONValue`
    text-like Content-Type       `str` (so is JSON-typed text that does not decode)
    other Content-Type           `bytes`
    204 / 205                    `None`

An example with an empty body and another status says nothing (saved examples are often
left empty), nor does one whose body is not JSON and whose kind neither a Content-Type
nor Postman's preview language tells. Without any example that says something the
annotation is `JSONValue | bytes`: every value `parse` can return, never `Any`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from pmgen.model import Example

JSON_VALUE = "JSONValue"
UNKNOWN = f"{JSON_VALUE} | bytes"
# `JSONValue` in the models module; the generated client imports it from there
JSON_VALUE_ALIAS = f"""\
# Any JSON value (what `json.loads` returns): what an operation returns when its saved
# examples tell no more (`{UNKNOWN}` when they tell nothing).
{JSON_VALUE}: TypeAlias = (
    dict[str, "{JSON_VALUE}"] | list["{JSON_VALUE}"] | str | int | float | bool | None
)
"""

_TEXT_TYPES = ("text/", "xml", "javascript", "html")  # as `parse` tells text
_TEXT_LANGUAGES = frozenset({"text", "xml", "html", "javascript"})
_OBJECT = "<object>"  # placeholder for the model, or a dict without one
# the order of a union's members
_ORDER = (
    _OBJECT,
    f"list[{JSON_VALUE}]",
    JSON_VALUE,
    "str",
    "bytes",
    "None",
)


def _content_type(example: Example) -> str:
    for header in example.headers:
        if header.key.lower() == "content-type" and not header.disabled:
            return (header.value or "").lower()
    return ""


def _json_kind(value: object) -> str:
    if isinstance(value, dict):
        return _OBJECT if value else f"dict[str, {JSON_VALUE}]"
    return f"list[{JSON_VALUE}]" if isinstance(value, list) else JSON_VALUE


def example_kind(example: Example) -> str | None:
    """What `parse` returns for a response like this 2xx example; None when the example
    is not a success or does not tell."""
    code = example.code
    if code is not None and not 200 <= code < 300:
        return None
    if code in (204, 205):
        return "None"
    body = example.body or ""
    if not body.strip():
        return None
    ctype = _content_type(example)
    if ctype and "json" not in ctype:
        return "str" if any(t in ctype for t in _TEXT_TYPES) else "bytes"
    try:
        return _json_kind(json.loads(body))
    except (ValueError, RecursionError):
        pass
    if "json" in ctype or (example.language or "").lower() in _TEXT_LANGUAGES:
        return "str"
    return None


def result_type(examples: Iterable[Example], model: str | None) -> str:
    """The annotation of what the operation's method returns (`model`: the class
    inference made from its object examples, if any)."""
    kinds = {kind for e in examples if (kind := example_kind(e)) is not None}
    if model is not None:
        kinds.add(_OBJECT)
    if not kinds:
        return UNKNOWN
    if _OBJECT in kinds and model is None:
        kinds.discard(_OBJECT)
        kinds.add(f"dict[str, {JSON_VALUE}]")
    if JSON_VALUE in kinds:  # it holds these already
        kinds -= {f"dict[str, {JSON_VALUE}]", f"list[{JSON_VALUE}]", "str", "None"}
    order = {kind: index for index, kind in enumerate(_ORDER)}
    names = sorted(kinds, key=lambda kind: (order.get(kind, 1), kind))
    return " | ".join(model if kind == _OBJECT and model else kind for kind in names)
