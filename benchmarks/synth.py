"""Seeded, deterministic synthetic Postman v2.1.0 collections for the benchmarks.

`make_collection(n_requests, seed)` returns the collection as a JSON-ready dict; the same
arguments always give byte-identical JSON (no clocks, no uuid4, one `random.Random(seed)`).
It covers what real collections throw at pmgen: folders nested up to five deep, every body
mode (raw JSON/XML/text, urlencoded, form-data with text and file parts, binary file,
GraphQL), auth declared at collection, folder and request level (bearer, basic, apikey,
noauth, oauth2, and plain inheritance), `:name` and `{{var}}` path parameters, disabled
query parameters and headers, saved examples, and test scripts that store variables.

Command line: `python -m benchmarks.synth 1000 -o synth-1000.json [--seed 7]`.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

SIZES = (100, 1_000, 5_000, 20_000)
SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
REQUESTS_PER_FOLDER = 12
MAX_DEPTH = 5

NOUNS = (
    "account",
    "order",
    "cart",
    "customer",
    "product",
    "invoice",
    "payment",
    "shipment",
    "review",
    "coupon",
    "store",
    "channel",
    "category",
    "subscription",
    "webhook",
    "token",
    "message",
    "room",
    "member",
    "team",
    "project",
    "ticket",
    "booking",
    "flight",
    "seat",
)
VERBS = {
    "GET": ("Get", "List", "Fetch", "Query"),
    "POST": ("Create", "Add", "Submit", "Upload"),
    "PUT": ("Replace", "Set"),
    "PATCH": ("Update", "Modify"),
    "DELETE": ("Delete", "Remove"),
}
BODY_MODES = ("json", "xml", "text", "urlencoded", "formdata", "file", "graphql")
FOLDER_AUTHS = (
    "inherit",
    "inherit",
    "inherit",
    "basic",
    "apikey",
    "noauth",
    "oauth2",
    "bearer",
)
REQUEST_AUTHS = ("inherit",) * 8 + ("bearer", "basic", "apikey", "noauth", "oauth2")


def _id(rng: random.Random) -> str:
    """A uuid-shaped id drawn from the seeded generator (uuid4 would not be deterministic)."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def _auth(kind: str, rng: random.Random) -> dict[str, Any] | None:
    if kind == "inherit":
        return None
    if kind == "noauth":
        return {"type": "noauth"}
    if kind == "bearer":
        return {
            "type": "bearer",
            "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}],
        }
    if kind == "basic":
        return {
            "type": "basic",
            "basic": [
                {"key": "password", "value": "{{password}}", "type": "string"},
                {"key": "username", "value": "{{username}}", "type": "string"},
            ],
        }
    if kind == "apikey":
        where = rng.choice(("header", "query"))
        return {
            "type": "apikey",
            "apikey": [
                {"key": "value", "value": "{{api_key}}", "type": "string"},
                {
                    "key": "key",
                    "value": "X-Api-Key" if where == "header" else "api_key",
                    "type": "string",
                },
                {"key": "in", "value": where, "type": "string"},
            ],
        }
    if kind == "oauth2":
        return {
            "type": "oauth2",
            "oauth2": [
                {"key": "accessToken", "value": "{{oauth_token}}", "type": "string"},
                {"key": "addTokenTo", "value": "header", "type": "string"},
                {"key": "headerPrefix", "value": "Bearer", "type": "string"},
                {"key": "grant_type", "value": "client_credentials", "type": "string"},
                {
                    "key": "accessTokenUrl",
                    "value": "{{baseUrl}}/oauth/token",
                    "type": "string",
                },
                {"key": "clientId", "value": "{{client_id}}", "type": "string"},
                {"key": "clientSecret", "value": "{{client_secret}}", "type": "string"},
            ],
        }
    raise ValueError(kind)


def _json_value(rng: random.Random, noun: str, depth: int = 0) -> Any:
    """A realistic nested JSON object: scalars, a list and (sometimes) a nested object."""
    value: dict[str, Any] = {
        "id": f"{noun}-{rng.randrange(10**6)}",
        "name": f"{noun.title()} {rng.randrange(1000)}",
        "quantity": rng.randrange(1, 50),
        "price": round(rng.uniform(1, 500), 2),
        "active": rng.random() < 0.5,
        "note": None,
        "tags": [rng.choice(NOUNS) for _ in range(rng.randrange(1, 4))],
    }
    if depth < 2 and rng.random() < 0.6:
        value["details"] = _json_value(rng, rng.choice(NOUNS), depth + 1)
    return value


