"""The YAML 1.2 reading (FORMAT.md §2): strings Postman leaves unquoted stay strings."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmgen.importer.v3 import yaml12
from pmgen.importer.v3.yaml12 import YamlProblem, load_text


@pytest.mark.parametrize(
    "plain",
    ["yes", "no", "on", "off", "Y", "n", "2024-01-01", "2024-01-01T10:00:00Z",
     "1:20", "1_000", "=", "0b11", "<<", "Yes", "ON"],
)  # fmt: skip
def test_yaml11_specials_stay_strings(plain: str) -> None:
    assert load_text(f"v: {plain}\n") == {"v": plain}


@pytest.mark.parametrize(
    ("source", "value"),
    [("true", True), ("False", False), ("123", 123), ("-5", -5), ("0x1F", 31),
     ("0o17", 15), ("1.5", 1.5), ("1e3", 1000.0), ("~", None), ("null", None), ("", None)],
)  # fmt: skip
def test_core_schema_types(source: str, value: object) -> None:
    assert load_text(f"v: {source}\n") == {"v": value}


@pytest.mark.parametrize(
    "quoted",
    ['"true"', '"123"', '"0x1F"', '"null"', '"~"', "'1e3'", '"{{v}}"', '"a: b"'],
)
def test_quoted_scalars_are_never_resolved(quoted: str) -> None:
    assert load_text(f"v: {quoted}\n") == {"v": quoted[1:-1]}


def test_raw_tab_inside_a_plain_value() -> None:
    assert load_text("v: tab\there\n") == {"v": "tab\there"}


def test_raw_tab_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml12, "_FAST", False)
    assert load_text("v: tab\there\nw: x\n") == {"v": "tab\there", "w": "x"}


def test_block_scalars_and_crlf_escapes() -> None:
    text = 'a: |-\n  line 1\n  line 2\nb: "x\\r\\ny"\nc: >-\n  folded\n  text\n'
    assert load_text(text) == {"a": "line 1\nline 2", "b": "x\r\ny", "c": "folded text"}


def test_invalid_yaml_names_line_and_column() -> None:
    with pytest.raises(YamlProblem) as caught:
        load_text("$kind: http-request\nurl: {{baseUrl}}/x\n")
    assert caught.value.line == 2
    assert caught.value.column > 0


def test_aliases_of_containers_are_refused() -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    with pytest.raises(YamlProblem, match="aliases"):
        load_text(bomb)


def test_nesting_is_bounded() -> None:
    with pytest.raises(YamlProblem, match="deeply"):
        load_text("v: " + "[" * 60 + "]" * 60 + "\n", max_depth=50)


def test_explicit_tags_become_text() -> None:
    value = load_text("a: !!binary aGk=\nb: !!timestamp 2024-01-01\nc: !!int '7'\n")
    assert value["b"] == "2024-01-01"
    assert isinstance(value["a"], str) and isinstance(value["c"], str)


@pytest.mark.parametrize("source", ["a: *x\n", "a: &x [1]\nb: *x\n"])
def test_aliases_refused_with_their_place(source: str) -> None:
    with pytest.raises(YamlProblem, match="aliases") as caught:
        load_text(source)
    assert caught.value.line >= 1


def test_multiple_documents_refused() -> None:
    with pytest.raises(YamlProblem):
        load_text("a: 1\n---\nb: 2\n")


def test_empty_and_scalar_documents() -> None:
    assert load_text("") is None
    assert load_text("just text\n") == "just text"
    assert load_text("- [a, {b: c}]\n- .inf\n- -.INF\n- 0x1f\n") == [
        ["a", {"b": "c"}],
        float("inf"),
        float("-inf"),
        31,
    ]


def test_event_reader_equals_ruamel_constructor_on_real_files(shared_dir: Path) -> None:
    """The fast event path and ruamel's own constructor (with the same 1.2 resolver)
    read every YAML file of ../shared/v3 alike."""
    if not yaml12._FAST:
        pytest.skip("ruamel.yaml.clib is not installed")
    compared = 0
    for path in sorted((shared_dir / "v3").rglob("*.y*ml")):
        text = path.read_text("utf-8")
        try:
            slow = yaml12.plain(yaml12._load(text), 500)
        except YamlProblem:
            with pytest.raises(YamlProblem):
                load_text(text)
            continue
        assert load_text(text) == slow, path
        compared += 1
    assert compared > 1000


def test_non_string_keys_become_text() -> None:
    assert load_text("2: a\ntrue: b\n") == {"2": "a", "true": "b"}


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_yaml11_line_breaks_are_characters(char: str) -> None:
    """YAML 1.2 (what Postman writes) has no NEL/LS/PS line breaks; libyaml follows 1.1."""
    text = f"plain: a{char}b\nquoted: 'c{char}d'\nblock: |-\n  e{char}f\nk{char}: v\n"
    assert load_text(text) == {
        "plain": f"a{char}b",
        "quoted": f"c{char}d",
        "block": f"e{char}f",
        f"k{char}": "v",
    }
