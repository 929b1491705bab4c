"""Every field shape and body type of FORMAT.md §6-§12, read into the model exactly as
the same collection in v2.1 JSON is."""

# ruff: noqa: E501  (YAML fixtures stay one line per file: easier to read than split)

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmgen.importer import load
from tests.importer.v3.helpers import load_tree, only_op, request_yaml

R = "r.request.yaml"


def test_url_method_and_name_from_the_name_key(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {"Get-user.request.yaml": request_yaml("""
        name: "Get user/:id"
        method: patch
        url: https://{{host}}:8443/users/:id?expand=yes#top
        """)},
    )
    op = only_op(c)
    assert op.name == "Get user/:id"
    assert op.request.method == "PATCH"
    url = op.request.url
    assert url.raw == "https://{{host}}:8443/users/:id?expand=yes#top"
    assert (url.protocol, url.host, url.port, url.path) == (
        "https",
        ["{{host}}"],
        "8443",
        ["users", ":id"],
    )
    assert [(q.key, q.value) for q in url.query] == [("expand", "yes")]
    assert url.hash == "top"
    assert c.info.format == "v3.0.0"


def test_name_defaults_to_the_file_stem(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path, {"List books.request.yaml": request_yaml("url: http://x/b\n")}
    )
    assert only_op(c).name == "List books"
    assert only_op(c).request.method == "GET"


@pytest.mark.parametrize(
    "headers",
    [
        "headers:\n  Accept: application/json\n  X-On: on\n",
        "headers:\n  - key: Accept\n    value: application/json\n  - key: X-On\n    value: on\n"
        "  - key: X-Off\n    value: '1'\n    disabled: true\n    description: not sent\n",
    ],
    ids=["map", "list"],
)
def test_headers_map_and_list(tmp_path: Path, headers: str) -> None:
    op = only_op(load_tree(tmp_path, {R: request_yaml("url: http://x/\n" + headers)}))
    got = [(h.key, h.value, h.disabled) for h in op.request.headers]
    assert got[:2] == [("Accept", "application/json", False), ("X-On", "on", False)]
    if len(got) == 3:
        assert got[2] == ("X-Off", "1", True)
        assert op.request.headers[2].description == "not sent"


def test_query_params_map_list_null_and_disabled(tmp_path: Path) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {R: request_yaml("""
        url: http://x/s?q=1&flag&date=2024-01-01
        queryParams:
          - key: q
            value: "1"
          - key: flag
            value: null
          - key: date
            value: 2024-01-01
          - key: off
            value: "x"
            disabled: true
        """)},
        )
    )
    got = [(q.key, q.value, q.disabled) for q in op.request.url.query]
    assert got == [
        ("q", "1", False),
        ("flag", None, False),
        ("date", "2024-01-01", False),
        ("off", "x", True),
    ]


def test_query_params_map_and_url_only_keys_kept_first(tmp_path: Path) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {R: request_yaml("""
        url: http://x/s?keep=me&a=1
        queryParams:
          a: "2"
        """)},
        )
    )
    assert [(q.key, q.value) for q in op.request.url.query] == [
        ("keep", "me"),
        ("a", "2"),
    ]


@pytest.mark.parametrize(
    "variables",
    [
        "pathVariables:\n  id: '42'\n",
        "pathVariables:\n  - key: id\n    value: '42'\n    description: the id\n",
    ],
    ids=["map", "list"],
)
def test_path_variables(tmp_path: Path, variables: str) -> None:
    op = only_op(
        load_tree(tmp_path, {R: request_yaml("url: http://x/u/:id\n" + variables)})
    )
    params = op.request.url.path_params
    assert [(p.name, p.value, p.kind) for p in params] == [("id", "42", "colon")]


