# ruff: noqa: E501  (a hand-written collection fixture reads better unwrapped)
"""Every hostile string in every position of one collection, through every emitter.

Deterministic companion of the fuzz properties: the same checks (Python AST, bash -n,
markdown HTML audit, Jinja canary, secret canaries), with full coverage of the list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.security.checks import file_violations, secret_violations
from tests.security.harness import available_emitters, format_files, import_json
from tests.security.hostile import HOSTILE, JINJA_CANARY, JINJA_RENDERED, MARKER
from tests.security.strategies import SECRET_PREFIX

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
EMITTERS = available_emitters()


def kitchen_sink() -> dict[str, object]:
    items = []
    for n, text in enumerate(HOSTILE):
        body: dict[str, object]
        mode = n % 5
        if mode == 0:
            body = {
                "mode": "raw",
                "raw": json.dumps({text: text, "n": n}),
                "options": {"raw": {"language": "json"}},
            }
        elif mode == 1:
            body = {"mode": "urlencoded", "urlencoded": [{"key": text, "value": text}]}
        elif mode == 2:
            body = {
                "mode": "formdata",
                "formdata": [
                    {"key": text, "value": text, "type": "text"},
                    {"key": text, "type": "file", "src": text},
                ],
            }
        elif mode == 3:
            body = {
                "mode": "graphql",
                "graphql": {"query": text, "variables": json.dumps({"v": text})},
            }
        else:
            body = {"mode": "raw", "raw": text, "options": {"raw": {"language": "xml"}}}
        items.append({
            "name": text,
            "description": text,
            "event": [{"listen": "test", "script": {"exec": [
                "var jsonData = pm.response.json();",
                f"pm.collectionVariables.set({json.dumps(text)}, jsonData.token);",
            ]}}],
            "request": {
                "method": ["GET", "POST", text][n % 3] if text.strip() else "GET",
                "description": text,
                "header": [{"key": text or "X-Empty", "value": text, "description": text}],
                "url": {
                    "raw": f"{{{{base}}}}/{n}/:{'p'}?{text}={text}",
                    "host": ["{{base}}"],
                    "path": [str(n), ":p", text],
                    "query": [{"key": text, "value": text, "description": text}],
                    "variable": [{"key": "p", "value": text, "description": text}],
                },
                "body": body,
            },
            "response": [{
                "name": text, "code": 200, "status": text,
                "header": [{"key": "Content-Type", "value": "application/json"}, {"key": text, "value": text}],
                "body": json.dumps({text: [text]}),
                "originalRequest": {"method": "GET", "url": "{{base}}/x", "header": []},
            }],
        })  # fmt: skip
    folders = [
        {"name": text, "description": text, "item": items[i::6]}
        for i, text in enumerate(HOSTILE[:6])
    ]
    return {
        "info": {"name": f"Hostile {MARKER} {JINJA_CANARY}", "description": "\n\n".join(HOSTILE), "schema": SCHEMA},
        "variable": [{"key": "base", "value": "https://api.example.com"}]
        + [{"key": text, "value": text, "description": text} for text in HOSTILE],
        "item": folders,
    }  # fmt: skip


@pytest.fixture(scope="module")
def collection():  # type: ignore[no-untyped-def]
    model = import_json(kitchen_sink())
    assert model is not None, "the importer refused the kitchen-sink collection"
    return model


def test_every_operation_imported(collection) -> None:  # type: ignore[no-untyped-def]
    assert sum(1 for _ in collection.operations()) == len(HOSTILE)


@pytest.mark.parametrize(
    "name",
    [
        "client",
        "snippets",
        "docs",
    ],
)
def test_emitter_output_is_safe(collection, name: str) -> None:  # type: ignore[no-untyped-def]
    if name not in EMITTERS:
        pytest.skip(f"emitter {name} has not landed")
    files = format_files(
        EMITTERS[name](collection)
    )  # black + compile, as the writer gets it
    problems = file_violations(files) + secret_violations(files)
    assert not problems, "\n".join(problems[:30])
    assert not any(JINJA_RENDERED in text for text in files.values())
    assert all(".." not in Path(p).parts and not p.startswith("/") for p in files)


YAML_BREAKOUTS = [
    "x\nplugins: [evil]",
    "x: y",
    "!!python/object/apply:os.system ['touch Pwned_Q']",
    "&a [*a]",
    "'\"\n- - -",
    "# comment",
    "{{ 7*7 }}",
    "\x00\x1b[2J",
]


@pytest.mark.parametrize("name", YAML_BREAKOUTS)
def test_mkdocs_yaml_holds_names_as_data(name: str) -> None:
    """The mkdocs.yml a docs site is built from: hostile names stay YAML strings."""
    yaml = pytest.importorskip("yaml")
    if "docs" not in EMITTERS:
        pytest.skip("docs emitter has not landed")
    from pmgen.emitters import docs  # noqa: PLC0415

    doc = {
        "info": {"name": name, "schema": SCHEMA},
        "item": [
            {
                "name": name,
                "item": [
                    {"name": name, "request": {"method": "GET", "url": "https://e.x/"}}
                ],
            }
        ],
    }
    model = import_json(doc)
    assert model is not None
    config = yaml.safe_load(docs.emit(model, site="mkdocs")["mkdocs.yml"])
    assert isinstance(config, dict)
    assert "plugins" not in config or config["plugins"] != ["evil"]
    assert isinstance(config.get("site_name"), str)
    assert JINJA_RENDERED not in json.dumps(config)

    def titles(nav: object) -> list[object]:
        if isinstance(nav, list):
            return [t for entry in nav for t in titles(entry)]
        if isinstance(nav, dict):
            return [*nav.keys(), *(t for v in nav.values() for t in titles(v))]
        return []

    assert all(isinstance(t, str) for t in titles(config.get("nav", [])))


def test_snippets_keep_secret_form_fields_out() -> None:
    """Found by the fuzz run: emitters must not rely on the writer's scrub."""
    if "snippets" not in EMITTERS:
        pytest.skip("snippets emitter has not landed")
    canaries = [f"{SECRET_PREFIX}00000020{n}x" for n in range(2)]
    form = [{"key": "client_secret", "value": canaries[1], "type": "text"}]
    doc = {
        "info": {"name": "forms", "schema": SCHEMA},
        "item": [
            {"name": "login", "request": {"method": "POST", "url": "https://e.x/login",
             "body": {"mode": "urlencoded",
                      "urlencoded": [{"key": "password", "value": "Bearer " + canaries[0]}]}}},
            {"name": "form", "request": {"method": "POST", "url": "https://e.x/form",
             "body": {"mode": "formdata", "formdata": form}}},
        ],
    }  # fmt: skip
    model = import_json(doc)
    assert model is not None
    assert not secret_violations(EMITTERS["snippets"](model))
