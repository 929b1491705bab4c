"""Environment and globals files (`--env`, `--globals`), bare or API-wrapped, from a file
or (Postman API `GET /environments/{uid}`) a URL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pmgen.errors import InputError
from pmgen.importer import jsontext
from pmgen.importer.convert import variables
from pmgen.importer.detect import is_environment
from pmgen.importer.fields import text
from pmgen.importer.limits import Limits
from pmgen.importer.sources import Document, is_url, read_file
from pmgen.importer.v3.environments import environment_value, is_yaml_name
from pmgen.model import Environment

Fetch = Callable[[str], Document]


def environment_from_value(value: Any, where: str, source: str) -> Environment:
    if isinstance(value, dict) and isinstance(value.get("environment"), dict):
        value = value["environment"]  # Postman API: GET /environments/{uid}
    if not isinstance(value, dict) or not is_environment(value):
        raise InputError(
            "not a Postman environment or globals file (expected `values`)", where=where
        )
    fallback = Path(source).name.split(".")[0] or "environment"
    name = text(value.get("name")).strip() or fallback
    return Environment(name=name, values=variables(value.get("values")), source=source)


def read_environment(
    path: str, limits: Limits, fetch: Fetch | None = None
) -> Environment:
    """A file, `-`, or (with `fetch`) a URL."""
    document = (
        fetch(path) if fetch is not None and is_url(path) else read_file(path, limits)
    )
    text_value = jsontext.decode(document.data, document.where)
    if is_yaml_name(document.where):  # v3 `*.environment.yaml` / `*.globals.yaml`
        value = environment_value(text_value, document.where, limits.max_json_depth)
    else:
        value = jsontext.parse(text_value, document.where, limits.max_json_depth)
    return environment_from_value(value, document.where, document.where)
