"""Snippet files: compile / bash -n / black-stable, secrets kept out, index.json shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import black
import pytest

from pmgen.emitters.snippets import emit, resolve_styles
from pmgen.formatting import format_python
from pmgen.importer import load
from pmgen.wire import build_request, literal
from pmgen.wire.jsonc import strip_json_comments
from pmgen.wire.url import PARAM_VALUE_SET, PATH_SET, percent_encode

CANARY = "c1a2b3-example-token"


@pytest.fixture(scope="module")
def carrierx(seed_dir: Path) -> dict[str, str]:
    collection = load(
        str(seed_dir / "carrierx" / "carrierx-core.postman_collection.json")
    )
    return format_python(emit(collection))


def test_python_snippets_compile_and_are_black_stable(carrierx: dict[str, str]) -> None:
    pys = {p: t for p, t in carrierx.items() if p.endswith(".py")}
    assert pys
    for path, text in pys.items():
        compile(text, path, "exec")
        assert black.format_str(text, mode=black.Mode()) == text, path


def test_shell_snippets_parse(carrierx: dict[str, str], tmp_path: Path) -> None:
    for path, text in carrierx.items():
        if path.endswith(".sh"):
            f = tmp_path / "s.sh"
            f.write_text(text)
            assert (
                subprocess.run(
                    ["bash", "-n", str(f)], capture_output=True, check=False
                ).returncode
                == 0
            ), path


def test_secrets_read_from_environment(carrierx: dict[str, str]) -> None:
    assert not [p for p, t in carrierx.items() if CANARY in t]
    index = json.loads(carrierx["index.json"])
    assert index["requests"][0]["env"] == {"PM_BEARER_TOKEN": "bearer_token"}
    assert all(not Path(p).is_absolute() and ".." not in p for p in carrierx)


def test_reveal_secrets_writes_values(seed_dir: Path) -> None:
    collection = load(
        str(seed_dir / "carrierx" / "carrierx-core.postman_collection.json")
    )
    files = emit(collection, styles=["curl"], reveal_secrets=True)
    assert any(CANARY in t for t in files.values())


def test_index_lists_every_request_in_order(
    carrierx: dict[str, str], seed_dir: Path
) -> None:
    collection = load(
        str(seed_dir / "carrierx" / "carrierx-core.postman_collection.json")
    )
    index = json.loads(carrierx["index.json"])
    assert [r["id"] for r in index["requests"]] == [
        op.id for op in collection.operations()
    ]
    for r in index["requests"]:
        for path in r["snippets"].values():
            assert path in carrierx


@pytest.mark.parametrize(
    ("text", "unsafe", "expected"),
    [
        ("a b", PATH_SET, "a%20b"),
        ("{{x}}", PATH_SET, "%7B%7Bx%7D%7D"),
        ("{{x}}", PARAM_VALUE_SET, "{{x}}"),
        ("a&b'\"<>", PARAM_VALUE_SET, "a%26b%27%22%3C%3E"),
        ("%20", PATH_SET, "%20"),
        ("테", PATH_SET, "%ED%85%8C"),
    ],
)
def test_percent_encoding(text: str, unsafe: frozenset[str], expected: str) -> None:
    assert percent_encode(text, unsafe) == expected


def test_json_comments_stripped_outside_strings() -> None:
    assert (
        strip_json_comments('{"a": "x//y", // c\n "b": 1 /* z */}')
        == '{"a": "x//y", \n "b": 1 }'
    )


def test_unknown_variables_stay_and_methods_upper(corpus_dir: Path) -> None:
    collection = load(
        str(corpus_dir / "expected" / "commercetools" / "collection.json")
    )
    op = next(
        o for o in collection.operations() if "{{project-key}}" in o.request.url.raw
    )
    wire = build_request(collection, op)
    assert "%7B%7Bproject-key%7D%7D" in literal(wire.url)
    assert wire.method == wire.method.upper()


def test_publisher_styles_from_documenter_languages(seed_dir: Path) -> None:
    collection = load(str(seed_dir / "callerdesk" / "callerdesk.published.json"))
    assert resolve_styles(collection, ["publisher"]) == [
        "curl",
        "http",
        "python-http.client",
        "python-requests",
        "httpie",
        "wget",
    ]


def test_command_prints_one_snippet_and_writes_a_tree(
    seed_dir: Path, tmp_path: Path
) -> None:
    source = str(seed_dir / "carrierx" / "carrierx-core.postman_collection.json")
    one = subprocess.run(
        [sys.executable, "-m", "pmgen.cli", "snippets", source,
         "--request", "Endpoints/Get Endpoints", "--style", "curl"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert one.returncode == 0, one.stderr
    assert (
        one.stdout.startswith("# Endpoints / Get Endpoints: what Postman's runner sends")
        and "PM_BEARER_TOKEN" in one.stdout
    )
    bad = subprocess.run(
        [sys.executable, "-m", "pmgen.cli", "snippets", source, "--request", "nope"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode == 2 and "no request 'nope'" in bad.stderr
    out = tmp_path / "out"
    tree = subprocess.run(
        [sys.executable, "-m", "pmgen.cli", "-q", "snippets", source, "-o", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert tree.returncode == 0, tree.stderr
    index = json.loads((out / "index.json").read_text())
    assert len(index["requests"]) == 15
    assert (out / "curl" / "endpoints" / "get_endpoints.sh").is_file()