@pytest.mark.parametrize(
    ("kind", "language", "mime"),
    [("json", "json", None), ("xml", "xml", None), ("html", "html", None),
     ("javascript", "javascript", None), ("text", None, None)],
)  # fmt: skip
def test_raw_bodies(
    tmp_path: Path, kind: str, language: str | None, mime: None
) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {R: request_yaml(f"""
        method: POST
        url: http://x/
        body:
          type: {kind}
          content: |-
            {{"a": 1}}
        """)},
        )
    )
    body = op.request.body
    assert body is not None and body.mode == "raw"
    assert body.raw == '{"a": 1}'
    assert body.language == language
    assert body.json_value == {"a": 1}


def test_none_body(tmp_path: Path) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {R: request_yaml("method: POST\nurl: http://x/\nbody:\n  type: none\n")},
        )
    )
    assert op.request.body is None


@pytest.mark.parametrize(
    "content",
    [
        "  content:\n    a: yes\n    b: '2'\n",
        "  content:\n    - key: a\n      value: yes\n    - key: b\n      value: '2'\n    - key: c\n      value: x\n      disabled: true\n",
    ],
    ids=["map", "list"],
)
def test_urlencoded_body(tmp_path: Path, content: str) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {
                R: request_yaml(
                    "method: POST\nurl: http://x/\nbody:\n  type: urlencoded\n"
                    + content
                )
            },
        )
    )
    body = op.request.body
    assert body is not None and body.mode == "urlencoded"
    assert [(f.key, f.value) for f in body.urlencoded][:2] == [("a", "yes"), ("b", "2")]
    if len(body.urlencoded) == 3:
        assert body.urlencoded[2].disabled


def test_formdata_body_with_files(tmp_path: Path) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {R: request_yaml("""
        method: POST
        url: http://x/
        body:
          type: formdata
          content:
            - key: name
              type: text
              value: on
              contentType: text/plain
            - key: one
              type: file
              src: ./a.png
            - key: many
              type: file
              src: [a.txt, b.txt]
            - key: none
              type: file
              src: []
            - key: gone
              type: text
              value: x
              disabled: true
        """)},
        )
    )
    body = op.request.body
    assert body is not None and body.mode == "formdata"
    fields = {f.key: f for f in body.formdata}
    assert (fields["name"].type, fields["name"].value, fields["name"].content_type) == (
        "text",
        "on",
        "text/plain",
    )
    assert fields["one"].src == ["./a.png"]
    assert fields["many"].src == ["a.txt", "b.txt"]
    assert fields["none"].type == "file" and not fields["none"].src
    assert fields["gone"].disabled


@pytest.mark.parametrize(
    ("content", "src"), [("{src: ./data.bin}", "./data.bin"), ("{}", None)]
)
def test_file_body(tmp_path: Path, content: str, src: str | None) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {
                R: request_yaml(
                    f"method: PUT\nurl: http://x/\nbody:\n  type: file\n  content: {content}\n"
                )
            },
        )
    )
    body = op.request.body
    assert body is not None and body.mode == "file" and body.file_src == src


def test_graphql_body(tmp_path: Path) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {R: request_yaml("""
        method: POST
        url: http://x/graphql
        body:
          type: graphql
          content:
            query: "query { me { id } }"
            variables: '{"a": 1}'
        """)},
        )
    )
    body = op.request.body
    assert body is not None and body.mode == "graphql"
    assert (body.graphql_query, body.graphql_variables) == (
        "query { me { id } }",
        '{"a": 1}',
    )


def test_graphql_request_kind_becomes_an_http_post(tmp_path: Path) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {
                "q.request.yaml": request_yaml(
                    """
        url: https://x/graphql
        query: "{ a }"
        variables: '{"v": 2}'
        headers:
          X-A: b
        scripts:
          - type: beforeQuery
            code: console.log(1)
        """,
                    kind="graphql-request",
                )
            },
        )
    )
    assert op.request.method == "POST"
    body = op.request.body
    assert body is not None and body.mode == "graphql"
    assert (body.graphql_query, body.graphql_variables) == ("{ a }", '{"v": 2}')
    assert [s.event for s in op.scripts] == ["prerequest"]


