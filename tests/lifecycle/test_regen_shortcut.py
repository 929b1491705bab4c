"""The regeneration shortcut: same inputs and untouched files -> "up to date" without
loading or emitting; anything that could change the output -> the full run."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pmgen import manifest as mf
from pmgen import pipeline
from pmgen.cli import cli
from pmgen.commands import generate
from tests.lifecycle.conftest import request, write_collection

pytestmark = pytest.mark.usefixtures("fake_emitters")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PMGEN_NO_CACHE", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The sources `generate` loaded: empty when the shortcut answered."""
    seen: list[str] = []
    real: Callable[..., Any] = pipeline.load

    def counting(source: str | None, options: Any) -> Any:
        seen.append(str(source))
        return real(source, options)

    monkeypatch.setattr(pipeline, "load", counting)
    yield seen


@pytest.fixture
def api(tmp_path: Path) -> Path:
    token = {"key": "Authorization", "value": "Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc"}
    return write_collection(
        tmp_path / "api.json",
        [request("List users", header=[token]), request("Get user", path="users/:id")],
    )


def pmgen(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def first_then_again(
    api: Path, out: Path, loads: list[str], *extra: str
) -> tuple[Result, Result]:
    first = pmgen("generate", str(api), "-o", str(out), *extra)
    assert first.exit_code == 0, first.output
    assert len(loads) == 1
    again = pmgen("generate", str(api), "-o", str(out), *extra)
    assert again.exit_code == 0, again.output
    return first, again


def test_unchanged_inputs_skip_load_and_emit(
    api: Path, tmp_path: Path, loads: list[str]
) -> None:
    out = tmp_path / "out"
    first, again = first_then_again(api, out, loads)
    assert len(loads) == 1  # the second run never loaded the collection
    files = len(json.loads((out / mf.MANIFEST_NAME).read_text())["files"])
    assert f"{out}: up to date ({files} files)" in again.output
    # the secret warning is printed again, as a full run would
    warning = [line for line in first.output.splitlines() if "credential" in line]
    assert warning and warning[0] in again.output
    assert "sk_live_4eC39HqLyjWDarjtT1zdp7dc" not in again.output
    check = pmgen("generate", str(api), "-o", str(out), "--check")
    assert check.exit_code == 0 and f"{out}: up to date" in check.output
    assert len(loads) == 1


def test_the_shortcut_agrees_with_a_full_run(
    api: Path, tmp_path: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first_then_again(api, out, loads)
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")  # no record: the full pipeline runs
    full = pmgen("generate", str(api), "-o", str(out))
    assert len(loads) == 2
    assert "up to date" in full.output


@pytest.mark.parametrize(
    "change",
    [
        "source",
        "style option",
        "name option",
        "reveal option",
        "var",
        "date",
        "file edited",
        "file deleted",
        "manifest edited",
        "snapshot deleted",
        "pending manifest",
        "pmgen code",
        "force",
    ],
)
def test_anything_that_can_change_the_output_runs_in_full(
    change: str,
    api: Path,
    tmp_path: Path,
    loads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    first_then_again(api, out, loads)
    assert len(loads) == 1
    extra: list[str] = []
    if change == "source":
        write_collection(api, [request("List users"), request("Get user", "POST")])
    elif change == "style option":
        extra = ["--style", "curl"]
    elif change == "name option":
        extra = ["--name", "other_client"]
    elif change == "reveal option":
        extra = ["--reveal-secrets"]
    elif change == "var":
        extra = ["--var", "base=https://x.example"]
    elif change == "date":
        extra = ["--date", "2024-01-02"]
    elif change == "file edited":
        (out / "client/ops/get_user.py").write_text("# my fix\n")
    elif change == "file deleted":
        (out / "client/ops/get_user.py").unlink()
    elif change == "manifest edited":
        text = (out / mf.MANIFEST_NAME).read_text()
        (out / mf.MANIFEST_NAME).write_text(text.replace('"files"', '"files" ', 1))
    elif change == "snapshot deleted":
        (out / mf.SNAPSHOT_NAME).unlink()
    elif change == "pending manifest":
        (out / mf.PENDING_NAME).write_text((out / mf.MANIFEST_NAME).read_text())
    elif change == "pmgen code":
        monkeypatch.setattr(mf, "code_sha256", lambda: "a newer pmgen")
    elif change == "force":
        extra = ["--force"]
    result = pmgen("generate", str(api), "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    assert len(loads) == 2, f"{change}: the shortcut skipped a run it must not skip"
    if change == "file deleted":
        assert (out / "client/ops/get_user.py").is_file()
    if change == "file edited":
        assert "edited by hand" in result.output


def test_env_file_and_templates_dir_are_inputs(
    api: Path, tmp_path: Path, loads: list[str]
) -> None:
    env = tmp_path / "dev.postman_environment.json"
    values = [{"key": "base", "value": "https://dev.example", "enabled": True}]
    env.write_text(json.dumps({"name": "dev", "values": values}))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "extra.jinja").write_text("one\n")
    out = tmp_path / "out"
    args = ("--env", str(env), "--templates", str(templates))
    first_then_again(api, out, loads, *args)
    assert len(loads) == 1
    values[0]["value"] = "https://staging.example"
    env.write_text(json.dumps({"name": "dev", "values": values}))
    pmgen("generate", str(api), "-o", str(out), *args)
    assert len(loads) == 2
    pmgen("generate", str(api), "-o", str(out), *args)
    assert len(loads) == 2  # recorded again after the full run
    (templates / "extra.jinja").write_text("two\n")
    pmgen("generate", str(api), "-o", str(out), *args)
    assert len(loads) == 3


def test_a_refused_file_is_reported_on_every_run(
    api: Path, tmp_path: Path, loads: list[str]
) -> None:
    """A file pmgen did not write in the way of one it generates: never on record."""
    out = tmp_path / "out"
    (out / "client/ops").mkdir(parents=True)
    (out / "client/ops/get_user.py").write_text("# mine\n")
    for _ in range(2):
        result = pmgen("generate", str(api), "-o", str(out))
        assert "kept client/ops/get_user.py" in result.output
    assert len(loads) == 2


def test_stdin_source_always_runs_in_full(
    api: Path, tmp_path: Path, loads: list[str]
) -> None:
    out = tmp_path / "out"
    for _ in range(2):
        result = CliRunner().invoke(
            cli, ["generate", "-", "-o", str(out)], input=api.read_text()
        )
        assert result.exit_code == 0, result.output
    assert len(loads) == 2


def test_tree_hash_sees_names_and_contents(tmp_path: Path) -> None:
    (tmp_path / "a.jinja").write_text("x")
    before = mf.tree_sha256(tmp_path)
    os.rename(tmp_path / "a.jinja", tmp_path / "b.jinja")
    renamed = mf.tree_sha256(tmp_path)
    (tmp_path / "b.jinja").write_text("y")
    assert len({before, renamed, mf.tree_sha256(tmp_path)}) == 3


def test_an_edit_keeping_size_and_mtime_is_caught_while_racy(
    api: Path, tmp_path: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Size, mtime and inode are trusted only outside the racy window after the record
    (an edit in the same clock tick as pmgen's write keeps all three)."""
    monkeypatch.setattr(mf, "RACY_NS", 10**12)  # everything was written "just now"
    monkeypatch.setattr(mf, "RACY_COARSE_NS", 10**12)
    out = tmp_path / "out"
    first_then_again(api, out, loads)
    assert len(loads) == 1  # racy files are hashed, and they match: still up to date
    target = out / "client/ops/get_user.py"
    before = target.stat()
    text = target.read_text()
    with target.open("r+") as handle:  # in place: same inode, same size
        handle.write("#" + text[1:])
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = pmgen("generate", str(api), "-o", str(out))
    assert len(loads) == 2 and "edited by hand" in result.output


def test_a_touched_file_is_hashed_and_the_record_refreshed(
    api: Path, tmp_path: Path, loads: list[str]
) -> None:
    out = tmp_path / "out"
    first_then_again(api, out, loads)
    os.utime(out / "client/ops/get_user.py", ns=(10**9, 10**9))  # content unchanged
    again = pmgen("generate", str(api), "-o", str(out))
    assert len(loads) == 1 and "up to date" in again.output
    record = mf.recorded_run(out, _fingerprint_of(api, out))
    assert record is not None
    assert record.stats()["client/ops/get_user.py"][1] == 10**9  # refreshed


def _fingerprint_of(api: Path, out: Path) -> str:
    job = generate.GenerateJob.from_kwargs(
        {"source": str(api), "output": str(out), "style": (), "name": None,
         "reveal_secrets": False, "templates": None, "site": None, "only": ()}
    )  # fmt: skip
    found = job.fingerprint()
    assert found is not None
    return found


def test_a_directory_swapped_for_a_symlink_is_not_trusted(
    api: Path, tmp_path: Path, loads: list[str]
) -> None:
    out = tmp_path / "out"
    first_then_again(api, out, loads)
    moved = tmp_path / "elsewhere"
    (out / "client/ops").rename(moved)
    (out / "client/ops").symlink_to(moved)  # same files, same inodes, same mtimes
    result = CliRunner().invoke(cli, ["generate", str(api), "-o", str(out)])
    assert len(loads) == 2  # the full run looked, and refused to write through it
    assert result.exit_code != 0 and "symlink" in str(result.exception)


def test_one_record_per_output_directory(
    api: Path, tmp_path: Path, loads: list[str]
) -> None:
    """Only a directory's latest state can match again: older records are dropped."""
    out = tmp_path / "out"
    for version in range(3):
        write_collection(api, [request(f"Op {n}") for n in range(version + 1)])
        assert pmgen("generate", str(api), "-o", str(out)).exit_code == 0
    other = tmp_path / "other"
    assert pmgen("generate", str(api), "-o", str(other)).exit_code == 0
    records = [
        p for p in (tmp_path / "cache" / mf.REGEN_CACHE).rglob("*") if p.is_file()
    ]
    assert len(records) == 2  # one for `out`, one for `other`
    pmgen("generate", str(api), "-o", str(out))
    pmgen("generate", str(api), "-o", str(other))
    assert len(loads) == 4  # both answered from their own record
