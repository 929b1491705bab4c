"""The generated client runs the collection's scripts as Postman's runner does: the
pre-request chain (collection, folders, request) shapes the request before its variables are
substituted, test scripts see the response, one set of variable scopes is shared by every
call, and `python -m PACKAGE run` runs the whole collection. Against a real HTTP server on
127.0.0.1; signatures checked against Python's hmac."""

from __future__ import annotations

import base64
import hashlib
import importlib
import hmac
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import pytest

from tests.client.generated import generate, import_package
from tests.helpers.echo_server import EchoServer, Record

pytest.importorskip(
    "quickjs", reason="the script engine (quickjs-ng) is a pmgen dependency"
)

PACKAGE = "scripted_api"
SECRET = "s3cret-key"

COLLECTION_PRE = """
const ts = String(Date.now());
pm.variables.set('ts', ts);
const query = pm.request.url.query.filter(q => q.key !== 'signature')
    .map(q => q.key + '=' + pm.variables.replaceIn(q.value)).join('&');
const signature = CryptoJS.HmacSHA256(query, pm.variables.get('secret')).toString();
pm.request.url.query.upsert({key: 'signature', value: signature});
pm.request.headers.add({key: 'X-Client', value: 'pmgen-test'});
"""
FOLDER_PRE = "pm.request.headers.upsert({key: 'X-Folder', value: pm.collectionVariables.get('folder_value')});"
LOGIN_TEST = """
pm.test('status is 200', function () { pm.response.to.have.status(200); });
pm.test('has a token', function () { pm.expect(pm.response.json().token).to.be.a('string'); });
pm.test('fails on purpose', function () { pm.expect(1).to.equal(2); });
pm.collectionVariables.set('token', pm.response.json().token);
pm.collectionVariables.set('seen_url', pm.request.url.toString() + ' ' + request.url);
"""
ORDER_BODY = '{\n    "symbol": "BTC",\n    "qty": 1,\n    "reduce": false\n}'
ORDER_PRE = "pm.request.headers.add({key: 'X-Body-Sha', value: CryptoJS.SHA256(pm.request.body.raw).toString()});"
SKIPPED_PRE = "pm.execution.skipRequest();"
JUMP_TEST = "postman.setNextRequest('Last');"


