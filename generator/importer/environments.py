"""Environment and globals files (`--env`, `--globals`), bare or API-wrapped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import InputError
from generator.importer import jsontext
from generator.importer.convert import variables
from generator.importer.detect import is_environment
from generator.importer.fields import text
from generator.importer.limits import Limits
from generator.importer.sources import read_file
from generator.model import Environment


def environment_from_value(value: Any, where: str, source: str) -> Environment:
    if isinstance(value, dict) and isinstance(value.get("environment"), dict):
        value = value["environment"]  # Postman API: GET /environments/{uid}
    if not isinstance(value, dict) or not is_environment(value):
        raise InputError(
            "not a Postman environment or globals file (expected `values`)", where=where
        )
    name = (
        text(value.get("name")).strip()
        or Path(source).name.split(".")[0]
        or "environment"
    )
    return Environment(name=name, values=variables(value.get("values")), source=source)


def read_environment(path: str, limits: Limits) -> Environment:
    document = read_file(path, limits)
    value = jsontext.parse(
        jsontext.decode(document.data, path), path, limits.max_json_depth
    )
    return environment_from_value(value, path, path)