def _body(
    mode: str, rng: random.Random, noun: str
) -> tuple[dict[str, Any], str | None]:
    """The request body and the Content-Type header Postman users typically add by hand."""
    if mode == "json":
        raw = json.dumps(_json_value(rng, noun), indent=4)
        return {
            "mode": "raw",
            "raw": raw,
            "options": {"raw": {"language": "json"}},
        }, "application/json"
    if mode == "xml":
        rows = "".join(
            f'\n    <item sku="{rng.randrange(10**5)}"><name>{rng.choice(NOUNS)}</name></item>'
            for _ in range(rng.randrange(2, 8))
        )
        head = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<{noun} id="{{{{{noun}_id}}}}">'
        )
        raw = f"{head}{rows}\n</{noun}>"
        return {
            "mode": "raw",
            "raw": raw,
            "options": {"raw": {"language": "xml"}},
        }, "application/xml"
    if mode == "text":
        return {
            "mode": "raw",
            "raw": f"plain text {noun} payload {rng.randrange(10**6)}\nline 2",
        }, None
    if mode == "urlencoded":
        fields = [
            {"key": "grant_type", "value": "client_credentials", "type": "text"},
            {
                "key": f"{noun}_name",
                "value": f"{noun} {{{{$randomInt}}}}",
                "type": "text",
            },
            {"key": "scope", "value": "read write", "type": "text", "disabled": True},
        ]
        return {"mode": "urlencoded", "urlencoded": fields}, None
    if mode == "formdata":
        parts = [
            {"key": "title", "value": f"{noun} upload", "type": "text"},
            {"key": "file", "type": "file", "src": f"/tmp/fixtures/{noun}.png"},
            {
                "key": "meta",
                "value": '{"a": 1}',
                "type": "text",
                "contentType": "application/json",
            },
            {"key": "draft", "value": "true", "type": "text", "disabled": True},
        ]
        return {"mode": "formdata", "formdata": parts}, None
    if mode == "file":
        return {
            "mode": "file",
            "file": {"src": f"/tmp/fixtures/{noun}.bin"},
        }, "application/octet-stream"
    if mode == "graphql":
        query = (
            f"query Get{noun.title()}($id: ID!) {{\n"
            f"  {noun}(id: $id) {{\n    id\n    name\n  }}\n}}"
        )
        variables = json.dumps({"id": f"{noun}-{rng.randrange(1000)}"})
        return {
            "mode": "graphql",
            "graphql": {"query": query, "variables": variables},
        }, None
    raise ValueError(mode)


def _url(
    rng: random.Random, path_words: list[str], noun: str, method: str
) -> dict[str, Any]:
    path = ["v1", *path_words, f"{noun}s"]
    variables: list[dict[str, Any]] = []
    style = rng.random()
    if method != "POST" and style < 0.5:
        path.append(f":{noun}Id")
        variables.append(
            {
                "key": f"{noun}Id",
                "value": f"{rng.randrange(10**4)}",
                "description": "The id",
            }
        )
    elif method != "POST" and style < 0.7:
        path.append(f"{{{{{noun}_id}}}}")
    query: list[dict[str, Any]] = []
    if method == "GET":
        query = [
            {"key": "limit", "value": str(rng.choice((10, 20, 50)))},
            {"key": "offset", "value": "0", "disabled": True},
            {
                "key": "expand",
                "value": f"{noun}.details",
                "description": "Expand references",
            },
        ]
    raw = "{{baseUrl}}/" + "/".join(path)
    enabled = [q for q in query if not q.get("disabled")]
    if enabled:
        raw += "?" + "&".join(f"{q['key']}={q['value']}" for q in enabled)
    url: dict[str, Any] = {"raw": raw, "host": ["{{baseUrl}}"], "path": path}
    if query:
        url["query"] = query
    if variables:
        url["variable"] = variables
    return url


def _example(
    rng: random.Random, request: dict[str, Any], noun: str, method: str
) -> dict[str, Any]:
    code = 201 if method == "POST" else 200
    payload: Any = _json_value(rng, noun)
    if method == "GET" and rng.random() < 0.5:
        payload = {"results": [payload, _json_value(rng, noun)], "total": 2}
    return {
        "name": f"{code} {noun}",
        "originalRequest": request,
        "status": "Created" if code == 201 else "OK",
        "code": code,
        "_postman_previewlanguage": "json",
        "header": [
            {"key": "Content-Type", "value": "application/json"},
            {"key": "X-Request-Id", "value": _id(rng)},
        ],
        "cookie": [],
        "body": json.dumps(payload, indent=2),
    }


