"""pm.sendRequest through a real HTTP server on 127.0.0.1; remote code refused unless allowed."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from pmgen.sandbox import Sandbox, ScriptError, VariableScopes
from tests.helpers.echo_server import EchoServer

from .helpers import console_values, run

LIBRARY = (
    "var remoteLib = {greet: function (n) { return 'hello ' + n; }, padding: '"
    + "x" * 80
    + "'};"
)


def responder(record: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
    if record["path"] == "/token":
        body = base64.b64decode(record["body_b64"]).decode()
        return (
            200,
            [("Content-Type", "application/json")],
            json.dumps({"access_token": "tok-" + body}).encode(),
        )
    if record["path"] == "/lib.js":
        return 200, [("Content-Type", "application/javascript")], LIBRARY.encode()
    if record["path"] == "/missing":
        return 404, [("Content-Type", "text/plain")], b"nope"
    return (
        200,
        [("Content-Type", "application/json")],
        json.dumps({"path": record["path"], "query": record["query"]}).encode(),
    )


def http_sender(client: httpx.Client):  # type: ignore[no-untyped-def]
    """The host side: the sandbox's request dict -> HTTP -> the response dict."""

    def send(req: dict[str, Any]) -> dict[str, Any]:
        headers = [
            (h["key"], h["value"])
            for h in req.get("header") or []
            if not h.get("disabled")
        ]
        body = req.get("body") or {}
        content: bytes | None = None
        if body.get("mode") == "raw":
            content = (body.get("raw") or "").encode()
        elif body.get("mode") == "urlencoded":
            content = "&".join(
                f"{p['key']}={p['value']}"
                for p in body["urlencoded"]
                if not p.get("disabled")
            ).encode()
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        r = client.request(
            req["method"], req["url"]["raw"], headers=headers, content=content
        )
        return {
            "code": r.status_code,
            "status": r.reason_phrase,
            "header": [{"key": k, "value": v} for k, v in r.headers.multi_items()],
            "body_b64": base64.b64encode(r.content).decode(),
            "responseTime": int(r.elapsed.total_seconds() * 1000),
            "responseSize": len(r.content),
        }

    return send


@pytest.fixture(scope="module")
def server():  # type: ignore[no-untyped-def]
    with EchoServer(responder) as s:
        yield s


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with httpx.Client(timeout=10) as c:
        yield c


def test_callback_form(server: EchoServer, client: httpx.Client) -> None:
    sb = Sandbox(send_request=http_sender(client))
    scopes = VariableScopes(environment={"base": server.url})
    src = """
    pm.sendRequest({
      url: pm.environment.get('base') + '/token',
      method: 'POST',
      header: {'X-Client': 'pmgen'},
      body: {mode: 'raw', raw: 'secret'}
    }, function (err, res) {
      if (err) { console.log('error', err); return; }
      pm.environment.set('token', res.json().access_token);
      console.log(res.code, res.status, res.headers.get('content-type'));
    });
    """
    result = run(sb, src, scopes=scopes)
    assert scopes.environment["token"] == "tok-secret"
    assert console_values(result) == ["200 OK application/json"]
    sent = server.requests[-1]
    assert sent["method"] == "POST" and sent["path"] == "/token"
    assert ["X-Client", "pmgen"] in sent["headers"]


def test_promise_form_with_string_url_and_header_list(
    server: EchoServer, client: httpx.Client
) -> None:
    sb = Sandbox(send_request=http_sender(client))
    src = f"""
    const a = await pm.sendRequest('{server.url}/first?x=1');
    const b = await pm.sendRequest({{url: '{server.url}/second', method: 'GET',
                                     header: [{{key: 'X-List', value: 'yes'}}]}});
    console.log(a.json().path, a.json().query, b.json().path);
    try {{
      const c = await pm.sendRequest('{server.url}/missing');
      console.log(c.code, c.text());
    }} catch (e) {{ console.log('unexpected', e.message); }}
    """
    result = run(sb, src)
    assert console_values(result) == ["/first x=1 /second", "404 nope"]
    assert ["X-List", "yes"] in server.requests[-2]["headers"]


