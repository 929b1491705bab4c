"""The client files marked black-stable are exactly what black writes (real collections,
the seeds, hostile names and texts), and the layout helpers match black on edge cases.
"""

from __future__ import annotations

import json
from pathlib import Path

import black
import pytest

from pmgen import layout
from pmgen.emitters.client import emit
from pmgen.formatting import BLACK_MODE, black_changes, format_python, is_python
from pmgen.importer import load
from pmgen.render import pystr
from tests.client.projects import Case, all_cases
from tests.client.sample_collection import sample_collection
from tests.conftest import slow_unless
from tests.security.hostile import HOSTILE

CASES = all_cases()
# The default run: a spread of shapes (deep folders and long names, auth, seeds); `-m slow`: all
SAMPLED_CASES = {
    "sabre-booking-management",
    "twilio-nonstandard-items",
    "bruno-oauth2-grants",
    "seed/voximplant-kit",
}
SAMPLE = 150  # operations of a big collection in the default run


def _marked(files: dict[str, str]) -> dict[str, str]:
    stable = getattr(files, "stable", frozenset())
    return {path: files[path] for path in stable}


@pytest.mark.parametrize(
    "case",
    slow_unless(CASES, lambda c: c.label in SAMPLED_CASES),
    ids=[c.label for c in CASES],
)
def test_marked_files_are_black_stable(shared_dir: Path, case: Case) -> None:
    collection = case.load(SAMPLE if case.label in SAMPLED_CASES else None)
    files = emit(collection, package_name="pkg", reveal_secrets=False)
    marked = _marked(files)
    assert "pkg/_auth.py" in marked and "pkg/__init__.py" in marked
    resources = [p for p in files if p.startswith("pkg/resources/") and is_python(p)]
    assert (
        len([p for p in resources if p in marked]) >= len(resources) // 2
    )  # most skip black
    assert black_changes(marked) == []


def _hostile_collection(tmp_path: Path) -> object:
    data = sample_collection("http://127.0.0.1:1")
    items = []
    for n, text in enumerate(HOSTILE):
        items.append(
            {
                "name": text,
                "description": text,
                "item": [
                    {
                        "name": text
                        + " request with a rather long name that goes on " * (n % 3),
                        "description": text,
                        "request": {
                            "method": "POST",
                            "url": {
                                "raw": "{{base}}/:p?" + "q=1",
                                "host": ["{{base}}"],
                                "path": [":p"],
                                "query": [{"key": text, "value": text}],
                                "variable": [{"key": "p", "value": text}],
                            },
                            "body": {
                                "mode": "raw",
                                "raw": json.dumps({text: text}),
                                "options": {"raw": {"language": "json"}},
                            },
                        },
                    }
                ],
            }
        )
    data["item"] = [*data["item"], *items]  # type: ignore[list-item]
    src = tmp_path / "hostile.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    return load(str(src))


def test_hostile_texts_stay_black_stable(tmp_path: Path) -> None:
    files = emit(_hostile_collection(tmp_path), package_name="pkg", reveal_secrets=False)  # type: ignore[arg-type]
    marked = _marked(files)
    assert any(p.startswith("pkg/resources/") for p in marked)
    assert black_changes(marked) == []
    format_python(files)  # every file compiles, stable ones included


def test_verify_mode_accepts_the_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PMGEN_VERIFY_BLACK_STABLE", "1")
    monkeypatch.setenv("PMGEN_NO_CACHE", "1")
    files = emit(_hostile_collection(tmp_path), package_name="pkg", reveal_secrets=False)  # type: ignore[arg-type]
    format_python(files)  # raises if black would change a marked file


def _black(source: str) -> str:
    return black.format_str(source, mode=BLACK_MODE)


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "it's",
        'say "hi"',
        "both ' and \"",
        '"\'"',
        "a\\b",
        "\x1b\u202e",
        "'' \"",
    ],
)
def test_pystr_quotes_like_black(value: str) -> None:
    source = f"x = {pystr(value)}\n"
    assert _black(source) == source
    assert eval(pystr(value)) == value  # a literal we built


@pytest.mark.parametrize(
    "text",
    [
        "one line",
        '"quoted"',
        'ends with a quote"',
        "a\n\n  indented\n\tb\n",
        "x\\",
        "two\nlines",
        "first\n    all\n    indented",
        'has """ inside',
        "",
    ],
)
@pytest.mark.parametrize("indent", ["", "    ", "        "])
def test_doc_matches_black(text: str, indent: str) -> None:
    head = {
        "": "",
        "    ": "class A:\n",
        "        ": "class A:\n    def f(self) -> None:\n",
    }[indent]
    source = f"{head}{indent}{layout.doc(text, indent)}\n"
    assert _black(source) == source


@pytest.mark.parametrize("size", [5, 30, 60, 90])
def test_call_import_and_list_layouts_match_black(size: int) -> None:
    name = "N" * size
    source = "\n".join(
        [
            layout.import_from(".module_" + "m" * size, [name, "Async" + name]),
            "",
            layout.assign_list("__all__", [pystr(name), pystr("Async" + name)]),
            "",
            "",
            "def f() -> None:",
            layout.call("return self._resource", [pystr("attr"), name], "    "),
            "",
            "",
            "def g(",
            "    *,",
            layout.parameter(
                "body", f"{name} | JSONBody | NotGiven", "NOT_GIVEN", "    "
            ),
            ") -> None:",
            "    pass",
            "",
        ]
    )
    assert _black(source) == source