def test_get_with_a_body_is_not_pruned_but_an_empty_one_is(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {
            "a.request.yaml": request_yaml(
                "url: http://x/\nbody:\n  type: json\n  content: '{}'\norder: 1\n"
            ),
            "b.request.yaml": request_yaml(
                "url: http://x/\nbody:\n  type: text\n  content: ''\norder: 2\n"
            ),
        },
    )
    a, b = c.operations()
    assert a.protocol_profile_behavior == {"disableBodyPruning": True}
    assert b.protocol_profile_behavior == {}


def test_settings_become_protocol_profile_behavior(tmp_path: Path) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {R: request_yaml("""
        url: http://x/
        settings:
          followRedirects: false
          maxRedirects: 3
          disabledSystemHeaders: [user-agent, accept]
        """)},
        )
    )
    assert op.protocol_profile_behavior == {
        "followRedirects": False,
        "maxRedirects": 3,
        "disabledSystemHeaders": {"user-agent": True, "accept": True},
    }


AUTHS = {
    "basic": ("{username: u, password: p}", {"username": "u", "password": "p"}),
    "bearer": ("{token: '{{t}}'}", {"token": "{{t}}"}),
    "apikey": (
        "{key: X-Key, value: v, in: query}",
        {"key": "X-Key", "value": "v", "in": "query"},
    ),
    "oauth2": (
        "{addTokenTo: header, accessToken: abc, scope: [a, b]}",
        {"addTokenTo": "header", "accessToken": "abc", "scope": ["a", "b"]},
    ),
    "jwt": (
        "{algorithm: HS256, isSecretBase64Encoded: false, payload: '{}'}",
        {"algorithm": "HS256", "isSecretBase64Encoded": False, "payload": "{}"},
    ),
    "digest": (
        "{username: u, password: p, disableRetryRequest: true}",
        {"username": "u", "password": "p", "disableRetryRequest": True},
    ),
    "awsv4": (
        "{accessKey: a, secretKey: s, region: eu-west-1, service: s3}",
        {"accessKey": "a", "secretKey": "s", "region": "eu-west-1", "service": "s3"},
    ),
}


@pytest.mark.parametrize("kind", sorted(AUTHS))
def test_request_auth_types_keep_their_credentials(tmp_path: Path, kind: str) -> None:
    credentials, params = AUTHS[kind]
    op = only_op(
        load_tree(
            tmp_path,
            {
                R: request_yaml(
                    f"url: http://x/\nauth:\n  type: {kind}\n  credentials: {credentials}\n"
                )
            },
        )
    )
    assert op.request.auth is not None
    assert (op.request.auth.type, op.request.auth.params) == (kind, params)
    assert op.auth.source == "request"


def test_credentials_as_a_list(tmp_path: Path) -> None:
    op = only_op(
        load_tree(
            tmp_path,
            {
                R: request_yaml(
                    "url: http://x/\nauth:\n  type: bearer\n  credentials:\n    - key: token\n      value: abc\n"
                )
            },
        )
    )
    assert op.request.auth is not None and op.request.auth.params == {"token": "abc"}


def test_auth_inheritance_list_shape_inherit_and_noauth(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {
            ".resources/definition.yaml": """
            $kind: collection
            auth:
              - id: 0b4a
                type: bearer
                name: bearer auth
                credentials: {token: root}
            """,
            "Open/.resources/definition.yaml": "$kind: collection\nauth: {type: noauth}\norder: 1\n",
            "Open/a.request.yaml": request_yaml("url: http://x/a\n"),
            "Own/.resources/definition.yaml": "$kind: collection\norder: 2\nauth:\n  type: basic\n  credentials: {username: f, password: g}\n",
            "Own/b.request.yaml": request_yaml(
                "url: http://x/b\nauth: {type: inherit}\n"
            ),
            "Own/c.request.yaml": request_yaml(
                "url: http://x/c\nauth: {type: noauth}\norder: 5\n"
            ),
            "d.request.yaml": request_yaml("url: http://x/d\norder: 3\n"),
        },
    )
    ops = {op.name: op for op in c.operations()}
    assert c.auth is not None and c.auth.params == {"token": "root"}
    assert ops["a"].auth.auth is None and ops["a"].auth.source == "folder"
    assert ops["b"].auth.auth is not None and ops["b"].auth.auth.type == "basic"
    assert ops["b"].auth.source == "folder"
    assert ops["c"].auth.auth is None and ops["c"].auth.source == "request"
    assert ops["d"].auth.auth is not None and ops["d"].auth.source == "collection"


