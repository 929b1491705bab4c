"""Callerdesk's published documentation, served from 127.0.0.1 the way the documenter does.

The site answers as `api.callerdesk.test` (Callerdesk's custom docs domain, with a `.test`
name that never resolves): clients reach it by using the server as their HTTP proxy, so
the URL pmgen sees, and may record in its output, holds no random port.

Routes (shapes from ../shared/POSTMAN_SOURCES.md):
- `/` (and `/view/<owner>/<publishedId>`): the HTML page with the documenter's meta tags;
- `/view/metadata/<publishedId>`: the published metadata (seed 003, unchanged);
- `/api/collections/<owner>/<publishedId>`: the full collection;
- `/api/environments/<owner>/<publishedId>`: `{"environments": [...]}` from the metadata.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.helpers.echo_server import EchoServer, Record

DOCS_HOST = "api.callerdesk.test"
DOCS_URL = f"http://{DOCS_HOST}/"

Answer = tuple[int, list[tuple[str, str]], bytes]


def _page(meta: dict[str, str], title: str) -> bytes:
    tags = "\n".join(
        f'    <meta name="{html.escape(k)}" content="{html.escape(v)}">'
        for k, v in meta.items()
    )
    return (
        "<!DOCTYPE html>\n<html>\n  <head>\n"
        f"    <title>{html.escape(title)}</title>\n{tags}\n"
        '  </head>\n  <body><div id="root"></div></body>\n</html>\n'
    ).encode()


class DocsSite:
    """Responder serving one published collection."""

    def __init__(self, metadata_file: Path, collection_file: Path) -> None:
        self.metadata_bytes = metadata_file.read_bytes()
        self.collection_bytes = collection_file.read_bytes()
        metadata: dict[str, Any] = json.loads(self.metadata_bytes)
        info = metadata["collection"]["info"]
        self.owner = str(info["owner"])
        self.published_id = str(info["publishedId"])
        self.environments = metadata.get("environments") or []
        meta = {
            "ownerId": self.owner,
            "publishedId": self.published_id,
            "collectionId": str(info["collectionId"]),
            "versionTagId": "latest",
            "environmentUID": "",
            "languages": metadata.get("languages") or "[]",
        }
        self.page = _page(meta, str(info["name"]))

    def __call__(self, record: Record) -> Answer:
        host = next((v for k, v in record["headers"] if k.lower() == "host"), "")
        path = record["path"]
        if host.split(":")[0] != DOCS_HOST:
            return (
                502,
                [("Content-Type", "text/plain")],
                f"unknown host {host}".encode(),
            )
        json_type = [("Content-Type", "application/json; charset=utf-8")]
        if path in ("/", f"/view/{self.owner}/{self.published_id}"):
            return 200, [("Content-Type", "text/html; charset=utf-8")], self.page
        if path == f"/view/metadata/{self.published_id}":
            return 200, json_type, self.metadata_bytes
        if path == f"/api/collections/{self.owner}/{self.published_id}":
            return 200, json_type, self.collection_bytes
        if path == f"/api/environments/{self.owner}/{self.published_id}":
            return (
                200,
                json_type,
                json.dumps({"environments": self.environments}).encode(),
            )
        return 404, json_type, b'{"error": "not found"}'


@contextmanager
def serve_docs_site(metadata_file: Path, collection_file: Path) -> Iterator[str]:
    """Yields the proxy URL (`http://127.0.0.1:PORT`) through which the site answers."""
    with EchoServer(responder=DocsSite(metadata_file, collection_file)) as server:
        yield server.url
