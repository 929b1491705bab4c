"""pm.request: url/query, headers, body, auth; the output keeps the collection v2.1 shape."""

from __future__ import annotations

import json

from pmgen.sandbox import Sandbox

from .helpers import console_values, make_request, run


def test_unchanged_request_round_trips(sandbox: Sandbox) -> None:
    req = make_request(
        body={
            "mode": "raw",
            "raw": '{"a": 1}',
            "options": {"raw": {"language": "json"}},
        },
        auth={
            "type": "bearer",
            "bearer": [{"key": "token", "value": "{{t}}", "type": "string"}],
        },
    )
    result = run(sandbox, "var x = pm.request.url.toString();", request=req)
    assert result.request == {
        **req,
        "url": {**req["url"], "raw": "{{base}}/v1/x?a=1"},
        "header": [{"key": "A", "value": "b", "disabled": False}],
    }


def test_url_getters(sandbox: Sandbox) -> None:
    req = make_request()
    req["url"].update(
        {
            "raw": "https://api.example.com:8443/v1/users/:id?a=1&b=&c#frag",
            "protocol": "https",
            "host": ["api", "example", "com"],
            "port": "8443",
            "path": ["v1", "users", ":id"],
            "query": [
                {"key": "a", "value": "1"},
                {"key": "b", "value": ""},
                {"key": "c", "value": None},
                {"key": "off", "value": "x", "disabled": True},
            ],
            "hash": "frag",
        }
    )
    src = """
    const u = pm.request.url;
    console.log(u.toString());
    console.log(u.getHost(), u.getPath(), u.getPath(true), u.getQueryString());
    console.log(u.getPathWithQuery(), u.getRemote(), u.protocol, u.port);
    console.log(JSON.stringify(u.host), JSON.stringify(u.path));
    console.log(u.query.count(), u.query.get('a'), u.query.has('off'),
                JSON.stringify(u.query.toObject()));
    """
    assert console_values(run(sandbox, src, request=req)) == [
        "https://api.example.com:8443/v1/users/:id?a=1&b=&c#frag",
        "api.example.com /v1/users/7 /v1/users/:id a=1&b=&c",
        "/v1/users/7?a=1&b=&c api.example.com:8443 https 8443",
        '["api","example","com"] ["v1","users",":id"]',
        '4 1 true {"a":"1","b":"","c":null,"off":"x"}',
    ]


def test_query_add_upsert_remove_recomputes_raw(sandbox: Sandbox) -> None:
    src = """
    pm.request.url.query.add({key: 'ts', value: '123'});
    pm.request.url.query.upsert({key: 'a', value: '9'});
    pm.request.url.query.upsert({key: 'new', value: 'v w'});
    pm.request.url.addQueryParams('p=1&q');
    pm.request.url.query.remove('p');
    console.log(pm.request.url.toString());
    """
    result = run(sandbox, src)
    expected = "{{base}}/v1/x?a=9&ts=123&new=v w&q"
    assert console_values(result) == [expected]
    url = result.request["url"]
    assert url["raw"] == expected
    assert [(q["key"], q["value"]) for q in url["query"]] == [
        ("a", "9"),
        ("ts", "123"),
        ("new", "v w"),
        ("q", None),
    ]


def test_query_list_helpers(sandbox: Sandbox) -> None:
    src = """
    const q = pm.request.url.query;
    q.add({key: 'b', value: '2'});
    const keys = q.map(p => p.key);
    const big = q.filter(p => Number(p.value) > 1).map(p => p.key);
    let n = 0; q.each(() => n++);
    console.log(JSON.stringify(keys), JSON.stringify(big), n, q.all().length, q.members.length,
                q.idx(1).key, q.indexOf('b'), String(q));
    """
    assert console_values(run(sandbox, src)) == ['["a","b"] ["b"] 2 2 2 b 1 a=1&b=2']


def test_url_update_and_assignment(sandbox: Sandbox) -> None:
    result = run(sandbox, "pm.request.url.update('http://h.io:81/a/b?x=1#z');")
    url = result.request["url"]
    assert url["raw"] == "http://h.io:81/a/b?x=1#z"
    assert (url["protocol"], url["host"], url["port"], url["path"], url["hash"]) == (
        "http",
        ["h", "io"],
        "81",
        ["a", "b"],
        "z",
    )
    assert url["query"] == [{"key": "x", "value": "1", "disabled": False}]
    result = run(
        sandbox,
        "pm.request.url = 'https://other.example/p'; pm.request.url.query.add('k=v');",
    )
    assert result.request["url"]["raw"] == "https://other.example/p?k=v"
    assert result.request["url"]["host"] == ["other", "example"]