def test_scripts_at_every_level_become_v21_events(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {
            ".resources/definition.yaml": """
            $kind: collection
            scripts:
              - type: http:beforeRequest
                code: pm.variables.set("a", 1)
              - type: http:afterResponse
                code: |-
                  pm.test("ok", () => {
                    pm.response.to.have.status(200)
                  })
              - type: grpc:beforeInvoke
                code: ignored()
            """,
            "F/.resources/definition.yaml": "$kind: collection\nscripts:\n  - type: http:beforeRequest\n    code: folder()\n",
            "F/r.request.yaml": request_yaml("""
            url: http://x/
            scripts:
              - type: beforeRequest
                code: request()
                language: text/javascript
              - type: afterResponse
                code: "a\\r\\nb"
              - type: http:beforeRequest
                code: wrong_level()
            """),
        },
    )
    op = only_op(c)
    assert [(s.event, s.exec) for s in c.scripts] == [
        ("prerequest", 'pm.variables.set("a", 1)'),
        ("test", 'pm.test("ok", () => {\n  pm.response.to.have.status(200)\n})'),
    ]
    assert [(s.event, s.exec) for s in op.inherited_scripts] == [
        *[(s.event, s.exec) for s in c.scripts],
        ("prerequest", "folder()"),
    ]
    assert [(s.event, s.exec) for s in op.scripts] == [
        ("prerequest", "request()"),
        ("test", "a\r\nb"),
    ]
    assert any(
        "http:beforeRequest" in d.message and d.location == "F/r.request.yaml"
        for d in c.diagnostics
    )


def test_collection_variables_map_list_and_info(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {
            ".resources/definition.yaml": """
        $kind: collection
        id: 1c2d
        name: Real Name
        description: |-
          Markdown **here**
        variables:
          - key: base
            value: http://x
            disabled: false
          - key: n
            value: 3
          - key: token
            value: s3cr3t
            secret: true
          - key: off
            value: x
            disabled: true
        """,
            "a.request.yaml": request_yaml("url: '{{base}}/a'\n"),
        },
    )
    assert (c.info.name, c.info.postman_id, c.info.description) == (
        "Real Name",
        "1c2d",
        "Markdown **here**",
    )
    got = [(v.key, v.value, v.disabled) for v in c.variables]
    assert got == [
        ("base", "http://x", False),
        ("n", "3", False),
        ("token", "s3cr3t", False),
        ("off", "x", True),
    ]
    assert c.variables[2].secret and c.variables[2].type == "secret"
    c2 = load_tree(
        tmp_path / "m",
        {
            ".resources/definition.yaml": "$kind: collection\nvariables:\n  base: on\n",
            "a.request.yaml": request_yaml("url: x\n"),
        },
    )
    assert [(v.key, v.value) for v in c2.variables] == [("base", "on")]
    assert c2.info.name == "m"


