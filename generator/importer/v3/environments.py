"""v3 environment and globals files (`*.environment.yaml`, `*.globals.yaml`, FORMAT.md
§13.1) -> the v2.1 environment JSON shape `environment_from_value` reads."""

from __future__ import annotations

import re
from typing import Any

from pmgen.errors import InputError
from pmgen.importer.v3 import shapes
from pmgen.importer.v3.yaml12 import YamlProblem, load_text

_YAML = re.compile(r"\.ya?ml$", re.IGNORECASE)


def is_yaml_name(name: str) -> bool:
    return bool(_YAML.search(name))


def environment_value(text: str, where: str, max_depth: int) -> dict[str, Any]:
    try:
        value = load_text(text, max_depth)
    except YamlProblem as exc:
        place = f"{where}:{exc.line}:{exc.column}" if exc.line else where
        raise InputError(f"invalid YAML: {exc.message}", where=place) from None
    if not isinstance(value, dict) or not isinstance(value.get("values"), list):
        raise InputError(
            "not a Postman environment or globals file (expected `name` and `values`)",
            where=where,
        )
    values = []
    for entry in value["values"]:
        if not isinstance(entry, dict) or "key" not in entry:
            continue
        converted: dict[str, Any] = {
            "key": shapes.string(entry["key"]),
            # Values must be strings (ENV004); hand-written numbers and bools are kept
            # as their text, as v2.1 exports show them.
            "value": shapes.string(entry.get("value")),
            "enabled": entry.get("enabled") is not False
            and entry.get("disabled") is not True,
        }
        if entry.get("secret") is True or entry.get("type") == "secret":
            converted["type"] = "secret"
        elif isinstance(entry.get("type"), str):
            converted["type"] = entry["type"]
        if entry.get("description") is not None:
            converted["description"] = shapes.string(entry["description"])
        values.append(converted)
    name = value.get("name")
    result: dict[str, Any] = {
        "values": values,
        "_postman_variable_scope": "environment",
    }
    if name is not None:
        result["name"] = shapes.string(name)
    return result