def _request_item(
    rng: random.Random, index: int, path_words: list[str]
) -> dict[str, Any]:
    noun = rng.choice(NOUNS)
    method = rng.choice(("GET", "GET", "GET", "POST", "POST", "PUT", "PATCH", "DELETE"))
    # Names repeat on purpose: the naming must make identifiers unique.
    name = f"{rng.choice(VERBS[method])} {noun} {index % 7}"
    headers: list[dict[str, Any]] = [
        {"key": "Accept", "value": "application/json"},
        {"key": "X-Trace", "value": "{{$guid}}", "disabled": True},
    ]
    request: dict[str, Any] = {"method": method, "header": headers}
    if method in ("POST", "PUT", "PATCH"):
        body, content_type = _body(rng.choice(BODY_MODES), rng, noun)
        request["body"] = body
        if content_type:
            headers.insert(0, {"key": "Content-Type", "value": content_type})
    request["url"] = _url(rng, path_words, noun, method)
    auth = _auth(rng.choice(REQUEST_AUTHS), rng)
    if auth:
        request["auth"] = auth
    request["description"] = f"{name.capitalize()}.\n\nReturns the **{noun}** resource."
    item: dict[str, Any] = {
        "name": name,
        "id": _id(rng),
        "request": request,
        "response": [],
    }
    if rng.random() < 0.5:
        item["response"] = [_example(rng, request, noun, method)]
    if rng.random() < 0.1:
        item["event"] = [
            {
                "listen": "test",
                "script": {
                    "type": "text/javascript",
                    "exec": [
                        "var jsonData = pm.response.json();",
                        f'pm.collectionVariables.set("{noun}_id", jsonData.id);',
                        'pm.environment.set("token", jsonData.data.access_token);',
                    ],
                },
            }
        ]
    return item


def _folder_shape(rng: random.Random, n_leaves: int) -> list[int]:
    """Depth (1..MAX_DEPTH) of each leaf folder, deterministic for the seed."""
    return [rng.choice((1, 2, 2, 3, 3, 4, MAX_DEPTH)) for _ in range(n_leaves)]


def make_collection(n_requests: int, seed: int = 7) -> dict[str, Any]:
    """A v2.1.0 collection with exactly `n_requests` requests (one per item) in nested folders."""
    rng = random.Random(f"pmgen-synth-{seed}-{n_requests}")
    root: list[dict[str, Any]] = []
    n_leaves = max(1, -(-n_requests // REQUESTS_PER_FOLDER))
    made = 0
    for leaf, depth in enumerate(_folder_shape(rng, n_leaves)):
        # A chain of `depth` folders; consecutive leaves share their top folder in groups of 4.
        siblings = root
        words: list[str] = []
        for level in range(depth):
            name = (
                f"{NOUNS[(leaf // 4 + level) % len(NOUNS)].title()} area {leaf // 4}"
                if level == 0
                else (
                    f"{NOUNS[(leaf + level) % len(NOUNS)].title()} group {leaf}-{level}"
                )
            )
            folder = next(
                (f for f in siblings if f.get("name") == name and "item" in f), None
            )
            if folder is None:
                folder = {
                    "name": name,
                    "id": _id(rng),
                    "item": [],
                    "description": f"The {name} folder.",
                }
                auth = _auth(rng.choice(FOLDER_AUTHS), rng)
                if auth:
                    folder["auth"] = auth
                siblings.append(folder)
            siblings = folder["item"]
            words.append(name.split(maxsplit=1)[0].lower())
        count = min(REQUESTS_PER_FOLDER, n_requests - made)
        for _ in range(count):
            siblings.append(_request_item(rng, made, words))
            made += 1
        if made >= n_requests:
            break
    return {
        "info": {
            "_postman_id": _id(rng),
            "name": f"Synthetic API ({n_requests} requests)",
            "description": "Generated by `benchmarks/synth.py` for pmgen's benchmarks.",
            "schema": SCHEMA,
        },
        "item": root,
        "auth": _auth("bearer", rng),
        "event": [
            {
                "listen": "prerequest",
                "script": {"type": "text/javascript", "exec": ["// collection-level"]},
            },
        ],
        "variable": [
            {"key": "baseUrl", "value": "https://api.example.test"},
            {"key": "token", "value": "", "type": "secret"},
            {"key": "username", "value": "demo"},
            {"key": "password", "value": "", "type": "secret"},
            {"key": "api_key", "value": "", "type": "secret"},
            {"key": "oauth_token", "value": ""},
            {"key": "client_id", "value": "bench-client"},
            {"key": "client_secret", "value": "", "type": "secret"},
        ],
    }


def count_requests(items: list[dict[str, Any]]) -> int:
    return sum(count_requests(i["item"]) if "item" in i else 1 for i in items)


def dumps(collection: dict[str, Any]) -> str:
    return json.dumps(collection, indent=1, ensure_ascii=False) + "\n"


def write_collection(path: Path, n_requests: int, seed: int = 7) -> Path:
    path.write_text(dumps(make_collection(n_requests, seed)), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requests", type=int, nargs="?", help="how many requests")
    parser.add_argument(
        "-o", "--output", type=Path, help="where to write the collection"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--count", type=Path, help="print how many requests FILE holds")
    args = parser.parse_args(argv)
    if args.count:
        data = json.loads(args.count.read_text(encoding="utf-8"))
        print(count_requests(data.get("item", [])))
    elif args.requests is not None and args.output:
        write_collection(args.output, args.requests, args.seed)
    else:
        parser.error("give REQUESTS and -o FILE, or --count FILE")


if __name__ == "__main__":
    main()
