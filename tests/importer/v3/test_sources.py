"""SOURCE forms: a v3 folder, a workspace folder (`--collection`), v3 environment and
globals YAML (`--env`, `--globals`, `--environment NAME`), and bad input: one clear line,
non-zero exit, the rest of the collection imported when one file is bad."""

# ruff: noqa: E501  (YAML fixtures stay one line per file: easier to read than split)

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pmgen.errors import InputError, UsageError
from pmgen.importer import load
from tests.importer.helpers import run_pmgen
from tests.importer.v3.helpers import load_tree, request_yaml, write_tree


def _workspace(root: Path) -> Path:
    return write_tree(root, {
        "postman/collections/Shop/.resources/definition.yaml": "$kind: collection\nname: Shop API\n",
        "postman/collections/Shop/List.request.yaml": request_yaml("url: '{{base}}/items'\n"),
        "postman/collections/Admin/Users/Get.request.yaml": request_yaml("url: '{{base}}/users'\n"),
        "postman/environments/Staging.environment.yaml": """
            name: Staging
            values:
              - key: base
                value: https://staging.example.com
                enabled: true
              - key: flag
                value: yes
              - key: when
                value: 2024-01-01
              - key: off
                value: x
                enabled: false
              - key: token
                value: s3cr3t-token
                type: secret
            color: 120
            """,
        "postman/environments/Prod.environment.yaml": "name: Prod\nvalues:\n  - key: base\n    value: https://example.com\n",
        "postman/globals/workspace.globals.yaml": "name: Globals\nvalues:\n  - key: g\n    value: on\n",
        ".postman/resources.yaml": "irrelevant: true\n",
    })  # fmt: skip


