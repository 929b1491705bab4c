"""The ten real v3 folders of ../shared/v3/real and the migrated recordings.

- every collection root imports with exactly as many requests as it holds HTTP request
  files (`http-request`, and `graphql-request` which becomes an HTTP POST) that parse,
  counted here independently with PyYAML's libyaml loader and FORMAT.md §2's recipe;
- `pmgen generate` works on each (one root per repository by default, all when slow);
- fiyn's v3 folder gives the same model as its v2.1 JSON export, and every migrated
  recording the same model as its v2.1 original, apart from FORMAT.md §16's losses.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from pmgen.importer import load
from pmgen.model import Collection
from tests.conftest import SHARED
from tests.importer.helpers import run_pmgen

HTTP_KINDS = {"http-request", "graphql-request"}


class Core12Loader(yaml.CSafeLoader):
    """FORMAT.md §2's recipe (independent of the importer's ruamel.yaml reader)."""


Core12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
]:
    Core12Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}",
        re.compile(_pattern),
        list(_first) + ([""] if _tag == "null" else []),
    )


def _real(shared: Path) -> Path:
    real = shared / "v3" / "real"
    if not real.is_dir():
        pytest.skip("../shared/v3/real is absent")
    return real


def _roots(repo_dir: Path) -> list[Path]:
    return sorted(p for p in repo_dir.glob("**/postman/collections/*") if p.is_dir())


def _parsing_http_files(root: Path) -> int:
    count = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not re.search(r"\.request\.ya?ml$", name, re.IGNORECASE):
                continue
            try:
                doc = yaml.load(
                    Path(dirpath, name).read_text("utf-8"), Loader=Core12Loader
                )
            except yaml.YAMLError:
                continue
            if isinstance(doc, dict) and doc.get("$kind") in HTTP_KINDS:
                count += 1
    return count


def _repos() -> list[str]:
    real = SHARED / "v3" / "real"
    return sorted(p.name for p in real.iterdir() if p.is_dir()) if real.is_dir() else []


@pytest.mark.parametrize("repo", _repos())
def test_real_folder_imports_every_http_request_that_parses(
    shared_dir: Path, repo: str
) -> None:
    roots = _roots(_real(shared_dir) / repo)
    assert roots
    total = 0
    for root in roots:
        collection = load(str(root))
        ops = len(list(collection.operations()))
        assert ops == _parsing_http_files(root), root
        total += ops
    features = _sources(shared_dir)[repo]
    kinds = dict(re.findall(r"([\w-]+):(\d+)", features.get("other_kinds", "")))
    assert total == int(features["http-request_parsed"]) + int(
        kinds.get("graphql-request", 0)
    )


def test_invalid_files_of_a_real_folder_are_reported(shared_dir: Path) -> None:
    root = (
        _real(shared_dir)
        / "AdguardTeam__HostlistCompiler/postman/collections/API - Cloudflare"
    )
    collection = load(str(root))
    invalid = [
        d for d in collection.diagnostics if d.message.startswith("invalid YAML")
    ]
    assert len(invalid) == 55
    assert all(re.search(r"\.request\.yaml:\d+:\d+$", d.location) for d in invalid)


def _sources(shared: Path) -> dict[str, dict[str, str]]:
    rows = (_real(shared) / "SOURCES.tsv").read_text("utf-8").splitlines()
    out = {}
    for row in rows[1:]:
        cells = row.split("\t")
        out[cells[0]] = dict(
            part.strip().split("=", 1) for part in cells[5].split(";") if "=" in part
        )
    return out


def _generate(root: Path, out: Path) -> None:
    result = run_pmgen("generate", str(root), "-o", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    assert (out / "client" / "pyproject.toml").is_file()
    if list(load(str(root)).operations()):
        assert any(p.is_file() for p in (out / "snippets").rglob("*"))
    assert (out / "docs").is_dir()


@pytest.mark.parametrize("repo", _repos())
def test_generate_works_on_each_real_folder(
    shared_dir: Path, tmp_path: Path, repo: str
) -> None:
    roots = [r for r in _roots(_real(shared_dir) / repo) if _parsing_http_files(r)]
    _generate(min(roots, key=_parsing_http_files), tmp_path / "out")


@pytest.mark.slow
@pytest.mark.parametrize("repo", _repos())
def test_generate_works_on_every_real_root(
    shared_dir: Path, tmp_path: Path, repo: str
) -> None:
    for index, root in enumerate(_roots(_real(shared_dir) / repo)):
        _generate(root, tmp_path / f"out{index}")


def _dump(collection: Collection) -> dict[str, Any]:
    data = collection.model_dump(
        mode="json", exclude={"source", "source_sha256", "diagnostics"}
    )
    data["info"].pop("format")
    return data


def test_fiyn_v3_folder_equals_its_v21_export(shared_dir: Path) -> None:
    repo = _real(shared_dir) / "fiyn__Restful-Booker-API-Testing"
    v21 = _dump(load(str(repo / "Postman Tutorial.postman_collection.json")))
    v3 = _dump(load(str(repo), collection_name="Postman Tutorial"))
    # §16: the migration wrote no root definition (no `id`), gives every example a body
    # type (`text` where v2.1 had no preview language) and drops `disableBodyPruning`
    # (which changes nothing on a request without a body).
    assert v21["info"].pop("postman_id") and v3["info"].pop("postman_id") is None
    for data in (v21, v3):
        for example in _examples(data):
            example["language"] = example["language"] or "text"
        for op in _operations(data):
            if _body(op) is None:
                op["protocol_profile_behavior"].pop("disableBodyPruning", None)
    assert v3 == v21


def _examples(data: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    stack = list(data["items"])
    while stack:
        item = stack.pop()
        stack.extend(item.get("items") or [])
        found.extend(item.get("examples") or [])
    return found


def _migrated() -> list[str]:
    table = SHARED / "v3" / "migrated" / "RECORDINGS.tsv"
    if not table.is_file():
        return []
    return [line.split("\t")[0] for line in table.read_text("utf-8").splitlines()[1:]]


def _normalise_losses(data: dict[str, Any]) -> None:
    """Blank what FORMAT.md §16 says the migration drops or changes (both sides)."""
    data["info"]["version"] = None
    for variable in data["variables"]:
        variable["type"] = None if variable["type"] != "secret" else "secret"
        variable["description"] = ""
    stack = list(data["items"])
    while stack:
        item = stack.pop()
        stack.extend(item.get("items") or [])
        if item["kind"] != "operation":
            continue
        behavior = item["protocol_profile_behavior"]
        behavior.pop("disableBodyPruning", None)
        _normalise_request(item["request"])
        for example in item["examples"]:
            if example["original_request"] is not None:
                _normalise_request(example["original_request"])
            example["code"] = example["code"] or 200
            example["status"] = example["status"] or "OK"
            example["language"] = (example["language"] or "text").lower()
            example["language"] = (
                "text"
                if example["language"] in ("plain", "raw")
                else example["language"]
            )
            example["body"] = example["body"] or None


@pytest.mark.parametrize("name", _migrated())
def test_migrated_folder_gives_the_model_of_its_v21_original(
    shared_dir: Path, name: str
) -> None:
    migrated = shared_dir / "v3" / "migrated"
    recording = dict(
        line.split("\t")
        for line in (migrated / "RECORDINGS.tsv").read_text("utf-8").splitlines()[1:]
    )[name]
    original = _dump(
        load(str((migrated / recording.strip() / "collection.json").resolve()))
    )
    v3 = _dump(load(str(migrated / name)))
    _normalise_losses(original)
    _normalise_losses(v3)
    v3_ops = {op["key"]: op for op in _operations(v3)}
    differing = []
    for op in _operations(original):
        other = v3_ops.get(op["key"])
        if (
            other is None
        ):  # §4: the file name lost trailing spaces; `name` was not written
            assert op["name"] != op["name"].strip(), op["key"]
            continue
        for field in ("method", "url", "headers", "auth_declared"):
            if op["request"][field] != other["request"][field]:
                differing.append((op["key"], field))
        if _body(op) != _body(other):
            differing.append((op["key"], "body"))
        for field in (
            "auth",
            "scripts",
            "inherited_scripts",
            "protocol_profile_behavior",
            "examples",
            "description",
        ):
            if op[field] != other[field]:
                differing.append((op["key"], field))
    assert not differing, differing[:10]
    assert original["variables"] == v3["variables"]
    assert original["auth"] == v3["auth"]


def _normalise_request(request: dict[str, Any]) -> None:
    """§16: null values of URL variables are written as "", an empty protocol as none;
    an empty or `{}` body as `text ''` (compared by `_body`)."""
    url = request["url"]
    url["protocol"] = url["protocol"] or None
    for variable in url["variables"]:
        variable["value"] = variable["value"] or ""
    request["body"] = _body({"request": request})


def _operations(data: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    stack = list(reversed(data["items"]))
    while stack:
        item = stack.pop()
        if item["kind"] == "operation":
            found.append(item)
        else:
            stack.extend(reversed(item["items"]))
    return found


def _body(op: dict[str, Any]) -> Any:
    """§8.2/§16: a v2.1 `body: {}` or an empty raw body is migrated to `text ''`; a raw
    body without language to `text`."""
    body = op["request"]["body"]
    if isinstance(body, str):  # already normalised
        return body
    if (
        body is None
        or (body["mode"] == "raw" and body["raw"] == "")
        or body.get("disabled")
    ):
        return None
    if body["mode"] == "raw" and body["language"] in (None, "text", "graphql"):
        body = {**body, "language": None}
    return json.dumps(body, sort_keys=True)