def test_descriptions_and_examples(tmp_path: Path) -> None:
    c = load_tree(
        tmp_path,
        {
            "F/.resources/definition.yaml": "$kind: collection\ndescription: folder text\n",
            "F/Get it.request.yaml": request_yaml("""
            url: http://x/it
            description: request text
            examples: ./.resources/Get it.resources/examples
            """),
            "F/.resources/Get it.resources/examples/ok.example.yaml": """
            $kind: http-example
            name: OK one
            order: 2000
            request:
              url: http://x/it?a=1
              method: GET
              headers:
                Accept: "*/*"
            response:
              statusCode: 200
              statusText: OK
              headers:
                - key: Content-Type
                  value: application/json
              body:
                type: json
                content: '{"ok": true}'
            """,
            "F/.resources/Get it.resources/examples/bad.example.yaml": """
            $kind: http-example
            order: 1000
            response:
              statusCode: 500
              statusText: Internal Server Error
              body:
                type: text
                content: ''
            """,
        },
    )
    folder = c.items[0]
    op = only_op(c)
    assert folder.description == "folder text"  # type: ignore[union-attr]
    assert op.description == "request text"
    assert [(e.name, e.code, e.status, e.language) for e in op.examples] == [
        ("bad", 500, "Internal Server Error", "text"),
        ("OK one", 200, "OK", "json"),
    ]
    ok = op.examples[1]
    assert ok.body == '{"ok": true}'
    assert [(h.key, h.value) for h in ok.headers] == [
        ("Content-Type", "application/json")
    ]
    assert ok.original_request is not None
    assert [(q.key, q.value) for q in ok.original_request.url.query] == [("a", "1")]


def test_the_same_collection_as_v21_json_gives_the_same_model(tmp_path: Path) -> None:
    """One collection written both ways (hand-made from FORMAT.md §15): equal dumps."""
    v21 = {
        "info": {
            "name": "Same",
            "_postman_id": "abc",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "auth": {
            "type": "bearer",
            "bearer": [{"key": "token", "value": "t", "type": "string"}],
        },
        "variable": [{"key": "base", "value": "http://x"}],
        "item": [
            {
                "name": "Folder",
                "item": [
                    {
                        "name": "Create",
                        "request": {
                            "method": "POST",
                            "header": [{"key": "A", "value": "yes"}],
                            "url": {
                                "raw": "{{base}}/things/:id?x=1",
                                "host": ["{{base}}"],
                                "path": ["things", ":id"],
                                "query": [{"key": "x", "value": "1"}],
                                "variable": [{"key": "id", "value": "7"}],
                            },
                            "body": {
                                "mode": "raw",
                                "raw": '{"a": 1}',
                                "options": {"raw": {"language": "json"}},
                            },
                        },
                        "event": [
                            {
                                "listen": "test",
                                "script": {
                                    "type": "text/javascript",
                                    "exec": ["pm.test('x')"],
                                },
                            }
                        ],
                        "response": [],
                    },
                ],
            },
            {
                "name": "Ping",
                "request": {
                    "method": "GET",
                    "header": [],
                    "url": {
                        "raw": "{{base}}/ping",
                        "host": ["{{base}}"],
                        "path": ["ping"],
                    },
                },
                "response": [],
            },
        ],
    }
    (tmp_path / "c.json").write_text(json.dumps(v21))
    a = load(str(tmp_path / "c.json"))
    b = load_tree(
        tmp_path / "v3",
        {
            ".resources/definition.yaml": """
            $kind: collection
            id: abc
            name: Same
            auth:
              - type: bearer
                credentials: {token: t}
            variables:
              base: http://x
            """,
            "Folder/.resources/definition.yaml": "$kind: collection\norder: 1000\n",
            "Folder/Create.request.yaml": request_yaml("""
            method: POST
            url: "{{base}}/things/:id?x=1"
            headers:
              A: yes
            queryParams:
              x: "1"
            pathVariables:
              id: "7"
            body:
              type: json
              content: '{"a": 1}'
            scripts:
              - type: afterResponse
                code: pm.test('x')
            """),
            "Ping.request.yaml": request_yaml(
                "method: GET\nurl: '{{base}}/ping'\norder: 2000\n"
            ),
        },
    )

    def dump(c: object) -> object:
        d = c.model_dump(mode="json", exclude={"source", "source_sha256", "diagnostics"})  # type: ignore[attr-defined]
        d["info"].pop("format")
        return d

    assert dump(a) == dump(b)
