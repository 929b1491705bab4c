"""Model classes are named after where they are used: no numbered public names."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

from pmgen import inference
from pmgen.emitters.client import model_sources
from pmgen.emitters.client_plan import plan_client
from pmgen.importer import load


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
    return inference.infer_models(model_sources(root)).module_text


def test_nested_objects_are_named_after_their_place(tmp_path: Path) -> None:
    """The field's name (`ItemsItem` for a list's objects), its parent's or request's
    name before it when that is taken, one class for one shape; no numbered names, and
    the schema's root container is no class."""
    text = _models(
        tmp_path,
        {
            "items": [{"id": 1, "owner": {"name": "a"}}],
            "owner": {"name": "b", "address": {"city": "c"}},
            "meta": {"owner": {"name": "c", "email": "d"}, "origin": {"city": "e"}},
        },
    )
    classes = re.findall(r"^class (\w+)\(", text, re.M)
    assert sorted(classes) == [
        "Address",
        "ItemsItem",
        "ItemsItemOwner",
        "ListThingsResponse",
        "Meta",
        "MetaOwner",
        "Owner",
    ], text
    assert "    items: list[ItemsItem]\n" in text
    assert "    owner: Owner\n" in text
    assert "    origin: Address\n" in text  # the same shape as `owner.address`
    compile(text, "models.py", "exec")


def test_fields_named_like_the_module_imports_get_other_classes(tmp_path: Path) -> None:
    text = _models(
        tmp_path, {"field": {"a": 1}, "base_model": {"b": 2}, "any": {"c": 3}}
    )
    classes = re.findall(r"^class (\w+)\(", text, re.M)
    assert not {"Field", "BaseModel", "Any"} & set(classes), classes
    assert (
        "    field: ListThingsField = Field(..., alias=" not in text
    )  # no shadowed name
    path = tmp_path / "things_models.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("things_models", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["things_models"] = module  # pydantic resolves annotations in it
    try:
        spec.loader.exec_module(module)
        parsed = module.ListThingsResponse.model_validate(
            {"field": {"a": 1}, "base_model": {"b": 2}, "any": {"c": 3}}
        )
    finally:
        del sys.modules["things_models"]
    assert parsed.field.a == 1