def test_folder_source_through_the_cli(tmp_path: Path) -> None:
    write_tree(tmp_path / "c", {"a.request.yaml": request_yaml("url: http://x/a\n")})
    result = run_pmgen("inspect", str(tmp_path / "c"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("c  (v3.0.0, 1 requests, 0 folders)")


def test_workspace_with_several_collections_lists_them(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "repo")
    result = run_pmgen("inspect", str(ws))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "--collection NAME" in result.stderr
    assert "'Admin', 'Shop'" in result.stderr


def test_workspace_pick_by_name_and_environment_by_name(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "repo")
    c = load(str(ws), collection_name="Shop", environment="Staging")
    assert c.info.name == "Shop API"
    assert c.environment == "Staging"
    env = next(e for e in c.environments if e.name == "Staging")
    got = {v.key: (v.value, v.disabled) for v in env.values}
    assert got["flag"] == ("yes", False)
    assert got["when"] == ("2024-01-01", False)
    assert got["off"] == ("x", True)
    assert next(v for v in env.values if v.key == "token").secret
    result = run_pmgen("inspect", str(ws), "--collection", "Nope")
    assert result.returncode == 2 and "known: 'Admin', 'Shop'" in result.stderr


def test_collection_root_inside_a_workspace_finds_its_environments(
    tmp_path: Path,
) -> None:
    ws = _workspace(tmp_path / "repo")
    c = load(str(ws / "postman/collections/Admin"), environment="Prod")
    assert c.environment == "Prod"
    assert [op.key for op in c.operations()] == ["Users / Get"]
    with pytest.raises(UsageError, match=r"known: .*'Prod'"):
        load(str(ws / "postman/collections/Admin"), environment="Missing")


def test_env_and_globals_yaml_files(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "repo")
    c = load(
        str(ws / "postman/collections/Shop"),
        env_files=[str(ws / "postman/environments/Prod.environment.yaml")],
        globals_files=[str(ws / "postman/globals/workspace.globals.yaml")],
    )
    assert c.environment == "Prod"
    assert [(g.key, g.value) for g in c.globals] == [("g", "on")]


def test_bad_environment_yaml_names_file_and_line(tmp_path: Path) -> None:
    write_tree(tmp_path, {"c/a.request.yaml": request_yaml("url: x\n"),
                          "bad.environment.yaml": "name: x\nvalues:\n  - key: a\n    value: {{v}}\n"})  # fmt: skip
    result = run_pmgen(
        "inspect", str(tmp_path / "c"), "--env", str(tmp_path / "bad.environment.yaml")
    )
    assert result.returncode == 1
    assert f"{tmp_path / 'bad.environment.yaml'}:4:" in result.stderr
    assert result.stderr.count("\n") == 1


def test_folder_without_a_collection_is_one_clear_line(tmp_path: Path) -> None:
    write_tree(tmp_path / "empty", {"readme.md": "# nothing\n", "x.json": "{}"})
    result = run_pmgen("generate", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip().endswith("no Postman collection in this folder "
                                          "(no *.request.yaml files, no .resources/definition.yaml, "
                                          "no postman/collections/)")  # fmt: skip
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_a_lone_request_file_is_not_a_collection(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.request.yaml": request_yaml("url: x\n")})
    with pytest.raises(InputError, match="pass the collection's folder"):
        load(str(tmp_path / "a.request.yaml"))


def test_invalid_yaml_is_skipped_with_file_line_and_column(tmp_path: Path) -> None:
    c = load_tree(tmp_path, {
        "good.request.yaml": request_yaml("url: http://x/good\n"),
        "F/bad.request.yaml": request_yaml("method: GET\nurl: {{baseUrl}}/x\n"),
        "F/ok.request.yaml": request_yaml("url: http://x/ok\n"),
    })  # fmt: skip
    assert [op.key for op in c.operations()] == ["F / ok", "good"]
    warning = next(d for d in c.diagnostics if "invalid YAML" in d.message)
    assert warning.level == "warning"
    assert warning.location.startswith("F/bad.request.yaml:3:")


def test_other_protocols_are_listed_and_skipped(tmp_path: Path) -> None:
    c = load_tree(tmp_path, {
        "http.request.yaml": request_yaml("url: http://x/\n"),
        "ws.request.yaml": request_yaml("url: ws://x/\n", kind="websocket-request"),
        "rpc.request.yaml": request_yaml("url: x:443\nmethodPath: a.B/C\n", kind="grpc-request"),
        "kindless.request.yaml": "url: http://x/\n",
        ".resources/inside.request.yaml": request_yaml("url: http://x/ignored\n"),
    })  # fmt: skip
    assert [op.name for op in c.operations()] == ["http"]
    infos = {d.location: d.message for d in c.diagnostics if d.level == "info"}
    assert (
        infos["ws.request.yaml"] == "websocket-request is not an HTTP request: skipped"
    )
    assert infos["rpc.request.yaml"] == "grpc-request is not an HTTP request: skipped"
    assert "kindless.request.yaml" in infos
    summary = next(d for d in c.diagnostics if "other protocols" in d.message)
    assert (
        "1 grpc-request" in summary.message and "1 websocket-request" in summary.message
    )


def test_symlinks_pointing_outside_are_refused(tmp_path: Path) -> None:
    outside = write_tree(tmp_path / "outside", {
        "secret.request.yaml": request_yaml("url: http://x/secret\n"),
        "dir/s2.request.yaml": request_yaml("url: http://x/s2\n"),
    })  # fmt: skip
    root = write_tree(
        tmp_path / "c", {"a.request.yaml": request_yaml("url: http://x/a\n")}
    )
    os.symlink(outside / "secret.request.yaml", root / "link.request.yaml")
    os.symlink(outside / "dir", root / "linkdir")
    os.symlink(root / "a.request.yaml", root / "inner.request.yaml")
    c = load(str(root))
    assert sorted(op.name for op in c.operations()) == ["a", "inner"]
    refused = {d.location for d in c.diagnostics if "outside" in d.message}
    assert refused == {"link.request.yaml", "linkdir"}


def test_the_collections_folder_of_a_workspace_is_the_workspace(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "repo")
    c = load(str(ws / "postman" / "collections"), collection_name="Admin")
    assert [op.key for op in c.operations()] == ["Users / Get"]
    with pytest.raises(UsageError, match="holds 2 collections"):
        load(str(ws / "postman" / "collections"))