def _collection(base: str) -> dict[str, Any]:
    def request(name: str, path: str, **extra: Any) -> dict[str, Any]:
        return {
            "name": name,
            "request": {"method": "GET", "url": f"{{{{base}}}}/{path}", **extra},
        }

    login = request("Login", "login?user=ada&ts={{ts}}")
    login["event"] = [{"listen": "test", "script": {"exec": LOGIN_TEST.splitlines()}}]
    me = request(
        "Me", "me", header=[{"key": "Authorization", "value": "Bearer {{token}}"}]
    )
    skipped = request("Skipped", "skipped")
    skipped["event"] = [{"listen": "prerequest", "script": {"exec": [SKIPPED_PRE]}}]
    jump = request("Jump", "jump")
    jump["event"] = [{"listen": "test", "script": {"exec": [JUMP_TEST]}}]
    order = request(
        "Order",
        "order",
        body={
            "mode": "raw",
            "raw": ORDER_BODY,
            "options": {"raw": {"language": "json"}},
        },
    )
    order["request"]["method"] = "POST"
    order["event"] = [{"listen": "prerequest", "script": {"exec": [ORDER_PRE]}}]
    form = request(
        "Form",
        "form",
        body={"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1"}]},
        header=[{"key": "Content-Type", "value": "application/json"}],
    )
    form["request"]["method"] = "POST"
    multi = request(
        "Multi",
        "multi",
        body={
            "mode": "formdata",
            "formdata": [{"key": "a", "value": "1", "type": "text"}],
        },
        header=[{"key": "Content-Type", "value": "application/json"}],
    )
    multi["request"]["method"] = "POST"
    whole = {"name": "Whole", "request": {"method": "GET", "url": "{{whole_url}}"}}
    return {
        "info": {
            "name": "Scripted API",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "event": [
            {"listen": "prerequest", "script": {"exec": COLLECTION_PRE.splitlines()}}
        ],
        "variable": [
            {"key": "base", "value": base},
            {"key": "folder_value", "value": "f1"},
            {"key": "secret", "value": SECRET},
            {"key": "whole_url", "value": f"{base}/whole?x=1&flag"},
        ],
        "item": [
            {
                "name": "Auth",
                "event": [{"listen": "prerequest", "script": {"exec": [FOLDER_PRE]}}],
                "item": [login, me],
            },
            skipped,
            jump,
            request("Never", "never"),
            order,
            form,
            multi,
            whole,
            request("Last", "last"),
        ],
    }


def _responder(record: Record) -> tuple[int, list[tuple[str, str]], bytes]:
    body = {"token": "tok-123"} if record["path"] == "/login" else {"ok": True}
    return 200, [("Content-Type", "application/json")], json.dumps(body).encode()


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer(_responder) as s:
        yield s


@pytest.fixture(scope="module")
def project(server: EchoServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scripted")
    # the secret is revealed: the signature below is checked against it
    generate(_collection(server.url), out, PACKAGE, reveal=True)
    return out / "project"


@pytest.fixture()
def pkg(project: Path) -> ModuleType:
    return import_package(project, PACKAGE)


def _headers(record: Record) -> dict[str, str]:
    return {k.lower(): v for k, v in record["headers"]}


def _signed(query: str) -> tuple[dict[str, str], str]:
    pairs = parse_qsl(query, keep_blank_values=True)
    unsigned = "&".join(f"{k}={v}" for k, v in pairs if k != "signature")
    return dict(pairs), unsigned


def test_pre_request_chain_signs_and_test_scripts_capture(
    pkg: ModuleType, server: EchoServer
) -> None:
    server.clear()
    client = pkg.ScriptedApi()
    login = client.with_raw_response.auth.login(user="ada")
    record = server.requests[-1]
    query, unsigned = _signed(record["query"])
    # the collection script set `ts` before `{{ts}}` was substituted, then signed the query
    assert query["ts"].isdigit() and query["user"] == "ada"
    expected = hmac.new(SECRET.encode(), unsigned.encode(), hashlib.sha256).hexdigest()
    assert query["signature"] == expected
    headers = _headers(record)
    assert headers["x-client"] == "pmgen-test"  # collection level
    assert headers["x-folder"] == "f1"  # folder level, after the collection's
    # test results are recorded, a failing one does not raise
    assert [(t.name, t.passed) for t in login.tests] == [
        ("status is 200", True),
        ("has a token", True),
        ("fails on purpose", False),
    ]
    assert "expected 1 to equal 2" in (login.tests[2].error or "")
    # the captured token is used by the next call (one variable store per client)
    client.auth.me()
    assert _headers(server.requests[-1])["authorization"] == "Bearer tok-123"
    assert client.variables["token"] == "tok-123"


def test_skip_request_sends_nothing(pkg: ModuleType, server: EchoServer) -> None:
    server.clear()
    assert pkg.ScriptedApi().skipped() is None
    assert server.requests == []


def test_failed_tests_raise_when_asked(pkg: ModuleType, server: EchoServer) -> None:
    client = pkg.ScriptedApi()
    client.scripts.raise_on_failed_tests = True
    with pytest.raises(pkg._scripting.FailedTests, match="fails on purpose"):
        client.auth.login()


def _login_with_script(
    client: Any, source: str, level: str, owner: str
) -> dict[str, Any]:
    """The login operation's spec with one extra pre-request script of the given level."""
    extra = {
        "source": source,
        "event": "prerequest",
        "level": level,
        "owner": owner,
        "does": "runs JavaScript",
    }
    client.scripts._table = [*client.scripts.table, extra]
    spec = {**importlib.import_module(f"{PACKAGE}.resources.auth")._SPECS["login"]}
    spec["scripts"] = {
        "prerequest": [len(client.scripts.table) - 1],
        "test": [],
        "engine": True,
    }
    return spec


def test_a_throwing_script_names_request_level_and_line(pkg: ModuleType) -> None:
    client = pkg.ScriptedApi()
    spec = _login_with_script(
        client, "var a = 1;\nthrow new Error('boom');", "folder", "Auth"
    )
    sandbox = importlib.import_module(f"{PACKAGE}._sandbox")
    with pytest.raises(sandbox.ScriptError) as caught:
        client.request(spec)
    text = str(caught.value)
    assert "boom" in text and "folder" in text and caught.value.line == 2


def test_missing_engine_raises_with_the_extra_to_install(
    pkg: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pkg._scripting, "engine_installed", lambda: False)
    with pytest.raises(pkg._scripting.ScriptsUnavailable) as caught:
        pkg.ScriptedApi().auth.me()
    message = str(caught.value)
    assert "pip install 'scripted-api[scripts]'" in message
    assert "collection-level pre-request script" in message
    assert "computes an HMAC signature" in message


def test_async_client_runs_the_same_scripts(
    pkg: ModuleType, server: EchoServer
) -> None:
    import asyncio

    async def calls() -> None:
        async with pkg.AsyncScriptedApi() as client:
            await client.auth.login()
            await client.auth.me()

    server.clear()
    asyncio.run(calls())
    login, me = server.requests
    assert _signed(login["query"])[0]["signature"]
    assert _headers(me)["authorization"] == "Bearer tok-123"


def test_collection_run_reports_every_request_in_order(
    project: Path, server: EchoServer, tmp_path: Path
) -> None:
    server.clear()
    report_path = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", PACKAGE, "run", "--report", str(report_path)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr  # one test fails on purpose
    assert "✗ fails on purpose" in done.stdout
    report = json.loads(report_path.read_text())
    keys = [item["key"] for item in report["items"]]
    # setNextRequest('Last') jumps over "Never", as Newman does
    assert keys == ["Auth / Login", "Auth / Me", "Skipped", "Jump", "Last"]
    by_key = {item["key"]: item for item in report["items"]}
    assert by_key["Skipped"]["sent"] == []
    assert [s["by"] for s in by_key["Auth / Me"]["sent"]] == ["request"]
    assert report["failed_tests"] == 1
    paths = [r["path"] for r in server.requests]
    assert paths == ["/login", "/me", "/jump", "/last"]


def test_test_scripts_see_the_request_resolved(
    pkg: ModuleType, server: EchoServer
) -> None:
    # Postman resolves the whole request before sending it: the test scripts' pm.request
    # (and the legacy `request`) show the URL that went out, not `{{base}}/...`
    client = pkg.ScriptedApi()
    client.auth.login(user="ada")
    seen, legacy = client.variables["seen_url"].split(" ")
    assert seen == legacy
    assert seen.startswith(f"{server.url}/login?user=ada&ts=") and "{{" not in seen


def test_saved_json_body_reaches_the_scripts_as_written(
    pkg: ModuleType, server: EchoServer
) -> None:
    # the run passes the saved body parsed; the scripts must still read its saved text (a
    # signature over `pm.request.body.raw` covers the whitespace), and that text is sent
    runner = importlib.import_module(f"{PACKAGE}._runner")
    plan = {i["key"]: i for i in runner._run_plan()["items"]}["Order"]
    client = pkg.ScriptedApi()
    server.clear()
    runner._target(client, plan["call"])(*plan["args"], **plan["kwargs"])
    record = server.requests[-1]
    assert base64.b64decode(record["body_b64"]) == ORDER_BODY.encode()
    expected = hashlib.sha256(ORDER_BODY.encode()).hexdigest()
    assert _headers(record)["x-body-sha"] == expected


def test_form_body_gets_its_own_content_type(
    pkg: ModuleType, server: EchoServer
) -> None:
    # Postman's HTTP library types a urlencoded body itself, over a Content-Type the request
    # names (unless that one is already the form type)
    runner = importlib.import_module(f"{PACKAGE}._runner")
    plan = {i["key"]: i for i in runner._run_plan()["items"]}["Form"]
    server.clear()
    runner._target(pkg.ScriptedApi(), plan["call"])(*plan["args"], **plan["kwargs"])
    record = server.requests[-1]
    assert base64.b64decode(record["body_b64"]) == b"a=1"
    assert [v for k, v in record["headers"] if k.lower() == "content-type"] == [
        "application/x-www-form-urlencoded"
    ]
    # and a form-data body its multipart type
    plan = {i["key"]: i for i in runner._run_plan()["items"]}["Multi"]
    runner._target(pkg.ScriptedApi(), plan["call"])(*plan["args"], **plan["kwargs"])
    types = [
        v for k, v in server.requests[-1]["headers"] if k.lower() == "content-type"
    ]
    assert len(types) == 1 and types[0].startswith("multipart/form-data; boundary=")


def test_a_variable_holding_a_whole_url_brings_its_query(
    pkg: ModuleType, server: EchoServer
) -> None:
    server.clear()
    pkg.ScriptedApi().whole()
    record = server.requests[-1]
    assert record["path"] == "/whole"  # not /whole%3Fx=1...
    assert record["query"].startswith(
        "x=1&flag&signature="
    )  # the collection script signs


def test_a_runaway_script_stops_at_the_clients_time_limit(pkg: ModuleType) -> None:
    client = pkg.ScriptedApi()
    client.scripts.time_limit = 0.3  # changed after creation: used by the next script
    spec = _login_with_script(client, "while (true) {}", "request", "Login")
    sandbox = importlib.import_module(f"{PACKAGE}._sandbox")
    with pytest.raises(sandbox.ScriptTimeout):
        client.request(spec)


def test_console_output_goes_to_logging_with_secrets_masked(
    project: Path,
    server: EchoServer,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    collection = _collection(server.url)
    collection["variable"].append(
        {"key": "api_token", "value": ""}
    )  # a secret by its name
    collection["item"][0]["item"][1]["event"] = [
        {
            "listen": "prerequest",
            "script": {
                "exec": [
                    "console.log('token is ' + pm.variables.get('api_token') + ', ok');"
                ]
            },
        }
    ]
    generate(collection, tmp_path, "masked_api")
    pkg = import_package(tmp_path / "project", "masked_api")
    secrets = importlib.import_module("masked_api._config").SECRETS
    assert "api_token" in secrets
    monkeypatch.setenv(secrets["api_token"], "tok-SECRET-value-42")
    if "secret" in secrets:  # the signing key is a secret by its name too
        monkeypatch.setenv(secrets["secret"], SECRET)
    with caplog.at_level(logging.INFO, logger="masked_api.scripts"):
        pkg.MaskedApi().auth.me()
    logged = [r.getMessage() for r in caplog.records if r.name == "masked_api.scripts"]
    assert any("token is ****, ok" in line for line in logged), logged
    assert not any("tok-SECRET-value-42" in line for line in logged)


def test_scripts_of_comments_only_cost_nothing(tmp_path: Path) -> None:
    """A chain whose scripts are comments only runs nothing (Postman's run of them changes
    nothing): the operation's spec names no scripts, so the call never starts the sandbox;
    a script with code beside them still runs."""
    comment_only = ["// collection-level", "/* set up later */ ;"]
    collection = {
        "info": {
            "name": "Blank",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "event": [{"listen": "prerequest", "script": {"exec": comment_only}}],
        "item": [
            {"name": "Plain", "request": {"method": "GET", "url": "http://h/plain"}},
            {
                "name": "Scripted",
                "event": [
                    {
                        "listen": "test",
                        "script": {
                            "exec": ["// note", "pm.collectionVariables.set('a', '1');"]
                        },
                    }
                ],
                "request": {"method": "GET", "url": "http://h/scripted"},
            },
        ],
    }
    files = generate(collection, tmp_path, "blank_api")
    specs = {
        name: spec
        for rel, text in files.items()
        if rel.startswith("blank_api/") and rel.endswith(".json")
        for name, spec in json.loads(text).get("operations", {}).items()
    }
    assert "scripts" not in specs["plain"], specs["plain"]
    scripted = specs["scripted"]["scripts"]
    assert scripted["prerequest"] == [] and len(scripted["test"]) == 1
    table = json.loads(files["blank_api/_scripts.json"])["scripts"]
    assert [entry["level"] for entry in table] == ["request"]
