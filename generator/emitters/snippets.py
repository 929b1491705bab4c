"""Request snippets: one runnable program per request and style, from `generator.wire`.

    emit(collection, styles=[...], reveal_secrets=False) -> {relative path: text}
    render_snippet(collection, operation, style, reveal_secrets=False) -> str
    STYLES: every supported style; `publisher` expands to the publisher's languages.

Layout: `<style>/<folder identifiers>/<request identifier>.<ext>` plus `index.json`
(requests in collection order; a style that cannot express a request leaves its key out
and says why under `notes`). Paths come from identifiers only.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.emitters.snippet_context import Unsupported, context
from generator.errors import UsageError
from generator.model import Collection, Operation
from generator.naming import snake
from generator.render import render
from generator.wire import build_request


@dataclass(frozen=True)
class Style:
    name: str
    ext: str
    template: str | None  # None: rendered by another module (python-client)


STYLES: dict[str, Style] = {
    s.name: s
    for s in (
        Style("python-requests", "py", "snippets/python-requests.py.jinja"),
        Style("python-httpx", "py", "snippets/python-httpx.py.jinja"),
        Style("python-httpx-async", "py", "snippets/python-httpx-async.py.jinja"),
        Style("python-http.client", "py", "snippets/python-http.client.py.jinja"),
        Style("python-client", "py", None),
        Style("curl", "sh", "snippets/curl.sh.jinja"),
        Style("httpie", "sh", "snippets/httpie.sh.jinja"),
        Style("wget", "sh", "snippets/wget.sh.jinja"),
        Style("http", "http", "snippets/http.http.jinja"),
    )
}
DEFAULT_STYLES = [name for name in STYLES if name != "python-client"]
# Postman's snippet targets (publisher `languages`) -> pmgen styles
PUBLISHER_LANGUAGES = {
    "curl:curl": "curl",
    "shell:curl": "curl",
    "http:http": "http",
    "python:requests": "python-requests",
    "python:http.client": "python-http.client",
    "shell:httpie": "httpie",
    "shell:wget": "wget",
}


def resolve_styles(collection: Collection, styles: Sequence[str]) -> list[str]:
    """Expand `publisher`, validate names, keep order, drop repeats."""
    out: list[str] = []
    for style in styles or DEFAULT_STYLES:
        if style == "publisher":
            langs = collection.publish.languages if collection.publish else []
            for lang in langs:
                # documenter metadata names targets `language:variant`, e.g. `python:Requests`
                mapped = PUBLISHER_LANGUAGES.get(lang.strip().lower())
                if mapped and mapped not in out:
                    out.append(mapped)
            continue
        if style not in STYLES:
            raise UsageError(
                f"unknown snippet style {style!r} (choose from {', '.join(STYLES)}, publisher)"
            )
        if style not in out:
            out.append(style)
    return out


def render_snippet(
    collection: Collection,
    operation: Operation,
    style: str,
    *,
    reveal_secrets: bool = False,
    files_dir: str | Path | None = None,
    package: str | None = None,
) -> str:
    """One request's snippet text; raises `Unsupported` (a reason) when the style cannot say it."""
    spec = STYLES[style]
    if spec.template is None:
        try:
            usage = importlib.import_module("generator.emitters.client_usage")
        except ImportError as exc:
            raise Unsupported(
                "the python-client style needs generator.emitters.client_usage"
            ) from exc
        text: str = usage.render_usage(
            collection,
            operation,
            package=package or _package_name(collection),
            reveal_secrets=reveal_secrets,
        )
        return text
    ctx = context(
        collection, operation, style, reveal_secrets=reveal_secrets, files_dir=files_dir
    )
    return render(spec.template, r=ctx)


def _package_name(collection: Collection) -> str:
    return snake(collection.info.name, fallback="client")


def snippet_path(operation: Operation, style: str) -> str:
    spec = STYLES[style]
    parts = [style, *operation.folder_identifiers, f"{operation.identifier}.{spec.ext}"]
    return "/".join(parts)


def emit(
    collection: Collection,
    *,
    styles: Sequence[str] = (),
    reveal_secrets: bool = False,
    files_dir: str | Path | None = None,
    package: str | None = None,
) -> dict[str, str]:
    """Every request in every style, plus `index.json`. Writes nothing."""
    chosen = resolve_styles(collection, styles)
    files: dict[str, str] = {}
    requests: list[dict[str, Any]] = []
    for op in collection.operations():
        entry: dict[str, Any] = {
            "id": op.id,
            "key": op.key,
            "folder": op.folder,
            "name": op.name,
            "method": op.request.method,
            "url": op.request.url.raw,
            "snippets": {},
            "env": {},
        }
        notes: dict[str, str] = {}
        for style in chosen:
            try:
                text = render_snippet(
                    collection,
                    op,
                    style,
                    reveal_secrets=reveal_secrets,
                    files_dir=files_dir,
                    package=package,
                )
            except Unsupported as why:
                notes[style] = str(why)
                continue
            path = snippet_path(op, style)
            files[path] = text
            entry["snippets"][style] = path
        if not reveal_secrets:
            wire = build_request(
                collection, op, reveal_secrets=False, files_dir=files_dir
            )
            entry["env"] = {name: s.description for name, s in wire.secrets.items()}
        if notes:
            entry["notes"] = notes
        requests.append(entry)
    index = {"collection": collection.info.name, "styles": chosen, "requests": requests}
    files["index.json"] = json.dumps(index, indent=2, ensure_ascii=False) + "\n"
    return files
