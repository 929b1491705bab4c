"""The fast reader of Postman's plain block YAML (`fastyaml`) against libyaml's events
(`yaml12._from_events`): each document either reads the same or falls back to the full
parser; the documents Postman writes must not fall back (that is the speed)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from pmgen.importer.v3 import fastyaml, yaml12
from pmgen.importer.v3.yaml12 import load_text


def _fast(text: str) -> Any:
    return fastyaml.load(text, yaml12._plain_scalar, 500)


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


POSTMAN = [
    "$kind: http-request\nmethod: GET\nurl: '{{baseUrl}}/a'\norder: 1000\n",
    "a: yes\nb: on\nc: 2024-01-01\nd: 1:20\ne: =\nf: 1_000\ng: 0x1F\nh: 0o17\n"
    "i: -1.5e3\nj: .inf\nk: -.Inf\nl: .nan\nm: ~\nn: null\no: TRUE\np: False\nq:\n",
    "headers:\n- key: Accept\n  value: application/json\n- disabled: true\n  key: X\n",
    "headers:\n  - key: A\n    value: b\n  - key: C\n    value: ''\nafter: 1\n",
    "a:\n  b:\n    c: 'it''s'\n  d: \"tab\\there \\\"q\\\" \\u00e9 \\x41 \\N\\L\\P\\_\\e\\0\\/\"\n",
    'v: "a\\\\ud800"\n',
    "code: |-\n  line 1\n\n    indented\n  end\nnext: x\n",
    "code: |\n  keep one\n\n\nnext: x\n",
    "code: |+\n  keep all\n\n\nnext: x\n",
    "code: |-\n  a\n      \n  b\n     \nnext: x\n",
    "d: >-\n  folded one\n  two\n\n  three\n    more\n  four\nn: 1\n",
    "d: >\n  folded\n   deep\n\n\n  x\nn: 1\n",
    "list:\n- plain\n- 'q'\n- \"d\"\n- 12\n- |-\n  block\n- x: 1\n  y:\n  - z\n",
    "e1: []\ne2: {}\n'quoted key': 1\n\"k\\tk\": 2\n200: OK\ntrue: t\nnull: n\n",
    "url: http://h/p?a=b#frag\nx: a#b\ny: -lives-match-1\nz: ?q\nw: :x\n",
    "dup: 1\ndup: 2\n",
    "a: 'x'   \nb: plain   \nc:    spaced\n",
    "name: café ünïcode ☃ \U0001f600\n",
    'b: "{\\r\n\n    \\  \\"id\\": \\"{{pnr}}\\"\\r\n\n    }"\nnext: 1\n',
    'b: "one\n  two  \n\n\n  three\\\n    four \\\n\n   five"\nn: 1\n',
    'l:\n- x: "a\n    b"\n  y: 1\n',
    'b: "tab\\t\n    \tlead\tin\t\n  end"\nn: 1\n',
    "code: |-\n  if (x) {\n  \t\ty();\n  }\nd: >-\n  a\n  \tb\n  c\nn: 1\n",
    'a: "multi\n  line"\n',
    "s:\r\n  x: 1\r\n",
]

ODD = [
    'u: "\\ud83d\\ude00"\n',  # surrogate escapes: libyaml's business
    "",
    "   \n\n",
    "- a\n- b\n",
    "just text\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: [1, 2]\n",
    "a: {b: 1}\n",
    "url: {{baseUrl}}/x\n",
    "a: b: c\n",
    "a: 1 # comment\n",
    "# comment\na: 1\n",
    "---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    "a: plain\n  continued\n",
    "a: 'multi\n  line'\n",
    "a: tab\there\n",
    "a:\n  - - x\n",
    "a: |2-\n    x\n",
    "a: |-\n x\nb: 1\n  c: 2\n",
    "a:\n   b: 1\n  c: 2\n",
    "a: \x07\n",
    "? a\n: b\n",
    "a:b\n",
    "a : 1\n",
    "k: 'unclosed\n",
    'k: "bad \\q escape"\n',
    "x: -\n",
    "a: |-\n      \n  x\n",
    "a: |\n  no final break",
    'a: "multi\nshallow"\n',
    'a:\n  b: "x\n  y"\n',
    'a: "escaped space \\ \n  x"\n',
    'a: "unclosed\n  x\n',
    'a: "x\n  y" trailing\n',
    "a: |-\n\tx\n",
    "a: |-\n  \tx\n",
    "code: |-\n  \tif (x) {\n  }\n",
    "\ta: 1\n",
    "a:\tb\n",
    "\ufeffa: 1\n",
    "a: 1\n  b: 2\n",
    "a:\n- 1\nb: 2\n- 3\n",
]


@pytest.mark.parametrize("text", POSTMAN + ODD)
def test_same_as_libyaml_or_falls_back(text: str) -> None:
    try:
        expected: Any = ("ok", yaml12._from_events(text, 500))
    except Exception as exc:  # noqa: BLE001 - compared by kind only
        expected = ("error", type(exc).__name__)
    try:
        got = _fast(text)
    except fastyaml.Fallback:
        return
    assert expected[0] == "ok", f"fast reader accepted what libyaml refuses: {text!r}"
    assert _same(got, expected[1]), (got, expected[1])


@pytest.mark.parametrize("text", POSTMAN[:-1])
def test_postman_shapes_take_the_fast_path(text: str) -> None:
    _fast(text)  # raises Fallback when not


@pytest.mark.parametrize("text", ODD)
def test_the_rest_falls_back(text: str) -> None:
    with pytest.raises(fastyaml.Fallback):
        _fast(text)


def test_yaml12_strings_stay_strings_through_load_text() -> None:
    value = load_text("a: yes\nb: 2024-01-01\nc: 1:20\nd: =\ne: on\nf: '1'\ng: 1\n")
    assert value == {"a": "yes", "b": "2024-01-01", "c": "1:20", "d": "=", "e": "on",
                     "f": "1", "g": 1}  # fmt: skip


def test_nesting_limit_is_left_to_the_full_parser() -> None:
    deep = "".join(" " * i + f"k{i}:\n" for i in range(8)) + " " * 8 + "v: 1\n"
    with pytest.raises(fastyaml.Fallback):
        fastyaml.load(deep, yaml12._plain_scalar, 5)
    with pytest.raises(yaml12.YamlProblem):
        load_text(deep, max_depth=5)
