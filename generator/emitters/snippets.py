"""Request snippets: one runnable program per request and style, from `pmgen.wire`.

    emit(collection, styles=[...], reveal_secrets=False) -> {relative path: text}
    render_snippet(collection, operation, style, reveal_secrets=False) -> str
    STYLES: every supported style; `publisher` expands to the publisher's languages.

The python-client style calls the generated client: its text comes from `usage`, an input
(`pmgen.emitters.client_usage`, handed in by the emitters' registry), so this emitter
imports nothing of the client emitter's.

Layout: `<style>/<folder identifiers>/<request identifier>.<ext>` plus `index.json`
(requests in collection order; a style that cannot express a request leaves its key out
and says why under `notes`). Paths come from identifiers only.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pmgen import secrets
from pmgen.emitted import BlackStable
from pmgen.emitters import snippet_python, snippet_shell
from pmgen.emitters.snippet_code import (
    comment_line,
    docline,
    is_black_stable,
    locals_comment,
    python_locals,
    python_pieces,
    shell_locals,
    signer_pieces,
)
from pmgen.emitters.snippet_context import (
    SHELL_STYLES,
    Unsupported,
    context,
    shell_signer,
    signs,
)
from pmgen.errors import UsageError
from pmgen.model import Collection, Operation
from pmgen.naming import snake
from pmgen.render import comment, render
from pmgen.wire import WireRequest, build_request, signing
from pmgen.wire.effects import CollectionEffects
from pmgen.wire.request import redirect_limit
from pmgen.wire.values import Part, Value


class Usage(Protocol):
    """The python-client snippet of a request: a program calling the generated client."""

    def __call__(
        self,
        collection: Collection,
        operation: Operation,
        *,
        package: str,
        reveal_secrets: bool,
    ) -> str: ...


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
# Styles whose templates render black's own layout (see snippet_code.is_black_stable).
BLACK_STABLE_STYLES = frozenset(
    {"python-requests", "python-httpx", "python-httpx-async", "python-http.client"}
)
# Raw bidi controls make code read unlike it runs (Trojan Source); NUL cannot be passed.
_UNSHOWABLE = frozenset("\x00\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
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
    wire: WireRequest | None = None,
    usage: Usage | None = None,
    effects: CollectionEffects | None = None,
) -> str:
    """One request's snippet text; raises `Unsupported` (a reason) when the style cannot say it.

    `wire`: `build_request(collection, operation, ...)` when the caller has it already
    (with the same `effects`: what the pre-request scripts do, `pmgen.script_effects`);
    `usage`: what writes the python-client style (`pmgen.emitters.python_client_usage`).
    """
    spec = STYLES[style]
    if spec.template is None:
        if usage is None:
            raise Unsupported("the python-client style needs the client's usage")
        return usage(
            collection,
            operation,
            package=package or _package_name(collection),
            reveal_secrets=reveal_secrets,
        )
    if wire is None or (style == "http" and wire.locals):
        wire = build_request(
            collection,
            operation,
            reveal_secrets=reveal_secrets,
            files_dir=files_dir,
            effects=effects,
            compute=style != "http",  # a raw message computes nothing
        )
    signer: dict[str, Any] | None = None
    auth = wire.runtime_auth
    if auth is not None and auth.type in signing.SIGNERS:
        # signed when the program runs: Python inlines pmgen's signer, the shell styles
        # run it with python3, the raw message asks for the values (see _raw_auth)
        signer = signer_pieces(wire)
        wire = dataclasses.replace(wire, runtime_auth=None)
        if style == "http" and signs(auth):
            wire = _raw_auth(wire, auth.type)
        elif style == "http":
            signer = None  # Postman sends it unsigned: so does the raw message
    ctx = context(
        collection,
        operation,
        style,
        reveal_secrets=reveal_secrets,
        files_dir=files_dir,
        wire=wire,
    )
    ctx["prelude_sh"] = []
    if wire.locals and style in SHELL_STYLES:
        ctx["prelude_sh"] = [locals_comment(wire.locals), *shell_locals(wire.locals)]
    if style in BLACK_STABLE_STYLES:
        ctx["py"] = _python_context(ctx, operation)
        ctx["py"]["prelude"] = []
        if wire.locals:
            lines, needed = python_locals(wire.locals)
            ctx["py"]["prelude"] = lines
            ctx["imports"] = sorted({*ctx["imports"], *needed})
            ctx["py"]["comments"] = [
                comment_line(locals_comment(wire.locals)),
                *ctx["py"]["comments"],
            ]
        ctx["py"]["signer"] = signer
        if style == "python-httpx-async":
            ctx["imports"] = sorted({*ctx["imports"], "asyncio"})
        if style != "python-http.client":
            ctx["py"].update(_program(ctx, style, operation, signed=signer is not None))
        if signer is not None:
            ctx["imports"] = sorted(set(ctx["imports"]) | signer["imports"])
            ctx["py"]["comments"] = _signer_comments(signer) + ctx["py"]["comments"]
    ctx["signer"] = None
    if signer is not None and style in SHELL_STYLES:
        ctx["signer"] = shell_signer(signer, ctx, style)
    # more than one command: stop at the first that fails
    ctx["steps"] = signer is not None or (
        style in ("wget", "httpie") and ctx["body"]["mode"] == "formdata"
    )
    limit = redirect_limit(operation.protocol_profile_behavior)
    ctx["redirect_limit"] = limit
    if style == "curl":
        keep = operation.protocol_profile_behavior.get("followOriginalHttpMethod")
        ctx["curl"] = snippet_shell.curl_command(ctx, limit, keep_method=keep is True)
    if signer is not None and style == "http":  # the first lines say what to set
        lines = [f"# {comment(n)}" for n in wire.notes[:1]]
        ctx["http_text"] = "\n".join([*lines, ctx["http_text"]])
    text = render(spec.template, r=ctx)
    if spec.ext != "py" and not _UNSHOWABLE.isdisjoint(text):
        # shell words escape control characters; what is left is the method or a file
        # name the templates quote as is, or a raw HTTP message
        raise Unsupported(
            "a value holds a NUL or a raw bidi control character this style cannot show"
        )
    return text


def _signer_comments(signer: dict[str, Any]) -> list[str]:
    lines = [
        f"# {signer['kind']} auth is signed when this runs (current time, fresh nonce), as",
        "# Postman signs it.",
    ]
    if signer["cryptography"]:
        lines.append("# Requires: pip install cryptography (RSA/ECDSA signatures).")
    return lines


_SIGNED_OVER = {
    "awsv4": "a signature over the current time",
    "jwt": "a token signed with a key",
    "digest": "a response over the run-time URL",
}


def _raw_auth(wire: WireRequest, kind: str) -> WireRequest:
    """A raw message cannot compute a signature: it reads the values from variables."""
    names = {"awsv4": ["Authorization", "X-Amz-Date"]}.get(kind, ["Authorization"])
    headers = [
        (n, v) for n, v in wire.headers if n.lower() not in {x.lower() for x in names}
    ]
    added: list[tuple[str, Value]] = [
        (n, (Part("env", "PMGEN_" + n.upper().replace("-", "_")),)) for n in names
    ]
    over = _SIGNED_OVER.get(kind, "a signature over the current time and a nonce")
    variables = " and ".join("PMGEN_" + n.upper().replace("-", "_") for n in names)
    notes = [
        f"this raw message cannot compute {kind} auth ({over}): set {variables} to the "
        "value(s) before sending (the Python and shell styles compute them)",
        *wire.notes,
    ]
    return dataclasses.replace(wire, headers=headers + added, notes=notes)


def _python_context(ctx: dict[str, Any], operation: Operation) -> dict[str, Any]:
    """Pieces of the black-stable Python templates (laid out by snippet_code)."""
    pieces = python_pieces(ctx["wire"])
    comments = []
    if ctx["secrets_line"]:
        comments.append(comment_line("# " + ctx["secrets_line"]))
    if ctx["files"]:
        comments.append(
            "# File paths are relative to the collection's folder: run this from there."
        )
    comments += [comment_line(f"# Note: {note}") for note in ctx["notes"]]
    behavior = operation.protocol_profile_behavior
    pieces.update(
        doc_title=docline(ctx["title"]),
        doc_collection=docline(ctx["collection"]),
        comments=comments,
        keep_method=behavior.get("followOriginalHttpMethod") is True,
    )
    return pieces


_LIBRARY = {
    "python-requests": "requests",
    "python-httpx": "httpx",
    "python-httpx-async": "httpx-async",
}


def _program(
    ctx: dict[str, Any], style: str, operation: Operation, *, signed: bool
) -> dict[str, list[str]]:
    """The shortest program's lines (`snippet_python`): headers, body and the call."""
    wire: WireRequest = ctx["wire"]
    library = _LIBRARY[style]
    send = snippet_python.Send(
        redirect_limit=redirect_limit(operation.protocol_profile_behavior),
        exact_url=library == "requests" and snippet_python.requests_requotes(wire.url),
    )
    if not signed:
        return snippet_python.program_lines(wire, ctx["py"], library, send)
    # the signer hands back the URL, the headers and the body as bytes: send those
    mode = ctx["body"]["mode"]
    keyword = None
    if mode in ("raw", "urlencoded", "file"):
        keyword = ("data" if library == "requests" else "content") + "=body"
    elif mode == "formdata":
        keyword = "files=files"
    if library == "requests":
        lines = snippet_python.requests_send(
            wire, send, body_keyword=keyword, headers=True
        )
    else:
        lines = snippet_python.httpx_send(
            wire,
            send.redirect_limit,
            body_keyword=keyword,
            headers=True,
            asynchronous=library == "httpx-async",
        )
    return {"send": lines}


