"""A request (`item.request` or an example's `originalRequest`) and its body."""

from __future__ import annotations

import json
from typing import Any

from pmgen.importer import fields
from pmgen.importer.fields import (
    description,
    is_disabled,
    key_values,
    optional_text,
    text,
)
from pmgen.importer.urls import parse_url
from pmgen.model import Body, Example, FormField, RequestSpec

_BODY_MODES = ("raw", "urlencoded", "formdata", "file", "graphql")


def _json_value(raw: str) -> tuple[Any, bool]:
    stripped = raw.strip()
    if not stripped or stripped[0] not in "[{":
        return None, False
    try:
        return json.loads(stripped), True
    except (ValueError, RecursionError):
        return None, False


def _src(value: Any) -> list[str] | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return [text(v) for v in value if v is not None]
    return [text(value)]


def _formdata(entries: Any) -> list[FormField]:
    result = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        is_file = entry.get("type") == "file"
        result.append(
            FormField(
                key=text(entry.get("key")),
                type="file" if is_file else "text",
                value=None if is_file else optional_text(entry.get("value")),
                src=(
                    _src(entry.get("src", entry.get("value") if is_file else None))
                    if is_file
                    else None
                ),
                content_type=optional_text(entry.get("contentType")),
                description=description(entry.get("description")),
                disabled=is_disabled(entry),
            )
        )
    return result


def parse_body(raw: Any) -> Body | None:
    if not isinstance(raw, dict):
        return None
    mode = raw.get("mode")
    if mode not in _BODY_MODES:
        return None
    disabled = raw.get("disabled") is True
    if mode == "raw":
        body_text = text(raw.get("raw"))
        options = raw.get("options")
        language = None
        if isinstance(options, dict) and isinstance(options.get("raw"), dict):
            language = optional_text(options["raw"].get("language"))
        value, valid = _json_value(body_text)
        return Body(
            mode="raw",
            raw=body_text,
            language=language,
            json_value=value,
            json_valid=valid,
            disabled=disabled,
        )
    if mode == "urlencoded":
        return Body(
            mode="urlencoded",
            urlencoded=key_values(raw.get("urlencoded")),
            disabled=disabled,
        )
    if mode == "formdata":
        return Body(
            mode="formdata", formdata=_formdata(raw.get("formdata")), disabled=disabled
        )
    if mode == "file":
        file: dict[str, Any] = raw["file"] if isinstance(raw.get("file"), dict) else {}
        return Body(
            mode="file",
            file_src=optional_text(file.get("src")) or None,
            file_content_type=optional_text(file.get("contentType")),
            raw=optional_text(file.get("content")),
            disabled=disabled,
        )
    graphql: dict[str, Any] = (
        raw["graphql"] if isinstance(raw.get("graphql"), dict) else {}
    )
    variables = graphql.get("variables")
    return Body(
        mode="graphql",
        graphql_query=text(graphql.get("query")),
        graphql_variables=(
            variables
            if isinstance(variables, str) or variables is None
            else json.dumps(variables)
        ),
        disabled=disabled,
    )


def parse_request(raw: Any) -> RequestSpec:
    """A request object, or a bare URL string (`"request": "https://..."` means GET)."""
    if isinstance(raw, str):
        return RequestSpec(method="GET", url=parse_url(raw))
    if not isinstance(raw, dict):
        return RequestSpec(method="GET", url=parse_url(None))
    auth, declared = fields.auth(raw.get("auth"))
    method = raw.get("method")
    return RequestSpec(
        method=(
            text(method).strip()
            if isinstance(method, str) and method.strip()
            else "GET"
        ),
        url=parse_url(raw.get("url")),
        headers=key_values(raw.get("header")),
        body=parse_body(raw.get("body")),
        auth=auth,
        auth_declared=declared,
    )


def parse_examples(responses: Any) -> list[Example]:
    result = []
    for entry in responses if isinstance(responses, list) else []:
        if not isinstance(entry, dict):
            continue
        code = entry.get("code")
        original = entry.get("originalRequest")
        result.append(
            Example(
                name=text(entry.get("name")),
                status=optional_text(entry.get("status")),
                code=(
                    code
                    if isinstance(code, int) and not isinstance(code, bool)
                    else None
                ),
                headers=key_values(entry.get("header")),
                body=optional_text(entry.get("body")),
                language=optional_text(entry.get("_postman_previewlanguage")),
                original_request=(
                    parse_request(original)
                    if isinstance(original, (dict, str))
                    else None
                ),
            )
        )
    return result
