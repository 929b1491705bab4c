"""Every form and variant a collection comes in, read into the same model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmgen.errors import InputError, UsageError
from pmgen.importer import load
from tests.importer.helpers import FIXTURES, V20, collection, load_value, ops


def test_bundled_collection_in_detail() -> None:
    c = load(str(FIXTURES / "bookshop.postman_collection.json"))
    assert c.info.format == "v2.1.0"
    by_name = {op.name: op for op in c.operations()}
    assert [op.key for op in c.operations()] == [
        "Auth / Log in",
        "Books / List books",
        "Books / Get book",
        "Books / Books on a shelf",
        "Books / Review a book",
        "Books / Upload a cover",
        "Health",
    ]
    login = by_name["Log in"]
    assert login.auth.auth is None and login.auth.source == "folder"
    (script,) = login.scripts
    (stored,) = script.sets
    assert (stored.scope, stored.name, stored.source, stored.json_path) == (
        "collection",
        "access_token",
        "json",
        ["data", "access_token"],
    )
    assert login.request.body and login.request.body.json_value == {
        "username": "reader",
        "password": "{{password}}",
    }
    assert login.examples[0].code == 200 and login.examples[0].language == "json"

    listing = by_name["List books"]
    assert listing.auth.source == "collection" and listing.auth.auth
    assert listing.auth.auth.type == "bearer"
    assert listing.auth.auth.params == {"token": "{{access_token}}"}
    assert [(q.key, q.value, q.disabled) for q in listing.request.url.query] == [
        ("limit", "10", False),
        ("order", "title asc", False),
        ("cursor", "", True),
    ]
    assert listing.protocol_profile_behavior == {
        "followRedirects": False,
        "disableBodyPruning": True,
    }

    get = by_name["Get book"]
    assert get.request.method == "get"  # kept as written
    (param,) = get.request.url.path_params
    assert (param.name, param.kind, param.value, param.description) == (
        "book_id",
        "colon",
        "42",
        "The book's id",
    )

    shelf = by_name["Books on a shelf"].request.url
    assert shelf.host == ["{{base_url}}"] and shelf.path == [
        "shelves",
        "{{shelf}}",
        "books",
    ]
    assert [(p.name, p.kind, p.segment_index) for p in shelf.path_params] == [
        ("shelf", "variable", 1)
    ]

    review = by_name["Review a book"]
    assert (
        review.auth.source == "request"
        and review.auth.auth
        and review.auth.auth.type == "basic"
    )
    assert [(h.key, h.value, h.disabled) for h in review.request.headers] == [
        ("X-Trace", "on", False),
        ("X-Debug", "1", True),
    ]
    (placeholder,) = review.request.url.path_params
    assert (placeholder.name, placeholder.kind) == ("insert book id", "placeholder")

    cover = by_name["Upload a cover"].request.body
    assert cover and cover.formdata[0].src == ["front.png", "back.png"]
    assert cover.formdata[1].value == "First edition"

    health = by_name["Health"]
    assert health.request.method == "GET" and health.request.url.host == [
        "books",
        "example",
        "test",
    ]
    assert health.folder == [] and health.identifier == "health"


def test_ids_and_identifiers_are_stable_and_unique(tmp_path: Path) -> None:
    items = [
        {"name": "Fetch", "request": "https://x.test/a"},
        {"name": "fetch", "request": "https://x.test/b"},
        {"name": "class", "request": "https://x.test/c"},
        {"name": "Fetch", "item": [{"name": "Fetch", "request": "https://x.test/d"}]},
    ]
    first = load_value(tmp_path, collection(items))
    again = load_value(tmp_path, collection(items), name="again.json")
    assert [op.id for op in ops(first)] == [op.id for op in ops(again)]
    assert [op.identifier for op in ops(first)] == [
        "fetch",
        "fetch_2",
        "class_",
        "fetch",
    ]
    assert [op.key for op in ops(first)] == ["Fetch", "fetch", "class", "Fetch / Fetch"]
    folder = next(first.folders())
    assert folder.identifier == "fetch_3"  # shares the scope of its sibling operations
    assert ops(first)[3].folder_identifiers == ["fetch_3"]


def test_repeated_keys_are_numbered_like_newman(tmp_path: Path) -> None:
    items = [{"name": "Same", "request": "https://x.test/"} for _ in range(3)]
    assert [op.key for op in ops(load_value(tmp_path, collection(items)))] == [
        "Same",
        "Same #2",
        "Same #3",
    ]


@pytest.mark.parametrize(
    ("request_auth", "expected"),
    [
        (None, ("folder", "digest")),  # missing: inherits
        ({"type": None}, ("folder", "digest")),  # null type: inherits
        (
            {"type": "madeup", "madeup": []},
            ("folder", "digest"),
        ),  # invalid type: inherits
        ({"type": "noauth"}, ("request", None)),  # noauth stops inheritance
        (
            {"type": "bearer", "bearer": {"token": "t"}},
            ("request", "bearer"),
        ),  # v2.0 object form
    ],
)
def test_auth_inheritance_rules(
    tmp_path: Path, request_auth: object, expected: tuple[str, str | None]
) -> None:
    request: dict[str, object] = {"url": "https://x.test/"}
    if request_auth is not None:
        request["auth"] = request_auth
    value = collection(
        [
            {
                "name": "F",
                "auth": {
                    "type": "digest",
                    "digest": [{"key": "username", "value": "u"}],
                },
                "item": [{"name": "R", "request": request}],
            }
        ],
        auth={"type": "basic", "basic": [{"key": "username", "value": "c"}]},
    )
    (op,) = ops(load_value(tmp_path, value))
    assert (op.auth.source, op.auth.auth.type if op.auth.auth else None) == expected


def test_folder_with_null_auth_inherits_from_collection(tmp_path: Path) -> None:
    value = collection(
        [
            {
                "name": "F",
                "auth": None,
                "item": [{"name": "R", "request": "https://x.test/"}],
            }
        ],
        auth={"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"}]},
    )
    (op,) = ops(load_value(tmp_path, value))
    assert (
        op.auth.source == "collection"
        and op.auth.auth
        and op.auth.auth.params == {"key": "X-Key"}
    )


def test_v20_variants(tmp_path: Path) -> None:
    value = collection(
        [
            {
                "name": "object auth",
                "request": {
                    "method": "PROPFIND",
                    "url": "https://h.test:8443/a/b?x=1&flag#frag",
                    "header": "Accept: text/plain\nX-Empty:",
                    "auth": {
                        "type": "hawk",
                        "hawk": {"authId": "id", "authKey": "k", "algorithm": "sha256"},
                    },
                    "description": {"content": "**md**", "type": "text/markdown"},
                },
            },
            {
                "name": "segments as objects",
                "request": {
                    "method": "PURGE",
                    "url": {
                        "raw": "https://h.test/x/:id",
                        "protocol": "https",
                        "host": "h.test",
                        "path": [
                            {"type": "string", "value": "x"},
                            {"type": "string", "value": ":id"},
                        ],
                        "variable": [{"id": "id", "value": "7"}],
                    },
                },
            },
        ],
        schema=V20,
    )
    c = load_value(tmp_path, value)
    assert c.info.format == "v2.0.0"
    first, second = ops(c)
    url = first.request.url
    assert (url.protocol, url.host, url.port, url.path, url.hash) == (
        "https",
        ["h", "test"],
        "8443",
        ["a", "b"],
        "frag",
    )
    assert [(q.key, q.value) for q in url.query] == [("x", "1"), ("flag", None)]
    assert [(h.key, h.value) for h in first.request.headers] == [
        ("Accept", "text/plain"),
        ("X-Empty", ""),
    ]
    assert first.auth.auth and first.auth.auth.params["authKey"] == "k"
    assert first.description == "**md**" and first.request.method == "PROPFIND"
    assert second.request.url.host == ["h", "test"] and second.request.url.path == [
        "x",
        ":id",
    ]
    assert second.request.url.path_params[0].value == "7"


def test_draft_without_info_schema_and_script_references(tmp_path: Path) -> None:
    value = {
        "info": {
            "name": "Draft",
            "_postman_schema": "https://schema.getpostman.com/#2.0.0",
            "version": {
                "major": "2",
                "minor": "0",
                "patch": "0",
                "prerelease": "draft.1",
            },
        },
        "event": [
            {
                "listen": "test",
                "id": "shared-1",
                "script": {"exec": ["pm.globals.set('g', 'v');"]},
            }
        ],
        "variable": [{"id": "v1", "value": 123}],
        "item": [
            {
                "id": "r1",
                "name": "R",
                "request": "http://x.test/",
                "event": [{"listen": "test", "script": "shared-1"}],
            }
        ],
    }
    c = load_value(tmp_path, value)
    assert c.info.format == "v2.0.0-draft" and c.info.version == "2.0.0-draft.1"
    assert [(v.key, v.value) for v in c.variables] == [("v1", "123")]
    (op,) = ops(c)
    assert op.id == "r1"
    assert (
        op.scripts[0].sets[0].scope == "global"
        and op.scripts[0].sets[0].source == "literal"
    )


def test_no_info_block(tmp_path: Path) -> None:
    c = load_value(
        tmp_path, {"name": "Bare", "item": [{"name": "R", "request": "http://x.test/"}]}
    )
    assert c.info.name == "Bare" and len(ops(c)) == 1
    assert any("no `info`" in d.message for d in c.diagnostics)


def test_items_instead_of_item_is_read_with_a_warning(tmp_path: Path) -> None:
    value = {
        "info": {"name": "Odd"},
        "items": [{"name": "F", "items": [{"name": "R", "request": "http://x.test/"}]}],
    }
    c = load_value(tmp_path, value)
    assert [op.key for op in ops(c)] == ["F / R"]
    (warning,) = [d for d in c.diagnostics if d.level == "warning"]
    assert "`items`" in warning.message


def test_empty_collection_is_flagged(tmp_path: Path) -> None:
    c = load_value(tmp_path, {"info": {"name": "Empty", "schema": "x"}})
    assert not ops(c) and any("no requests" in d.message for d in c.diagnostics)


def test_api_wrapper(tmp_path: Path) -> None:
    c = load_value(
        tmp_path,
        {"collection": collection([{"name": "R", "request": "http://x.test/"}])},
    )
    assert len(ops(c)) == 1


def test_bodies(tmp_path: Path) -> None:
    value = collection(
        [
            {
                "name": "graphql",
                "request": {
                    "method": "POST",
                    "url": "http://x.test/",
                    "body": {
                        "mode": "graphql",
                        "graphql": {"query": "{ a }", "variables": {"n": 1}},
                    },
                },
            },
            {
                "name": "file",
                "request": {
                    "method": "POST",
                    "url": "http://x.test/",
                    "body": {"mode": "file", "file": {"src": "/tmp/a.bin"}},
                },
            },
            {
                "name": "xml",
                "request": {
                    "method": "POST",
                    "url": "http://x.test/",
                    "body": {
                        "mode": "raw",
                        "raw": "<a/>",
                        "options": {"raw": {"language": "xml"}},
                    },
                },
            },
            {
                "name": "broken json",
                "request": {
                    "method": "POST",
                    "url": "http://x.test/",
                    "body": {"mode": "raw", "raw": '{"a": {{n}}}', "disabled": True},
                },
            },
        ]
    )
    graphql, file, xml, broken = (
        op.request.body for op in ops(load_value(tmp_path, value))
    )
    assert (
        graphql
        and graphql.graphql_query == "{ a }"
        and graphql.graphql_variables == '{"n": 1}'
    )
    assert file and file.file_src == "/tmp/a.bin"
    assert xml and xml.language == "xml" and not xml.json_valid
    assert broken and not broken.json_valid and broken.disabled


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "var d = JSON.parse(responseBody);\n"
            "postman.setEnvironmentVariable('t', d.items[0]['id']);",
            ("environment", "json", ["items", 0, "id"]),
        ),
        (
            'pm.environment.set("t", pm.response.json().token)',
            ("environment", "json", ["token"]),
        ),
        (
            "const h = pm.response.headers.get('X-Id');\npm.collectionVariables.set('t', h);",
            ("collection", "header", None),
        ),
        ("pm.variables.set('t', 'fixed')", ("variables", "literal", None)),
        (
            "pm.collectionVariables.set('t', compute(a, b))",
            ("collection", "other", None),
        ),
    ],
)
def test_script_variables(
    tmp_path: Path, source: str, expected: tuple[str, str, object]
) -> None:
    value = collection(
        [
            {
                "name": "R",
                "request": "http://x.test/",
                "event": [{"listen": "test", "script": {"exec": source.split("\n")}}],
            }
        ]
    )
    (op,) = ops(load_value(tmp_path, value))
    (stored,) = op.scripts[0].sets
    assert (stored.scope, stored.source, stored.json_path) == expected
    assert stored.name == "t"


def test_v1_legacy_collection_with_nested_folders(tmp_path: Path) -> None:
    value = {
        "id": "c1",
        "name": "Legacy",
        "order": ["r3"],
        "folders_order": ["f1"],
        "folders": [
            {"id": "f1", "name": "Outer", "order": ["r1"], "folders_order": ["f2"]},
            {"id": "f2", "name": "Inner", "order": ["r2"]},
        ],
        "requests": [
            {
                "id": "r1",
                "name": "One",
                "method": "POST",
                "url": "http://x.test/:id",
                "pathVariables": {"id": "5"},
                "headers": "A: 1\n",
                "dataMode": "urlencoded",
                "data": [{"key": "k", "value": "v", "enabled": False}],
                "currentHelper": "basicAuth",
                "helperAttributes": {"id": "basic", "username": "u", "password": "p"},
                "tests": "postman.setEnvironmentVariable('x', JSON.parse(responseBody).x);",
            },
            {
                "id": "r2",
                "name": "Two",
                "method": "PUT",
                "url": "http://x.test/2",
                "dataMode": "raw",
                "rawModeData": '{"a": 1}',
                "responses": [
                    {
                        "name": "ok",
                        "responseCode": {"code": 200, "name": "OK"},
                        "text": "{}",
                    }
                ],
            },
            {"id": "r3", "name": "Three", "method": "GET", "url": "http://x.test/3"},
            {"id": "r4", "name": "Orphan", "method": "GET", "url": "http://x.test/4"},
        ],
    }
    c = load_value(tmp_path, value)
    assert c.info.format == "v1"
    assert [op.key for op in ops(c)] == [
        "Outer / Inner / Two",
        "Outer / One",
        "Three",
        "Orphan",
    ]
    two, one = ops(c)[:2]
    assert (
        one.auth.auth
        and one.auth.auth.type == "basic"
        and one.auth.auth.params["password"] == "p"
    )
    assert one.request.url.path_params[0].value == "5"
    assert one.request.body and one.request.body.urlencoded[0].disabled
    assert one.scripts[0].sets[0].json_path == ["x"]
    assert (
        two.examples[0].code == 200
        and two.request.body
        and two.request.body.json_value == {"a": 1}
    )


def test_documenter_collection_is_normalized(tmp_path: Path) -> None:
    segregated = {
        "type": "apikey",
        "apikey": {"basicConfig": [{"key": "key", "value": "sid"}]},
        "isInherited": True,
        "source": {"type": "collection", "name": "C"},
    }
    value = {
        "info": {
            "name": "Docs",
            "schema": V20,
            "publishedId": "PUB1",
            "owner": "42",
            "description": "<h2>Intro</h2><p>Hello <strong>world</strong> <code>x_y</code></p>"
            "<ul><li>one</li><li>two</li></ul>",
        },
        "auth": {
            "type": "apikey",
            "apikey": {
                "basicConfig": [
                    {"key": "key", "value": "sid"},
                    {"key": "in", "value": "header"},
                ]
            },
        },
        "item": [
            {
                "name": "F",
                "auth": segregated,
                "item": [
                    {
                        "name": "R",
                        "request": {
                            "auth": segregated,
                            "method": "GET",
                            "url": "https://h.test/users/:id?x=1",
                            "urlObject": {
                                "query": [
                                    {"key": "x", "value": "1"},
                                    {"key": "y", "value": "2", "disabled": True},
                                ],
                                "variable": [
                                    {
                                        "key": "id",
                                        "value": "9",
                                        "description": "<p>User id</p>",
                                    }
                                ],
                            },
                            "description": "<table><tr><th>a</th><th>b</th></tr>"
                            "<tr><td>1</td><td>2|3</td></tr></table>",
                        },
                    },
                    {
                        "name": "Open",
                        "request": {
                            "auth": {"type": "noauth", "isInherited": False},
                            "url": "https://h.test/",
                        },
                    },
                ],
            },
        ],
    }
    c = load_value(tmp_path, value)
    assert c.info.format == "documenter-v2.0.0"
    assert c.publish and (c.publish.published_id, c.publish.owner_id) == ("PUB1", "42")
    assert c.info.description == "## Intro\n\nHello **world** `x_y`\n\n- one\n- two"
    folder = next(c.folders())
    assert not folder.auth_declared
    r, open_ = ops(c)
    assert (
        r.auth.source == "collection"
        and r.auth.auth
        and r.auth.auth.params == {"key": "sid", "in": "header"}
    )
    assert open_.auth.source == "request" and open_.auth.auth is None
    assert [(q.key, q.disabled) for q in r.request.url.query] == [
        ("x", False),
        ("y", True),
    ]
    assert r.request.url.path_params[0].value == "9"
    assert r.description == "| a | b |\n| --- | --- |\n| 1 | 2\\|3 |"


def test_published_metadata_offline(tmp_path: Path) -> None:
    value = {
        "activeVersionTag": "latest",
        "collection": {
            "info": {
                "_postman_id": "abc",
                "name": "Pub",
                "description": "# Hi",
                "owner": "7",
                "publishedId": "P9",
                "publicUrl": "https://docs.example.test",
                "version": "8.1",
            }
        },
        "environments": [
            {"name": "Prod", "values": [{"key": "host", "value": "h", "enabled": True}]}
        ],
        "languages": '[{"key":"curl","label":"cURL","variant":"cURL"}]',
        "canonicalUrl": "https://docs.example.test/view/metadata/P9",
    }
    c = load_value(tmp_path, value)
    assert (c.info.name, c.info.description, c.info.format) == (
        "Pub",
        "# Hi",
        "published-metadata",
    )
    assert not ops(c)
    assert (
        c.publish
        and c.publish.languages == ["curl:cURL"]
        and c.publish.published_id == "P9"
    )
    assert (
        c.publish.collection_url
        == "https://docs.example.test/api/collections/7/P9?segregateAuth=true&versionTag=latest"
    )
    assert [e.name for e in c.environments] == ["Prod"] and c.environment == "Prod"
    assert (
        "requests live in the full collection at https://docs.example.test/api/collections/7/P9"
        in c.diagnostics[0].message
    )


def test_environments_globals_and_overrides(tmp_path: Path) -> None:
    g = tmp_path / "g.json"
    globals_file = {
        "name": "G",
        "values": [{"key": "shelf", "value": "global"}],
        "_postman_variable_scope": "globals",
    }
    g.write_text(json.dumps(globals_file))
    c = load(
        str(FIXTURES / "bookshop.postman_collection.json"),
        env_files=[str(FIXTURES / "bookshop.postman_environment.json")],
        globals_files=[str(g)],
        variables={"access_token": "override"},
    )
    assert c.environment == "Bookshop staging"
    assert [v.key for v in c.globals] == ["shelf"] and c.overrides == {
        "access_token": "override"
    }
    password = next(v for v in c.environments[0].values if v.key == "password")
    assert password.secret and password.type == "secret"


def test_unknown_environment_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="no environment named 'Nope'"):
        load(
            str(FIXTURES / "bookshop.postman_collection.json"),
            env_files=[str(FIXTURES / "bookshop.postman_environment.json")],
            environment="Nope",
        )


def test_environment_file_as_source_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="environment file"):
        load(str(FIXTURES / "bookshop.postman_environment.json"))


def test_url_object_without_raw_gets_one_built_like_postman(tmp_path: Path) -> None:
    url = {
        "protocol": "https",
        "host": ["api", "example", "test"],
        "port": "8443",
        "path": ["v1", ":id"],
        "query": [
            {"key": "a", "value": "1"},
            {"key": "off", "value": "x", "disabled": True},
        ],
        "variable": [{"key": "id", "value": "3"}],
    }
    (op,) = ops(
        load_value(tmp_path, collection([{"name": "R", "request": {"url": url}}]))
    )
    assert op.request.url.raw == "https://api.example.test:8443/v1/:id?a=1"
    assert op.request.url.path_params[0].value == "3"


def test_progress_is_reported_for_big_inputs(tmp_path: Path) -> None:
    items = [
        {"name": f"r{n}", "request": f"https://x.test/{n}", "description": "x" * 2000}
        for n in range(600)
    ]
    messages: list[str] = []
    c = load_value(tmp_path, collection(items), progress=messages.append)
    assert len(ops(c)) == 600
    assert (
        messages[0].startswith("reading ") and messages[-1] == "imported 600 requests"
    )
    small: list[str] = []
    load(str(FIXTURES / "bookshop.postman_collection.json"), progress=small.append)
    assert small == []
