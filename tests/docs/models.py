"""Hand-built collections for the docs tests (no importer involved)."""

from __future__ import annotations

from typing import Any

from pmgen.model import (
    Auth,
    Body,
    Collection,
    EffectiveAuth,
    Environment,
    Example,
    Folder,
    FormField,
    Info,
    KeyValue,
    Operation,
    PathParam,
    RequestSpec,
    Url,
    Variable,
)
from pmgen.naming import snake

CANARY = "c1a2b3-example-token"
HOSTILE = "Evil | name\n<script>alert(1)</script> {{ 7*7 }} `tick` ../../etc/passwd"


def op(
    name: str,
    *,
    method: str = "GET",
    path: tuple[str, ...] = ("items",),
    folder: tuple[str, ...] = (),
    auth: EffectiveAuth | None = None,
    **request: Any,
) -> Operation:
    raw = "{{base_url}}/" + "/".join(path)
    params = [
        PathParam(
            name=seg[1:], kind="colon", segment_index=i, description=f"The {seg[1:]}."
        )
        for i, seg in enumerate(path)
        if seg.startswith(":")
    ]
    url = Url(
        raw=raw,
        host=["{{base_url}}"],
        path=list(path),
        path_params=params,
        query=request.pop("query", []),
    )
    return Operation(
        id=f"id-{snake(' '.join((*folder, name)))}",
        name=name,
        identifier=snake(name),
        folder=list(folder),
        folder_identifiers=[snake(f) for f in folder],
        key=" / ".join((*folder, name)),
        description=request.pop("description", ""),
        request=RequestSpec(method=method, url=url, **request),
        auth=auth
        or EffectiveAuth(
            auth=Auth(type="bearer", params={"token": "{{token}}"}),
            source="collection",
            source_name="Demo",
        ),
        examples=request.pop("examples", []) if "examples" in request else [],
    )


def demo_collection() -> Collection:
    bearer = Auth(type="bearer", params={"token": "{{token}}"})
    basic = Auth(
        type="basic", params={"username": "me", "password": "hunter2-secret-pw"}
    )
    examples = [
        Example(
            name="Found",
            status="OK",
            code=200,
            headers=[
                KeyValue(key="Content-Type", value="application/json"),
                KeyValue(key="Set-Cookie", value="session=abcdef1234567890"),
            ],
            body='{"id": 1, "access_token": "' + CANARY + '", "name": "x|y"}',
        ),
        Example(name="", code=204, body=None),
    ]
    list_items = op(
        "List items",
        query=[
            KeyValue(key="limit", value="10", description="Page size."),
            KeyValue(
                key="cursor",
                value=None,
                description="Optional: next page.",
                disabled=True,
            ),
            KeyValue(
                key="api_key", value=CANARY, description="Key | with pipe\nand newline"
            ),
        ],
        headers=[KeyValue(key="Authorization", value=f"Bearer {CANARY}")],
    )
    get_item = op(
        "Get item",
        path=("items", ":item_id"),
        folder=("Items",),
        description="# Gets one\n\nSee [other](https://example.com/docs) and [local](x.md).",
    )
    get_item = get_item.model_copy(update={"examples": examples})
    create = op(
        "Create item",
        method="POST",
        folder=("Items",),
        headers=[KeyValue(key="Content-Type", value="application/json")],
        body=Body(
            mode="raw",
            raw='{"name":"new","password":"pw-123456789"}',
            language="json",
            json_value={"name": "new", "password": "pw-123456789"},
            json_valid=True,
        ),
    )
    upload = op(
        "Upload",
        method="POST",
        folder=("Items", "Files"),
        auth=EffectiveAuth(auth=basic, source="folder", source_name="Files"),
        body=Body(
            mode="formdata",
            formdata=[
                FormField(key="file", type="file", src=["a.txt", "b.txt"]),
                FormField(key="note", value="hello | world", description="A note."),
                FormField(key="off", value="x", disabled=True),
            ],
        ),
    )
    form = op(
        "Login",
        method="post",
        folder=("Auth",),
        auth=EffectiveAuth(auth=None, source="request"),
        body=Body(
            mode="urlencoded",
            urlencoded=[
                KeyValue(key="username", value="me"),
                KeyValue(key="password", value="hunter2-secret-pw"),
            ],
        ),
    )
    graphql = op(
        "Query",
        method="POST",
        folder=("Auth",),
        body=Body(
            mode="graphql",
            graphql_query="query { me { id } }",
            graphql_variables='{"a": 1}',
        ),
    )
    hostile = op(HOSTILE, folder=(HOSTILE,), description=HOSTILE)
    same_name = op("List items", folder=("Items",))
    files = Folder(
        id="f-files",
        name="Files",
        identifier="files",
        auth=basic,
        auth_declared=True,
        description="Uploads.",
        items=[upload],
    )
    items = Folder(
        id="f-items",
        name="Items",
        identifier="items",
        description="<b>Items</b> <script>x()</script>",
        items=[get_item, create, files, same_name],
    )
    auth_folder = Folder(
        id="f-auth", name="Auth", identifier="auth", items=[form, graphql]
    )
    evil = Folder(id="f-evil", name=HOSTILE, identifier="evil_name", items=[hostile])
    con = Folder(id="f-con", name="CON", identifier="con", items=[])
    return Collection(
        info=Info(
            name="Demo | API",
            format="v2.1.0",
            description="Intro.\n\n## Authentication\n\nSend a bearer token.\n\n## Other\n\nx",
        ),
        variables=[
            Variable(key="base_url", value="https://api.example.com"),
            Variable(key="token", value=CANARY, description="The token."),
        ],
        environments=[
            Environment(
                name="Prod",
                values=[
                    Variable(key="base_url", value="https://prod.example.com"),
                    Variable(key="client_secret", value="s3cr3t-value-123"),
                ],
            )
        ],
        auth=bearer,
        items=[list_items, items, auth_folder, evil, con],
    )
