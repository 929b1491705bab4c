"""Recognize what a document is by its content, and name what it is when it is not a
collection (an OpenAPI document, an HTML page, an environment file...)."""

from __future__ import annotations

import re
from typing import Any, Literal

from pmgen.errors import InputError

Form = Literal["v2", "v1", "api-wrapper", "published-metadata", "environment"]

_HTML = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml|<)", re.IGNORECASE)
_YAML_OPENAPI = re.compile(
    r"^\s*(---\s*)?[\"']?(openapi|swagger)[\"']?\s*:", re.MULTILINE
)


def sniff_text(text: str, where: str) -> None:
    """Refuse clearly, before JSON parsing, what is obviously not JSON."""
    head = text[:4096]
    if _HTML.match(head):
        kind = (
            "an HTML page"
            if re.search(r"<html|<!doctype", head, re.IGNORECASE)
            else "XML/HTML"
        )
        raise InputError(
            f"this is {kind}, not a Postman collection (JSON)", where=where
        )
    if _YAML_OPENAPI.match(head):
        raise InputError(
            "this is an OpenAPI/Swagger document (YAML), not a Postman collection",
            where=where,
        )


def is_environment(value: dict[str, Any]) -> bool:
    scope = value.get("_postman_variable_scope")
    if scope in ("environment", "globals"):
        return True
    return (
        isinstance(value.get("values"), list)
        and "item" not in value
        and "requests" not in value
    )


def is_published_metadata(value: dict[str, Any]) -> bool:
    collection = value.get("collection")
    return (
        isinstance(collection, dict)
        and isinstance(collection.get("info"), dict)
        and "item" not in collection
        and any(
            k in value
            for k in (
                "activeVersionTag",
                "languages",
                "environments",
                "canonicalUrl",
                "publishedBy",
            )
        )
    )


def classify(value: Any, where: str) -> Form:
    if isinstance(value, list):
        raise InputError(
            "this is a JSON array, not a Postman collection (an object)", where=where
        )
    if not isinstance(value, dict):
        raise InputError(
            f"this is a JSON {type(value).__name__}, not a Postman collection",
            where=where,
        )
    if "openapi" in value or "swagger" in value:
        raise InputError(
            "this is an OpenAPI/Swagger document, not a Postman collection", where=where
        )
    if is_published_metadata(value):
        return "published-metadata"
    if isinstance(value.get("collection"), dict):
        return "api-wrapper"
    if isinstance(value.get("environment"), dict) or is_environment(value):
        return "environment"
    if isinstance(value.get("requests"), list) and (
        "order" in value or "folders" in value or "info" not in value
    ):
        return "v1"
    if (
        isinstance(value.get("item"), list)
        or isinstance(value.get("items"), list)
        or isinstance(value.get("info"), dict)
    ):
        return "v2"
    if "collections" in value:
        raise InputError(
            "this is a Postman API list of collections, not one collection", where=where
        )
    raise InputError(
        "not a Postman collection: no `info`, `item` or `requests` found", where=where
    )
