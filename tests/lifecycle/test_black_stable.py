"""Black-stable files: emitters mark them, formatting only compiles them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmgen import formatting, pipeline
from pmgen.emitters import EMITTERS
from pmgen.errors import GeneratorBug
from pmgen.model import Collection, Info

UNFORMATTED = "x=[1,2 ,3]\n"  # black would rewrite it: shows whether black ran


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PMGEN_VERIFY_BLACK_STABLE", raising=False)
    monkeypatch.setattr(formatting, "_memory", {})


def test_stable_files_skip_black_others_do_not() -> None:
    files = formatting.BlackStable({"a.py": UNFORMATTED, "b.py": UNFORMATTED}, {"a.py"})
    out = formatting.format_python(files)
    assert out["a.py"] == UNFORMATTED
    assert out["b.py"] == "x = [1, 2, 3]\n"


def test_stable_files_still_must_compile() -> None:
    files = formatting.BlackStable({"pkg/a.py": "def f(:\n"}, {"pkg/a.py"})
    with pytest.raises(GeneratorBug) as info:
        formatting.format_python(files)
    assert info.value.where == "pkg/a.py:1"


def test_verify_mode_catches_a_file_wrongly_marked_stable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PMGEN_VERIFY_BLACK_STABLE", "1")
    good = formatting.BlackStable({"a.py": "x = [1, 2, 3]\n"}, {"a.py"})
    assert formatting.format_python(good) == {"a.py": "x = [1, 2, 3]\n"}
    bad = formatting.BlackStable({"a.py": UNFORMATTED}, {"a.py"})
    with pytest.raises(GeneratorBug, match="black-stable"):
        formatting.format_python(bad)


def test_black_changes_names_unstable_files() -> None:
    files = {"a.py": "x = 1\n", "b.py": UNFORMATTED, "c.md": UNFORMATTED}
    assert formatting.black_changes(files) == ["b.py"]


def test_each_part_is_formatted_with_its_marks_then_moved_under_its_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    emitted = formatting.BlackStable(
        {"a.py": UNFORMATTED, "b.py": UNFORMATTED}, {"a.py"}, notes=["a note"]
    )
    monkeypatch.setitem(EMITTERS, "client", lambda *_: emitted)
    collection = Collection(info=Info(name="Demo", format="v2.1.0"))
    out = pipeline.emit(collection, pipeline.Plan(parts={"client": "client"}))
    assert out == {"client/a.py": UNFORMATTED, "client/b.py": "x = [1, 2, 3]\n"}
    assert out.notes == ("a note",)


def test_a_masked_file_loses_its_mark() -> None:
    files = formatting.BlackStable(
        {"a.py": 'token = "s3cr3t-value"\n', "b.py": "x = 1\n"}, {"a.py", "b.py"}
    )
    out = pipeline.scrub(files, frozenset({"s3cr3t-value"}))
    assert "s3cr3t-value" not in out["a.py"]
    assert formatting.stable_paths(out) == {"b.py"}
