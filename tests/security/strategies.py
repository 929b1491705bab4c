"""Hypothesis strategies: random Postman v2.1 collections mixed with hostile strings.

Structure is random (folders, requests with every body mode and auth type, variables,
environments, saved examples, scripts); text is drawn from `hostile.HOSTILE`, random
unicode, or both glued together. Credentials are only ever placed in secret positions,
as `SECRET_PREFIX`-tagged canaries, so a test can assert none reaches an output file.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from tests.security.hostile import HOSTILE, HUGE, MARKER

SECRET_PREFIX = "s3cr3tCanary"
BODY_SECRET_PREFIX = (
    "b0dyCanary"  # passwords inside raw JSON bodies: a stricter, separate check
)
Json = Any

hostile = st.sampled_from(HOSTILE)
short_text = st.text(max_size=12)
text: st.SearchStrategy[str] = st.one_of(
    hostile,
    hostile,
    short_text,
    st.tuples(short_text, hostile, short_text).map("".join),
    st.tuples(hostile, hostile).map("".join),
)
maybe_huge = st.one_of(
    *[text] * 19, st.sampled_from(HUGE)
)  # huge: 1 in 20, they are slow
secret = st.integers(0, 10**9).map(lambda n: f"{SECRET_PREFIX}{n:09d}x")
body_secret = st.integers(0, 10**9).map(lambda n: f"{BODY_SECRET_PREFIX}{n:09d}x")
AUTH_TYPES = [
    "noauth", "basic", "bearer", "apikey", "digest", "oauth1", "oauth2", "awsv4",
    "hawk", "ntlm", "edgegrid", "jwt", "asap", "akamai", "unknown-type",
]  # fmt: skip
AUTH_FIELDS: dict[str, list[str]] = {
    "basic": ["username", "password"],
    "bearer": ["token"],
    "apikey": ["key", "value", "in"],
    "digest": ["username", "password", "realm", "nonce", "algorithm"],
    "oauth1": ["consumerKey", "consumerSecret", "token", "tokenSecret", "signatureMethod"],
    "oauth2": ["accessToken", "tokenType", "addTokenTo", "headerPrefix", "clientId",
               "clientSecret", "accessTokenUrl", "grant_type", "refreshToken", "password"],
    "awsv4": ["accessKey", "secretKey", "region", "service", "sessionToken"],
    "hawk": ["authId", "authKey", "algorithm"],
    "ntlm": ["username", "password", "domain"],
    "edgegrid": ["accessToken", "clientToken", "clientSecret", "baseURL"],
    "jwt": ["secret", "algorithm", "payload"],
}  # fmt: skip
SECRET_FIELDS = {
    "basic": {"password"}, "bearer": {"token"}, "apikey": {"value"}, "digest": {"password"},
    "oauth1": {"consumerSecret", "token", "tokenSecret"},
    "oauth2": {"accessToken", "clientSecret", "refreshToken", "password"},
    "awsv4": {"accessKey", "secretKey", "sessionToken"}, "hawk": {"authKey"},
    "ntlm": {"password"}, "edgegrid": {"accessToken", "clientToken", "clientSecret"},
    "jwt": {"secret"},
}  # fmt: skip
METHODS = [
    "GET",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "HEAD",
    "OPTIONS",
    "get",
    "PROPFIND",
]


@st.composite
def auth(draw: st.DrawFn) -> Json:
    kind = draw(st.sampled_from(AUTH_TYPES))
    if kind == "noauth":
        return {"type": "noauth"}
    params = []
    for key in AUTH_FIELDS.get(kind, ["x"]):
        if key in SECRET_FIELDS.get(kind, set()):
            value = draw(st.one_of(secret, st.just("{{auth_secret}}"), st.just("")))
        elif key == "in":
            value = draw(st.sampled_from(["header", "query", "cookie", *HOSTILE[:5]]))
        else:
            value = draw(text)
        params.append({"key": key, "value": value, "type": "string"})
    return {"type": kind, kind: params}


@st.composite
def key_values(draw: st.DrawFn, secret_names: tuple[str, ...] = ()) -> list[Json]:
    pairs = []
    for _ in range(draw(st.integers(0, 3))):
        pairs.append(
            {
                "key": draw(text),
                "value": draw(maybe_huge),
                "disabled": draw(st.booleans()),
            }
        )
    for name in secret_names:
        if draw(st.booleans()):
            pairs.append(
                {"key": name, "value": draw(secret.map(lambda s: f"Bearer {s}"))}
            )
    return pairs


@st.composite
def url(draw: st.DrawFn) -> Json:
    segments = draw(
        st.lists(st.one_of(text, st.just(":id"), st.just("{{seg}}")), max_size=4)
    )
    query = draw(key_values(("api_key", "access_token")))
    host = draw(
        st.sampled_from(["{{baseUrl}}", "example.com", "127.0.0.1:1", *HOSTILE[:8]])
    )
    creds = draw(st.one_of(st.just(""), secret.map(lambda s: f"user:{s}@")))
    scheme = "https://" if creds or draw(st.booleans()) else ""
    raw = f"{scheme}{creds}{host}/" + "/".join(segments)
    if draw(st.booleans()):
        return raw  # v2 string URL
    return {
        "raw": raw,
        "host": [creds + host] if creds else [host],
        "path": segments,
        "query": query,
        "variable": [{"key": "id", "value": draw(text), "description": draw(text)}],
    }


@st.composite
def body(draw: st.DrawFn) -> Json:
    mode = draw(
        st.sampled_from(["raw", "urlencoded", "formdata", "file", "graphql", "none"])
    )
    if mode == "raw":
        raw = draw(
            st.one_of(
                maybe_huge, st.builds(_json_text, text, st.one_of(text, body_secret))
            )
        )
        language = draw(st.sampled_from(["json", "xml", "text", "javascript", "html"]))
        return {"mode": "raw", "raw": raw, "options": {"raw": {"language": language}}}
    if mode == "urlencoded":
        return {"mode": mode, "urlencoded": draw(key_values(("password",)))}
    if mode == "formdata":
        fields = draw(key_values(("client_secret",)))
        fields.append({"key": draw(text), "type": "file", "src": draw(text)})
        return {"mode": mode, "formdata": fields}
    if mode == "file":
        return {"mode": mode, "file": {"src": draw(text)}}
    if mode == "graphql":
        return {"mode": mode, "graphql": {"query": draw(text), "variables": draw(text)}}
    return {"mode": "none"} if draw(st.booleans()) else {}


def _json_text(key: str, value: str) -> str:
    return json.dumps({key: value, "password": value, "nested": [{"token": value}]})


@st.composite
def script(draw: st.DrawFn) -> Json:
    name = draw(text)
    lines = draw(
        st.lists(
            st.sampled_from(
                [
                    "var jsonData = pm.response.json();",
                    f"pm.collectionVariables.set({_js(name)}, jsonData.data.access_token);",
                    f"pm.environment.set({_js(name)}, jsonData[{_js(name)}]);",
                    f'postman.setEnvironmentVariable("token", JSON.parse(responseBody).{MARKER});',
                    f"pm.globals.set('x', {_js(name)});",
                    name,
                ]
            ),
            max_size=4,
        )
    )
    event = draw(st.sampled_from(["test", "prerequest"]))
    return {"listen": event, "script": {"type": "text/javascript", "exec": lines}}


def _js(text: str) -> str:
    return json.dumps(text)


@st.composite
def example(draw: st.DrawFn) -> Json:
    headers = [
        {
            "key": "Content-Type",
            "value": draw(st.sampled_from(["application/json", *HOSTILE[:4]])),
        }
    ]
    headers += [
        {"key": "Set-Cookie", "value": draw(secret.map(lambda s: f"sid={s}; HttpOnly"))}
    ]
    return {
        "name": draw(text),
        "originalRequest": {
            "method": "GET",
            "url": draw(url()),
            "header": draw(key_values(("Authorization",))),
        },
        "status": draw(text),
        "code": draw(st.sampled_from([200, 201, 204, 404, 500, 0, 999])),
        "_postman_previewlanguage": draw(
            st.sampled_from(["json", "text", "html", None])
        ),
        "header": headers,
        "body": draw(st.one_of(maybe_huge, st.builds(_json_text, text, text))),
    }


@st.composite
def request_item(draw: st.DrawFn) -> Json:
    request: Json = {
        "method": draw(
            st.one_of(st.sampled_from(METHODS), st.sampled_from(METHODS), text)
        ),
        "header": draw(key_values(("Authorization", "Cookie", "X-API-Key"))),
        "url": draw(url()),
        "description": draw(maybe_huge),
    }
    if draw(st.booleans()):
        request["body"] = draw(body())
    if draw(st.booleans()):
        request["auth"] = draw(auth())
    item: Json = {"name": draw(text), "request": request}
    if draw(st.booleans()):
        item["response"] = draw(st.lists(example(), max_size=2))
    if draw(st.booleans()):
        item["event"] = draw(st.lists(script(), max_size=2))
    return item


def items(depth: int) -> st.SearchStrategy[list[Json]]:
    leaf = request_item()
    if depth <= 0:
        return st.lists(leaf, max_size=3)
    folder = st.builds(
        lambda name, children, desc, a: {
            "name": name,
            "item": children,
            "description": desc,
            **a,
        },
        text,
        st.deferred(lambda: items(depth - 1)),
        text,
        st.one_of(st.just({}), auth().map(lambda a: {"auth": a})),
    )
    return st.lists(st.one_of(leaf, leaf, folder), max_size=4)


@st.composite
def variables(draw: st.DrawFn) -> list[Json]:
    out: list[Json] = []
    for _ in range(draw(st.integers(0, 3))):
        value = draw(
            st.one_of(text, st.integers(), st.booleans(), st.none(), st.just({"a": 1}))
        )
        out.append(
            {
                "key": draw(text),
                "value": value,
                "type": "string",
                "description": draw(text),
            }
        )
    out.append({"key": "auth_secret", "value": draw(secret), "type": "default"})
    out.append({"key": draw(text), "value": draw(secret), "type": "secret"})
    out.append({"key": "apiKey", "value": draw(secret)})
    return out


@st.composite
def collection(draw: st.DrawFn) -> Json:
    doc: Json = {
        "info": {
            "_postman_id": "00000000-0000-0000-0000-000000000000",
            "name": draw(text),
            "description": draw(maybe_huge),
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": draw(items(2)),
        "variable": draw(variables()),
    }
    if draw(st.booleans()):
        doc["auth"] = draw(auth())
    if draw(st.booleans()):
        doc["event"] = draw(st.lists(script(), max_size=2))
    return doc


@st.composite
def environment(draw: st.DrawFn) -> Json:
    values = [
        {
            "key": v["key"],
            "value": v["value"],
            "type": v.get("type", "default"),
            "enabled": True,
        }
        for v in draw(variables())
    ]
    return {
        "name": draw(text),
        "values": values,
        "_postman_variable_scope": "environment",
    }


# --- Postman format 3.0.0 folders (YAML files) ---------------------------------------

# File and folder names as real repositories and hostile ones have them: spaces, unicode,
# dots, braces, quotes, very long; never `/` or NUL (the file system refuses those).
_NAME_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00")
V3_NAMES = st.one_of(
    st.sampled_from(
        ["a", "Get users", "..x", "{{baseUrl}}", "ünï cødé", "$kind", "-", "~"]
    ),
    st.text(_NAME_CHARS, min_size=1, max_size=40).filter(
        lambda s: s not in (".", "..")
    ),
)
_YAML_SCALARS = st.one_of(
    st.sampled_from(["yes", "on", "2024-01-01", "1:20", "=", "~", "null", "{{v}}",
                     "'q'", '"x\\ty"', "|-", ">", "*a", "&a x", "!!binary aGk=", "[", "]"]),
    st.text(max_size=30),
)  # fmt: skip


@st.composite
def v3_yaml_text(draw: st.DrawFn) -> str:
    """A request file: valid block YAML with hostile scalars, or random text."""
    if draw(st.booleans()):
        return draw(st.text(max_size=200))
    lines = ["$kind: " + draw(st.sampled_from(["http-request", "graphql-request",
                                                 "grpc-request", "", "http-example"]))]  # fmt: skip
    for key in draw(st.lists(st.sampled_from(
        ["url", "method", "name", "order", "description", "auth", "body", "headers",
         "queryParams", "pathVariables", "scripts", "settings", "examples", "variables"]),
        max_size=8, unique=True)):  # fmt: skip
        lines.append(f"{key}: {draw(_YAML_SCALARS)}")
        if draw(st.booleans()):
            lines.append(f"  - key: {draw(_YAML_SCALARS)}")
            lines.append(f"    value: {draw(_YAML_SCALARS)}")
    return "\n".join(lines) + "\n"


@st.composite
def v3_folder(draw: st.DrawFn) -> dict[str, Any]:
    """{relative path: text} of a v3 collection folder, deep and oddly named, plus
    `"__links__"`: relative paths to make symlinks pointing outside the folder."""
    files: dict[str, Any] = {}
    depth = draw(st.integers(0, 12))
    folders = [""]
    for level in range(depth):
        folders.append(
            folders[-1] + draw(V3_NAMES).replace(".", "_")[:30] + f"{level}/"
        )
    for folder in draw(st.lists(st.sampled_from(folders), min_size=1, max_size=6)):
        name = draw(V3_NAMES)[:60].replace(".", "_")
        files[f"{folder}{name}.request.yaml"] = draw(v3_yaml_text())
        if draw(st.booleans()):
            files[f"{folder}.resources/definition.yaml"] = draw(v3_yaml_text())
        if draw(st.booleans()):
            files[f"{folder}.resources/{name}.resources/examples/e.example.yaml"] = (
                draw(v3_yaml_text())
            )
    files["__links__"] = draw(
        st.lists(st.sampled_from(folders), max_size=3).map(
            lambda picked: [f"{f}link{i}.request.yaml" for i, f in enumerate(picked)]
            + ([f"{picked[0]}linkdir"] if picked else [])
        )
    )
    return files