def test_url_path_and_host_edit(sandbox: Sandbox) -> None:
    src = "pm.request.url.path.push('extra'); pm.request.url.host = ['{{other}}'];"
    result = run(sandbox, src)
    assert result.request["url"]["raw"] == "{{other}}/v1/x/extra?a=1"


def test_headers_add_upsert_remove(sandbox: Sandbox) -> None:
    req = make_request(
        header=[
            {"key": "A", "value": "b", "disabled": False},
            {"key": "Content-Type", "value": "text/plain", "type": "text"},
            {"key": "Off", "value": "1", "disabled": True},
        ]
    )
    src = """
    const h = pm.request.headers;
    h.add({key: 'X-One', value: '1'});
    h.upsert({key: 'content-type', value: 'application/json'});
    h.upsert({key: 'X-Two', value: '2'});
    h.remove('a');
    pm.request.addHeader({key: 'X-Legacy', value: 'L'});
    pm.request.addHeader('X-Str: s');
    pm.request.removeHeader('X-One');
    console.log(h.get('CONTENT-TYPE'), h.has('x-two'), h.has('A'), h.count(),
                JSON.stringify(h.toObject()));
    let keys = []; h.each(x => keys.push(x.key)); console.log(keys.join(','));
    """
    result = run(sandbox, src, request=req)
    assert console_values(result) == [
        'application/json true false 5 {"content-type":"application/json","off":"1",'
        '"x-two":"2","x-legacy":"L","x-str":"s"}',
        "content-type,Off,X-Two,X-Legacy,X-Str",
    ]
    assert result.request["header"] == [
        {
            "key": "content-type",
            "value": "application/json",
            "disabled": False,
            "type": "text",
        },
        {"key": "Off", "value": "1", "disabled": True},
        {"key": "X-Two", "value": "2", "disabled": False},
        {"key": "X-Legacy", "value": "L", "disabled": False},
        {"key": "X-Str", "value": "s", "disabled": False},
    ]


def test_method_change(sandbox: Sandbox) -> None:
    result = run(sandbox, "console.log(pm.request.method); pm.request.method = 'PUT';")
    assert console_values(result) == ["POST"] and result.request["method"] == "PUT"


def test_body_raw_update_and_to_string(sandbox: Sandbox) -> None:
    req = make_request(
        body={"mode": "raw", "raw": '{"a":1}', "options": {"raw": {"language": "json"}}}
    )
    src = """
    const b = JSON.parse(pm.request.body.raw);
    b.sig = 'abc';
    pm.request.body.update(JSON.stringify(b));
    console.log(pm.request.body.mode, pm.request.body.toString(), pm.request.body.isEmpty());
    """
    result = run(sandbox, src, request=req)
    assert console_values(result) == ['raw {"a":1,"sig":"abc"} false']
    assert result.request["body"] == {"mode": "raw", "raw": '{"a":1,"sig":"abc"}'}


def test_body_direct_raw_assignment_keeps_options(sandbox: Sandbox) -> None:
    req = make_request(
        body={"mode": "raw", "raw": "x", "options": {"raw": {"language": "json"}}}
    )
    result = run(sandbox, "pm.request.body.raw = 'y';", request=req)
    assert result.request["body"] == {
        "mode": "raw",
        "raw": "y",
        "options": {"raw": {"language": "json"}},
    }


def test_body_urlencoded_and_formdata(sandbox: Sandbox) -> None:
    req = make_request(
        body={
            "mode": "urlencoded",
            "urlencoded": [
                {"key": "a", "value": "1"},
                {"key": "b", "value": "2", "disabled": True},
            ],
        }
    )
    src = """
    pm.request.body.urlencoded.add({key: 'c', value: '3'});
    pm.request.body.urlencoded.upsert({key: 'a', value: 'x'});
    console.log(pm.request.body.toString(),
                JSON.stringify(pm.request.body.urlencoded.toObject(true)));
    """
    result = run(sandbox, src, request=req)
    assert console_values(result) == ['a=x&c=3 {"a":"x","c":"3"}']
    assert [p["key"] for p in result.request["body"]["urlencoded"]] == ["a", "b", "c"]
    result = run(
        sandbox,
        "pm.request.body.update("
        "{mode: 'formdata', formdata: [{key: 'f', value: 'v', type: 'text'}]});",
    )
    assert result.request["body"] == {
        "mode": "formdata",
        "formdata": [{"key": "f", "value": "v", "disabled": False, "type": "text"}],
    }


