"""The client emitter as a pure function: every request a method, deterministic output,
safe emission (no hand-quoted template values, no secrets), usage snippets that compile."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pmgen.emitters.client import emit
from pmgen.emitters.client_plan import package_name_for, plan_client
from pmgen.emitters.client_usage import render_usage
from pmgen.importer import load
from pmgen.render import templates_dir
from pmgen.secrets import SecretReport, found_in
from tests.client.sample_collection import SECRET_TOKEN, sample_collection

HOSTILE_NAME = 'x"""; import os; os.system("echo pwned") #\u202e'


def _load(tmp_path: Path, data: dict[str, object]) -> object:
    src = tmp_path / "c.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    return load(str(src))


def test_templates_never_quote_values_by_hand() -> None:
    root = templates_dir() / "client"
    for path in root.rglob("*.jinja"):
        text = re.sub(r"\{% raw %\}.*?\{% endraw %\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r'"""\{\{ [^}]*\| docstring \}\}', "", text)  # docstrings go through the filter
        assert not re.search(r"[\"']\{\{", text.replace("{{ '{{", "")), path


def test_every_request_is_a_method_and_output_is_deterministic(tmp_path: Path) -> None:
    collection = _load(tmp_path, sample_collection("http://127.0.0.1:1"))
    root, _ = plan_client(collection, package_name="shop", reveal_secrets=False)  # type: ignore[arg-type]
    methods = [m.operation.key for r in root.walk() for m in r.methods]
    assert sorted(methods) == sorted(op.key for op in collection.operations())  # type: ignore[attr-defined]
    first = emit(collection, package_name="shop", reveal_secrets=False)  # type: ignore[arg-type]
    second = emit(collection, package_name="shop", reveal_secrets=False)  # type: ignore[arg-type]
    assert first == second
    assert not [p for p, t in first.items() if SECRET_TOKEN in t]
    revealed = emit(collection, package_name="shop", reveal_secrets=True)  # type: ignore[arg-type]
    assert any(SECRET_TOKEN in t for t in revealed.values())


def test_hostile_names_compile(tmp_path: Path) -> None:
    data = sample_collection("http://127.0.0.1:1")
    data["item"][1]["name"] = HOSTILE_NAME  # type: ignore[index]
    data["item"][1]["item"][0]["name"] = HOSTILE_NAME  # type: ignore[index]
    data["item"][1]["item"][0]["request"]["header"] = [{"key": HOSTILE_NAME, "value": HOSTILE_NAME}]  # type: ignore[index]
    collection = _load(tmp_path, data)
    files = emit(collection, package_name="hostile", reveal_secrets=False)  # type: ignore[arg-type]
    for path, text in files.items():
        if path.endswith(".py"):
            compile(text, path, "exec")
            assert "\u202e" not in text
    for op in collection.operations():  # type: ignore[attr-defined]
        compile(render_usage(collection, op, package="hostile", reveal_secrets=False), "usage", "exec")  # type: ignore[arg-type]


def test_template_override(tmp_path: Path) -> None:
    override = tmp_path / "tpl" / "client"
    override.mkdir(parents=True)
    (override / "README.md.jinja").write_text("custom {{ package_name }}\n", encoding="utf-8")
    collection = _load(tmp_path, sample_collection("http://127.0.0.1:1"))
    files = emit(collection, package_name="shop", reveal_secrets=False,  # type: ignore[arg-type]
                 templates_dir=str(tmp_path / "tpl"))
    assert files["README.md"] == "custom shop\n"


@pytest.mark.parametrize("source", [
    "seed-collections/webex/webex-messaging.postman_collection.json",
    "seed-collections/vonage-contact-center/vonage-contact-center.postman_collection.json",
    "seed-collections/voximplant-kit/voximplant-kit.postman_collection.json",
    "corpus/salesforce.postman_collection.json",
    "corpus/paypal-partner.postman_collection.json",
])
def test_no_secret_of_real_collections_in_output(shared_dir: Path, source: str) -> None:
    collection = load(str(shared_dir / source))
    package = package_name_for(collection)
    files = emit(collection, package_name=package, reveal_secrets=False)
    secrets = [s for s in SecretReport.of(collection).values if len(s) >= 6]
    leaks = {p: found_in(t, secrets) for p, t in files.items() if found_in(t, secrets)}
    for op in collection.operations():
        usage = render_usage(collection, op, package=package, reveal_secrets=False)
        compile(usage, op.key, "exec")
        if found_in(usage, secrets):
            leaks[f"usage {op.key}"] = found_in(usage, secrets)
    assert not leaks