def test_urlencoded_body_object(server: EchoServer, client: httpx.Client) -> None:
    sb = Sandbox(send_request=http_sender(client))
    src = f"""
    pm.sendRequest({{url: '{server.url}/form', method: 'POST',
                    body: {{mode: 'urlencoded',
                           urlencoded: [{{key: 'grant_type', value: 'client_credentials'}}]}}}},
                   (err, res) => console.log(res.code));
    """
    assert console_values(run(sb, src)) == ["200"]
    assert (
        base64.b64decode(server.requests[-1]["body_b64"])
        == b"grant_type=client_credentials"
    )


def test_transport_error_goes_to_callback_and_rejects(client: httpx.Client) -> None:
    sb = Sandbox(send_request=http_sender(client))
    src = """
    pm.sendRequest('http://127.0.0.1:9/closed',
                   (err, res) => console.log('cb', !!err, res === undefined));
    try { await pm.sendRequest('http://127.0.0.1:9/closed'); }
    catch (e) { console.log('rejected', typeof e.message); }
    """
    assert console_values(run(sb, src)) == ["cb true true", "rejected string"]


def test_without_sender_the_callback_gets_an_error() -> None:
    sb = Sandbox()
    result = run(
        sb,
        "pm.sendRequest('http://example.invalid/', (err) => console.log(err.message));",
    )
    assert console_values(result) == [
        "pm.sendRequest is not available: this sandbox has no HTTP sender"
    ]


def test_downloaded_code_is_refused(server: EchoServer, client: httpx.Client) -> None:
    sb = Sandbox(send_request=http_sender(client))
    scopes = VariableScopes()
    # the usual idiom: download once, keep in a variable, eval in a later request's script
    run(
        sb,
        f"pm.sendRequest('{server.url}/lib.js', (e, r) => pm.globals.set('lib', r.text()));",
        scopes=scopes,
    )
    assert scopes.globals["lib"] == LIBRARY
    for src in [
        "eval(pm.globals.get('lib'));",
        "eval('// wrapper\\n' + pm.globals.get('lib') + '\\nvar extra = 1;');",
        "(new Function(pm.globals.get('lib')))();",
        "(function(){}).constructor(pm.globals.get('lib'))();",
        "setTimeout(pm.globals.get('lib'), 0);",
    ]:
        with pytest.raises(ScriptError) as info:
            run(sb, src, scopes=scopes)
        assert (
            "refused to run code downloaded with pm.sendRequest" in info.value.message
        ), src
    # code that did not come from a response still runs
    assert console_values(run(sb, "eval('console.log(1 + 1)')", scopes=scopes)) == ["2"]


def test_downloaded_code_runs_when_allowed(
    server: EchoServer, client: httpx.Client
) -> None:
    sb = Sandbox(send_request=http_sender(client), allow_remote_code=True)
    src = f"""
    const res = await pm.sendRequest('{server.url}/lib.js');
    eval(res.text());
    console.log(remoteLib.greet('pmgen'));
    """
    assert console_values(run(sb, src)) == ["hello pmgen"]


def test_downloaded_code_refused_in_the_same_script(
    server: EchoServer, client: httpx.Client
) -> None:
    sb = Sandbox(send_request=http_sender(client))
    src = f"""
    const r = await pm.sendRequest('{server.url}/lib.js');
    try {{ eval(r.text()); console.log('ran'); }} catch (e) {{ console.log(e.name); }}
    try {{ new Function(r.text())(); console.log('ran'); }} catch (e) {{ console.log(e.name); }}
    console.log(typeof Function, (() => 1) instanceof Function, eval('1 + 1'));
    """
    assert console_values(run(sb, src)) == ["EvalError", "EvalError", "function true 2"]


def test_response_arrives_between_short_and_long_timers(
    server: EchoServer, client: httpx.Client
) -> None:
    sb = Sandbox(send_request=http_sender(client))
    src = f"""
    const out = [];
    setTimeout(() => out.push('timer 0'), 0);
    setTimeout(() => out.push('timer 60s'), 60000);
    pm.sendRequest('{server.url}/x', () => out.push('response'));
    setTimeout(() => console.log(out.join(',')), 120000);
    """
    assert console_values(run(sb, src)) == ["timer 0,response,timer 60s"]
