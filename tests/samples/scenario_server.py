"""Scenario servers: a recording server on 127.0.0.1 that answers like the real API.

`ScenarioResponder.from_collection(path)` routes every request of a Postman collection
(method + path template, with `:var`, `{{var}}` and `<placeholder>` segments matching any
one segment) to the request's first saved example. Flows that need a live answer
(a token the next request must carry, the id of a room just created) add routes in
front with `route(...)`; those answer with values the test can check afterwards.
Unknown requests get a 404 so a wrong path fails loudly.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.helpers.echo_server import Record

Answer = tuple[int, list[tuple[str, str]], bytes]
Handler = Callable[[Record], Answer]

_VARIABLE_SEGMENT = re.compile(r"^(:[\w.-]+|\{\{[^{}]+\}\}|<[^<>]*>)$")


def json_answer(
    value: Any, status: int = 200, content_type: str = "application/json"
) -> Answer:
    return status, [("Content-Type", content_type)], json.dumps(value).encode()


def body_of(record: Record) -> bytes:
    return base64.b64decode(record["body_b64"])


def header(record: Record, name: str) -> str | None:
    """The first header called `name` (case-insensitive), as received."""
    return next((v for k, v in record["headers"] if k.lower() == name.lower()), None)


def _url_path(url: Any) -> str:
    """The path part of a Postman URL (object or v2.0 string), host and query removed."""
    if isinstance(url, dict):
        path = url.get("path") or []
        return (
            "/" + "/".join(path)
            if isinstance(path, list)
            else "/" + str(path).lstrip("/")
        )
    raw = str(url).split("?", 1)[0]
    if raw.startswith("{{"):
        raw = raw[raw.index("}}") + 2 :]  # `{{base_url}}/core/v2/...`
    elif "://" in raw:
        raw = raw.split("://", 1)[1]
        raw = raw[raw.find("/") :] if "/" in raw else "/"
    return raw if raw.startswith("/") else "/" + raw


def path_pattern(path: str) -> re.Pattern[str]:
    """`/v1/rooms/:roomId` → a regex matching `/v1/rooms/<any one segment>`."""
    parts = []
    for segment in path.strip("/").split("/"):
        parts.append(
            "[^/]+" if _VARIABLE_SEGMENT.match(segment) else re.escape(segment)
        )
    return re.compile("/" + "/".join(parts))


def _walk(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in items:
        if "request" in item:
            yield item
        yield from _walk(item.get("item") or [])


def _example_answer(example: dict[str, Any]) -> Answer:
    headers = [
        (h["key"], h["value"])
        for h in example.get("header") or []
        if isinstance(h, dict)
        and h.get("key", "").lower() not in {"content-length", "transfer-encoding"}
    ]
    return (
        int(example.get("code") or 200),
        headers,
        (example.get("body") or "").encode(),
    )


def _fixed(answer: Answer) -> Handler:
    def handler(_record: Record) -> Answer:
        return answer

    return handler


@dataclass
class _Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    name: str


@dataclass
class ScenarioResponder:
    """Callable responder for `EchoServer(responder=...)`."""

    routes: list[_Route] = field(default_factory=list)
    hits: list[str] = field(default_factory=list)  # route names, in arrival order

    @classmethod
    def from_collection(cls, collection_file: Path) -> ScenarioResponder:
        data = json.loads(collection_file.read_text(encoding="utf-8"))
        responder = cls()
        for item in _walk(data.get("item") or []):
            request = item["request"]
            if isinstance(request, str):
                continue
            examples = item.get("response") or []
            answer = _example_answer(examples[0]) if examples else json_answer({})
            responder.routes.append(
                _Route(
                    method=str(request.get("method", "GET")).upper(),
                    pattern=path_pattern(_url_path(request.get("url", ""))),
                    handler=_fixed(answer),
                    name=item["name"],
                )
            )
        return responder

    def route(self, method: str, path: str, handler: Handler, name: str = "") -> None:
        """Answer `method path` with `handler`, ahead of the saved examples."""
        self.routes.insert(
            0, _Route(method.upper(), path_pattern(path), handler, name or path)
        )

    def __call__(self, record: Record) -> Answer:
        path = record[
            "path"
        ]  # still percent-encoded: an encoded `/` stays inside its segment
        for route in self.routes:
            if route.method == record["method"].upper() and route.pattern.fullmatch(
                path
            ):
                self.hits.append(route.name)
                return route.handler(record)
        self.hits.append(f"404 {record['method']} {path}")
        return json_answer(
            {"message": f"no route for {record['method']} {path}"}, status=404
        )