def test_readme_holds_collection_text_as_text(tmp_path: Path) -> None:
    data = sample_collection("http://127.0.0.1:1")
    data["info"]["name"] = "<script>alert(1)</script> | x"  # type: ignore[index]
    data["item"][1]["item"][0]["name"] = "<img src=x onerror=alert(1)>|`\nrow"  # type: ignore[index]
    collection = _load(tmp_path, data)
    readme = emit(collection, package_name="shop", reveal_secrets=False)["README.md"]  # type: ignore[arg-type]
    assert "<script>" not in readme and "<img" not in readme
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#124; x" in readme
    rows = [line for line in readme.splitlines() if line.startswith("| <code>client.")]
    assert rows and all(line.count("|") == 3 for line in rows)


def test_scrubber_masks_secrets_not_code() -> None:
    from pmgen.emitters.client_secrets import Scrubber  # noqa: PLC0415

    scrub = Scrubber(["secret", "accessKey", "s3cr3t-value"], min_length=6)
    code = 'import secrets\nclient_secret = "secret"  # secret\nx = f"{secret}"\nd = {"accessKey": 1}\n'
    out = scrub.files({"p/m.py": code, "README.md": "key secret and s3cr3t-value%"})
    assert out["p/m.py"].startswith("import secrets\nclient_secret = \"se****et\"  # se****et\n")
    assert 'f"{secret}"' in out["p/m.py"]  # f-strings hold code: never touched
    assert '{"ac*****ey": 1}' in out["p/m.py"]  # a string literal equal to a secret is masked
    assert out["README.md"] == "key se****et and s3********ue%"
    assert scrub.files({"p/m.py": code}, fixed=["p/m.py"]) == {"p/m.py": code}


def test_inferred_models_come_from_the_disk_cache_the_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmgen import inference  # noqa: PLC0415

    monkeypatch.setenv("PMGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PMGEN_NO_CACHE", raising=False)
    schema = {"$defs": {"Thing": {"type": "object", "properties": {"id": {"type": "integer"}}}},
              "title": "PmgenModels", "type": "object", "properties": {"t": {"$ref": "#/$defs/Thing"}}}
    first = inference._generate(schema)
    assert "class Thing(" in first

    def fail(_text: str) -> str:
        raise AssertionError("datamodel-code-generator ran again")

    monkeypatch.setattr(inference, "_run_datamodel_codegen", fail)
    assert inference._generate(schema) == first
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")
    with pytest.raises(AssertionError):
        inference._generate(schema)


def test_path_parameters_default_only_to_variables_the_client_holds(tmp_path: Path) -> None:
    """`:id` bound to `{{held}}` (a collection variable, or one a test script stores)
    defaults to it; bound to an unknown variable or to a plain value it is required."""
    url = {
        "raw": "https://api.test/:held/:stored/:unknown/:plain",
        "host": ["api", "test"],
        "path": [":held", ":stored", ":unknown", ":plain"],
        "variable": [
            {"key": "held", "value": "{{known}}"},
            {"key": "stored", "value": "{{token_id}}"},
            {"key": "unknown", "value": "{{nowhere}}"},
            {"key": "plain", "value": "42"},
        ],
    }
    script = 'pm.collectionVariables.set("token_id", pm.response.json().id);'
    data = {
        "info": {"name": "Paths", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "variable": [{"key": "known", "value": "k1"}],
        "item": [
            {"name": "Get", "request": {"method": "GET", "url": url}},
            {
                "name": "Create",
                "request": {"method": "POST", "url": "https://api.test/x"},
                "event": [{"listen": "test", "script": {"exec": [script]}}],
            },
        ],
    }
    collection = _load(tmp_path, data)
    root, _ = plan_client(collection, package_name="paths", reveal_secrets=False)  # type: ignore[arg-type]
    get = root.methods[0]
    assert [(p.python, p.optional) for p in get.positional] == [
        ("unknown", False), ("plain", False), ("held", True), ("stored", True),
    ]
    assert [p.example for p in get.positional[:2]] == ["{{nowhere}}", "42"]
    source = emit(collection, package_name="paths", reveal_secrets=False)["paths/_client.py"]  # type: ignore[arg-type]
    assert "        unknown: str,\n        plain: str,\n        held: str | NotGiven = NOT_GIVEN,\n" in source
    assert "plain: `plain` (path). Example: `42`." in source
    assert "held: `held` (path). Defaults to `{{known}}` (resolved from `client.variables`)." in source
