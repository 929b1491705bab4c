"""Scripts made visible before they run: what `pmgen inspect` and the docs say about the
scripts around each request (which, in Postman's order, what they read and set)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pmgen import scriptinfo
from pmgen.docs_snippets import docs_with_snippets as emit_docs
from pmgen.scriptinfo import describe, reads, script_runs, sets

from tests.importer.helpers import collection, invoke, load_value

SIGN = """const ts = Date.now();
pm.environment.set('timestamp', ts);
const sig = CryptoJS.HmacSHA256(pm.request.url.getQueryString(), pm.environment.get('secret'));
pm.request.headers.add({key: 'X-Sig', value: sig.toString()});
pm.response && pm.response.headers.get('X-Not-A-Variable');"""
CAPTURE = (
    "pm.test('ok', () => pm.response.to.have.status(200));\n"
    "postman.setEnvironmentVariable('token', JSON.parse(responseBody).token);"
)
HOSTILE = "// ```\n</details><script>alert(1)</script>\npm.variables.set('x', '{{y}}');"


def _collection() -> dict[str, object]:
    login = {
        "name": "Login",
        "request": {"method": "POST", "url": "https://api.test/login"},
        "event": [{"listen": "test", "script": {"exec": CAPTURE.splitlines()}}],
    }
    hostile = {
        "name": "Odd",
        "request": {"method": "GET", "url": "https://api.test/odd"},
        "event": [{"listen": "prerequest", "script": {"exec": HOSTILE.splitlines()}}],
    }
    folder = {
        "name": "Accounts",
        "item": [login, hostile],
        "event": [
            {
                "listen": "prerequest",
                "script": {
                    "exec": ["pm.request.headers.upsert({key: 'A', value: 'b'});"]
                },
            }
        ],
    }
    return collection(
        [folder],
        event=[{"listen": "prerequest", "script": {"exec": SIGN.splitlines()}}],
    )


def test_reads_sets_and_description() -> None:
    assert reads(SIGN) == ["secret"]  # not the response header name
    assert sets(SIGN) == ["timestamp"]
    assert sets(CAPTURE) == ["token"]
    assert describe(SIGN).startswith("computes an HMAC signature")
    assert "checks the response" in describe(CAPTURE)
    assert describe("var a = 1;") == "runs JavaScript"


def test_inspect_lists_each_requests_scripts_in_postman_order(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    load_value(tmp_path, _collection())  # a valid collection
    result = invoke("inspect", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    login = lines.index(
        next(line for line in lines if "Login" in line and "POST" in line)
    )
    scripts = [line.strip() for line in lines[login + 1 : login + 4]]
    assert scripts[0].startswith("script: collection pre-request (T): computes an HMAC")
    assert "reads secret" in scripts[0] and "sets timestamp" in scripts[0]
    assert scripts[1].startswith("script: folder pre-request (Accounts)")
    assert scripts[2].startswith("script: request test (Login)")
    assert "sets token" in scripts[2]


def test_docs_show_scripts_collapsed_and_escaped(tmp_path: Path) -> None:
    files = emit_docs(load_value(tmp_path, _collection()), styles=())
    page = next(
        text
        for name, text in files.items()
        if "Login" in text and name.endswith(".md") and "folders/" in name
    )
    login = page.split("Login", 1)[1].split("Odd", 1)[0]
    assert "**Scripts**" in login
    # where each is declared, in Postman's order: collection, folder, request; tests last
    order = [
        "**Pre-request script** of the collection “T”: computes an HMAC signature",
        "**Pre-request script** of the folder “Accounts”: changes the request",
        "**Test script** of this request: sets variables, checks the response.\n"
        "Sets <code>token</code>.",
    ]
    places = [login.index(text) for text in order]
    assert places == sorted(places)
    assert "Reads <code>secret</code>; sets <code>timestamp</code>." in login
    assert login.count("<details><summary>The script (") == 3
    assert (
        "<details><summary>The script (5 lines)</summary>\n\n```javascript\n" in login
    )
    odd = page.split("Odd", 1)[1]
    # the script's own ``` and HTML stay inside a longer fence: text, not markup
    block = odd.split("````javascript\n", 1)[1].split("\n````", 1)[0]
    assert "</details><script>alert(1)</script>" in block
    assert odd.count("<script>") == 1


def test_script_runs_keep_postman_order(tmp_path: Path) -> None:
    c = load_value(tmp_path, _collection())
    runs = script_runs(c)
    login = next(op for op in c.operations() if op.name == "Login")
    assert [(r.level, r.owner, r.event) for r in runs[id(login)]] == [
        ("collection", "T", "pre-request"),
        ("folder", "Accounts", "pre-request"),
        ("request", "Login", "test"),
    ]
    bare = load_value(tmp_path, collection([{"name": "x", "request": {"url": "a"}}]))
    assert script_runs(bare) == {}


@pytest.mark.parametrize(
    ("source", "blank"),
    [
        ("// collection-level", True),
        ("/* a\nblock */\n  ;\n// more", True),
        ("", True),
        ("pm.environment.set('u', 'http://x');", False),
        ("// note\npm.request.headers.add({key: 'a', value: 'b'})", False),
        ("'/*'; pm.variables.set('a', 1); '*/'", False),
    ],
)
def test_is_blank(source: str, blank: bool) -> None:
    assert scriptinfo.is_blank(source) is blank
