"""Model classes are named after where they are used: no numbered public names."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator import inference
from generator.emitters.client import plan_client
from generator.importer import load


def _models(tmp_path: Path, body: dict[str, object]) -> str:
    request = {"method": "GET", "url": "https://api.test/things"}
    example = {
        "name": "ok", "originalRequest": request, "code": 200,
        "_postman_previewlanguage": "json", "body": json.dumps(body),
    }  # fmt: skip
    data = {
        "info": {
            "name": "Things",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [{"name": "List things", "request": request, "response": [example]}],
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    root, _ = plan_client(load(str(path)), package_name="things", reveal_secrets=False)
    return inference.infer_models(root).module_text


def test_nested_objects_are_named_after_their_place(tmp_path: Path) -> None:
    """`{Model}{Field}` (a list's objects `{Model}{Field}Item`), `{Parent}{Field}` when a
    shallower field took that name; the schema's root container is no class."""
    text = _models(
        tmp_path,
        {
            "items": [{"id": 1, "owner": {"name": "a"}}],
            "owner": {"name": "b", "address": {"city": "c"}},
            "meta": {"owner": {"name": "c", "email": "d"}},
        },
    )
    classes = re.findall(r"^class (\w+)\(", text, re.M)
    assert sorted(classes) == [
        "ListThingsResponse",
        "ListThingsResponseAddress",
        "ListThingsResponseItemsItem",
        "ListThingsResponseItemsItemOwner",
        "ListThingsResponseMeta",
        "ListThingsResponseMetaOwner",
        "ListThingsResponseOwner",
    ], text
    assert "    items: list[ListThingsResponseItemsItem]\n" in text
    assert "    owner: ListThingsResponseOwner\n" in text
    compile(text, "models.py", "exec")
