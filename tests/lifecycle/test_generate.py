"""`pmgen generate` regeneration lifecycle (with the tiny emitter from conftest)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pmgen import manifest as mf
from pmgen.cli import cli
from tests.lifecycle.conftest import request, write_collection

pytestmark = pytest.mark.usefixtures("fake_emitters")


def pmgen(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def mtimes(root: Path) -> dict[str, int]:
    return {
        str(p.relative_to(root)): p.stat().st_mtime_ns
        for p in root.rglob("*")
        if p.is_file()
    }


def age(root: Path) -> None:
    """Move every mtime into the past, so any rewrite is visible whatever the clock."""
    for p in root.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(10**9, 10**9))


@pytest.fixture
def three(tmp_path: Path) -> Path:
    return write_collection(
        tmp_path / "api.json",
        [
            request("List users"),
            request("Get user", path="users/:id"),
            request("Delete user", "DELETE"),
        ],
    )


def test_no_change_rerun_writes_nothing(three: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = pmgen("generate", str(three), "-o", str(out), "--date", "2024-05-01")
    assert first.exit_code == 0, first.output
    assert "first generation, 3 requests" in first.output
    assert (out / "client/ops/list_users.py").is_file()
    assert "## 2024-05-01: Demo API" in (out / "docs/CHANGELOG.md").read_text()
    age(out)
    before = mtimes(out)
    again = pmgen("generate", str(three), "-o", str(out), "--date", "2024-05-02")
    assert again.exit_code == 0
    assert "up to date" in again.output
    assert mtimes(out) == before


def test_one_request_change_rewrites_only_its_files_and_logs_it(
    three: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    pmgen("generate", str(three), "-o", str(out), "--date", "2024-05-01")
    age(out)
    before = mtimes(out)
    write_collection(
        three,
        [
            request("List users", query=[{"key": "limit", "value": "10"}]),
            request("Get user", "POST", path="users/:id"),
            request("Delete user", "DELETE"),
        ],
    )
    result = pmgen("generate", str(three), "-o", str(out), "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    after = mtimes(out)
    changed = sorted(p for p in after if after[p] != before.get(p))
    assert changed == sorted(
        [
            ".pmgen-api.json",
            ".pmgen.json",
            "client/ops/get_user.py",
            "client/ops/list_users.py",
            "docs/CHANGELOG.md",
        ]
    )
    log = (out / "docs/CHANGELOG.md").read_text()
    assert log.index("## 2024-06-01") < log.index("## 2024-05-01")  # newest first
    assert "method GET → POST (breaking)" in log
    assert "query parameter `limit` added" in log
    assert "2 changed (1 breaking)" in result.output


def test_removed_request_files_disappear_and_user_file_survives(
    three: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    pmgen("generate", str(three), "-o", str(out), "--date", "2024-05-01")
    (out / "client/ops/my_helper.py").write_text("# mine\n")
    (out / "NOTES.md").write_text("mine\n")
    write_collection(
        three, [request("List users"), request("Get user", path="users/:id")]
    )
    result = pmgen("generate", str(three), "-o", str(out), "--date", "2024-06-01")
    assert result.exit_code == 0
    assert not (out / "client/ops/delete_user.py").exists()
    assert (out / "client/ops/my_helper.py").read_text() == "# mine\n"
    assert (out / "NOTES.md").read_text() == "mine\n"
    assert (
        "DELETE Delete user **(breaking)**" in (out / "docs/CHANGELOG.md").read_text()
    )
    assert (
        "client/ops/delete_user.py"
        not in json.loads((out / mf.MANIFEST_NAME).read_text())["files"]
    )


def test_hand_edited_file_is_reported_not_overwritten(
    three: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    pmgen("generate", str(three), "-o", str(out), "--date", "2024-05-01")
    edited = out / "client/ops/get_user.py"
    edited.write_text("# my fix\n")
    write_collection(
        three, [request("List users"), request("Get user", "PUT", path="users/:id")]
    )
    result = CliRunner().invoke(cli, ["generate", str(three), "-o", str(out)])
    assert result.exit_code == 0
    assert (
        "kept client/ops/get_user.py: edited by hand (use --force to overwrite)"
        in result.output
    )
    assert edited.read_text() == "# my fix\n"
    forced = pmgen("generate", str(three), "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert "PUT" in edited.read_text()


def test_check_exit_codes(three: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = pmgen("generate", str(three), "-o", str(out), "--check")
    assert first.exit_code == 1 and not out.exists()
    assert "would change: client/ops/list_users.py (new)" in first.output
    pmgen("generate", str(three), "-o", str(out))
    assert pmgen("generate", str(three), "-o", str(out), "--check").exit_code == 0
    write_collection(three, [request("List users")])
    age(out)
    before = mtimes(out)
    stale = pmgen("generate", str(three), "-o", str(out), "--check")
    assert stale.exit_code == 1
    assert "would change: client/ops/delete_user.py (removed)" in stale.output
    assert mtimes(out) == before


def test_config_file_makes_generate_alone_regenerate(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    (project / "pmgen.toml").write_text(
        f'source = {json.dumps(str(three))}\noutput = "gen"\n[generate]\ndate = "2024-07-01"\n'
    )
    monkeypatch.chdir(project)
    result = pmgen("generate")
    assert result.exit_code == 0, result.output
    assert "## 2024-07-01" in (project / "gen/docs/CHANGELOG.md").read_text()
    # the command line overrides the file
    other = pmgen("generate", "-o", "elsewhere")
    assert other.exit_code == 0 and (project / "elsewhere/.pmgen.json").is_file()


def test_pyproject_tool_table_and_unknown_keys(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n[tool.pmgen]\nsource = {json.dumps(str(three))}\noutput = "gen"\n'
    )
    monkeypatch.chdir(tmp_path)
    assert pmgen("generate").exit_code == 0
    assert (tmp_path / "gen/.pmgen.json").is_file()
    (tmp_path / "pmgen.toml").write_text("[generate]\nfrobnicate = 1\n")
    result = CliRunner().invoke(cli, ["generate"])
    assert result.exit_code != 0
    assert "unknown option 'frobnicate' for `pmgen generate`" in str(result.exception)


def test_missing_output_is_a_usage_error(three: Path) -> None:
    result = CliRunner().invoke(cli, ["generate", str(three)])
    assert result.exit_code != 0
    assert "missing -o/--output" in str(result.exception)


def test_explicit_config_resolves_paths_against_its_folder(
    three: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conf_dir = tmp_path / "conf"
    conf_dir.mkdir()
    (conf_dir / "api.json").write_text(three.read_text())
    (conf_dir / "settings.toml").write_text(
        'source = "api.json"\noutput = "gen"\n[var]\nbase = "https://x.example"\n'
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = pmgen("generate", "--config", str(conf_dir / "settings.toml"))
    assert result.exit_code == 0, result.output
    assert (conf_dir / "gen/.pmgen.json").is_file()
    assert not (elsewhere / "gen").exists()


def test_hand_edited_changelog_keeps_the_edit_and_gets_the_entry(
    three: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    pmgen("generate", str(three), "-o", str(out), "--date", "2024-05-01")
    log = out / "docs/CHANGELOG.md"
    log.write_text(log.read_text() + "\nNote from the team: v1 is frozen.\n")
    write_collection(three, [request("List users")])
    result = pmgen("generate", str(three), "-o", str(out), "--date", "2024-06-01")
    assert "kept" not in result.output
    text = log.read_text()
    assert "Note from the team: v1 is frozen." in text
    assert "## 2024-06-01" in text and "2 removed" in result.output