def test_body_graphql(sandbox: Sandbox) -> None:
    req = make_request(
        body={"mode": "graphql", "graphql": {"query": "{ a }", "variables": ""}}
    )
    result = run(
        sandbox,
        "pm.request.body.graphql.variables = JSON.stringify({n: 1});",
        request=req,
    )
    assert result.request["body"] == {
        "mode": "graphql",
        "graphql": {"query": "{ a }", "variables": '{"n":1}'},
    }


def test_body_set_from_nothing(sandbox: Sandbox) -> None:
    result = run(sandbox, "pm.request.body = {mode: 'raw', raw: 'hello'};")
    assert result.request["body"] == {"mode": "raw", "raw": "hello"}


def test_auth_type_parameters_and_change(sandbox: Sandbox) -> None:
    req = make_request(
        auth={
            "type": "bearer",
            "bearer": [{"key": "token", "value": "{{t}}", "type": "string"}],
        }
    )
    src = """
    console.log(pm.request.auth.type, pm.request.auth.parameters().get('token'),
                JSON.stringify(pm.request.auth.parameters().toObject()));
    pm.request.auth.parameters().upsert({key: 'token', value: 'abc'});
    """
    result = run(sandbox, src, request=req)
    assert console_values(result) == ['bearer {{t}} {"token":"{{t}}"}']
    assert result.request["auth"] == {
        "type": "bearer",
        "bearer": [{"key": "token", "value": "abc", "type": "string"}],
    }
    result = run(
        sandbox,
        "pm.request.authorizeUsing('basic', [{key: 'username', value: 'u'}]);",
        request=req,
    )
    assert result.request["auth"] == {
        "type": "basic",
        "basic": [{"key": "username", "value": "u"}],
    }
    result = run(sandbox, "pm.request.authorizeUsing(null);", request=req)
    assert result.request["auth"] is None


def test_request_from_raw_only_url(sandbox: Sandbox) -> None:
    req = make_request(url={"raw": "https://h.example/a?x=1"})
    result = run(
        sandbox,
        "console.log(pm.request.url.getHost(), pm.request.url.query.get('x'))",
        request=req,
    )
    assert console_values(result) == ["h.example 1"]
    assert result.request["url"]["raw"] == "https://h.example/a?x=1"


def test_legacy_request_global(sandbox: Sandbox) -> None:
    req = make_request(
        body={"mode": "urlencoded", "urlencoded": [{"key": "u", "value": "1"}]}
    )
    src = (
        "console.log(request.method, request.url, JSON.stringify(request.headers),"
        " JSON.stringify(request.data), request.name)"
    )
    result = run(sandbox, src, request=req)
    assert (
        console_values(result)[-1] == 'POST {{base}}/v1/x?a=1 {"A":"b"} {"u":"1"} Req'
    )
    assert (
        "warn",
        'Using "request" is deprecated. Use "pm.request" instead.',
    ) in result.console


def test_request_json_is_plain(sandbox: Sandbox) -> None:
    result = run(sandbox, "console.log(JSON.stringify(pm.request.toJSON().url.query))")
    assert json.loads(console_values(result)[0]) == [
        {"key": "a", "value": "1", "disabled": False}
    ]


def test_postman_collection_sdk_module(sandbox: Sandbox) -> None:
    src = """
    const sdk = require('postman-collection');
    const url = new sdk.Url('https://h.example/a/b?x=1&y=2');
    url.query.add(new sdk.QueryParam('z=3'));
    console.log(url.getPathWithQuery(), url.getHost(), new sdk.Header('K: v').toString());
    console.log(JSON.stringify(pm.request.getHeaders({enabled: true, ignoreCase: true})));
    """
    assert console_values(run(sandbox, src)) == [
        "/a/b?x=1&y=2&z=3 h.example K: v",
        '{"a":"b"}',
    ]


def test_url_parts_assigned_as_strings(sandbox: Sandbox) -> None:
    src = "pm.request.url.host = 'api.example.com'; pm.request.url.path = '/v2/items';"
    src += " pm.request.url.port = 8080;"
    result = run(sandbox, src)
    url = result.request["url"]
    assert url["raw"] == "api.example.com:8080/v2/items?a=1"
    assert (url["host"], url["port"], url["path"]) == (
        ["api", "example", "com"],
        "8080",
        ["v2", "items"],
    )