def _package_name(collection: Collection) -> str:
    return snake(collection.info.name, fallback="client")


def _masked(text: str, wire: WireRequest, leaked: frozenset[str]) -> str:
    """`text` without the secrets the request reads from the environment, nor any other
    credential the collection leaks (`leaked`, masked as `secrets.scrub` does)."""
    for secret in sorted(wire.secrets.values(), key=lambda s: -len(s.value)):
        if len(secret.value) >= 3:
            text = text.replace(secret.value, secrets.mask(secret.value))
    if any(value in text for value in leaked):
        return secrets.scrub({"": text}, leaked)[""]
    return text


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
    usage: Usage | None = None,
    effects: CollectionEffects | None = None,
) -> BlackStable:
    """Every request in every style, plus `index.json`. Writes nothing. `usage` writes
    the python-client style (as `render_snippet`); `effects`: what the requests'
    pre-request scripts do (`pmgen.script_effects.analyse`), if known.

    Python files of the black-stable styles that `is_black_stable` accepts are marked
    (`formatting.BlackStable`): black skips them.
    """
    chosen = resolve_styles(collection, styles)
    files: dict[str, str] = {}
    stable: list[str] = []
    leaked = (
        frozenset() if reveal_secrets else secrets.SecretReport.of(collection).values
    )
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
        wire = build_request(
            collection,
            op,
            reveal_secrets=reveal_secrets,
            files_dir=files_dir,
            effects=effects,
        )
        for style in chosen:
            try:
                text = render_snippet(
                    collection,
                    op,
                    style,
                    reveal_secrets=reveal_secrets,
                    files_dir=files_dir,
                    package=package,
                    wire=wire,
                    usage=usage,
                    effects=effects,
                )
            except Unsupported as why:
                notes[style] = str(why)
                continue
            path = snippet_path(op, style)
            files[path] = text
            entry["snippets"][style] = path
            if style in BLACK_STABLE_STYLES and is_black_stable(text):
                stable.append(path)
        if not reveal_secrets:
            entry["url"] = _masked(op.request.url.raw, wire, leaked)
            entry["env"] = {name: s.description for name, s in wire.secrets.items()}
        if notes:
            entry["notes"] = notes
        requests.append(entry)
    index = {"collection": collection.info.name, "styles": chosen, "requests": requests}
    files["index.json"] = json.dumps(index, indent=2, ensure_ascii=False) + "\n"
    return BlackStable(files, stable)
