"""One request as the docs templates see it: plain values, already masked and sanitized.

Templates only format these views; every decision (what is required, what is a secret,
how a body is shown, where auth comes from) is made here, once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pmgen.emitters.docs_masking import Masker
from pmgen.emitters.docs_sanitize import LinkMap, sanitize_description
from pmgen.model import Auth, Body, EffectiveAuth, Example, KeyValue, Operation, Url
from pmgen.scriptinfo import ScriptRun, describe, reads, sets
from pmgen.secrets import is_secret_name, literal_part, mask, url_credentials

EXAMPLE_BODY_LIMIT = 20_000  # characters of a saved response shown before truncating

AUTH_LABELS = {
    "noauth": "No auth",
    "basic": "Basic auth",
    "bearer": "Bearer token",
    "apikey": "API key",
    "digest": "Digest auth",
    "oauth1": "OAuth 1.0",
    "oauth2": "OAuth 2.0",
    "hawk": "Hawk authentication",
    "awsv4": "AWS Signature (v4)",
    "ntlm": "NTLM authentication",
    "edgegrid": "Akamai EdgeGrid",
    "akamai": "Akamai EdgeGrid",
    "jwt": "JWT bearer",
    "asap": "ASAP (Atlassian)",
}
_LANGUAGES = {
    "json": "json",
    "xml": "xml",
    "html": "html",
    "javascript": "javascript",
    "text": "text",
}
_OPTIONAL = re.compile(r"^[\s(\[*_]*optional\b", re.IGNORECASE)


@dataclass(frozen=True)
class ParamRow:
    name: str
    value: str | None
    description: str
    required: bool


@dataclass(frozen=True)
class FormRow:
    name: str
    kind: str  # "text" or "file"
    value: str | None  # text value, or the file names
    content_type: str | None
    description: str
    required: bool


@dataclass(frozen=True)
class BodyView:
    mode: str
    disabled: bool = False
    text: str | None = None  # raw body, pretty-printed when it is JSON
    language: str = ""
    fields: list[ParamRow] = field(default_factory=list)  # urlencoded
    form: list[FormRow] = field(default_factory=list)  # multipart
    graphql_query: str | None = None
    graphql_variables: str | None = None
    file_src: str | None = None


@dataclass(frozen=True)
class AuthView:
    type: str
    label: str
    origin: str  # "set on this request", "inherited from folder “Rooms”", ...
    params: list[tuple[str, str]]


@dataclass(frozen=True)
class ExampleView:
    name: str
    status: str  # "200 OK", "204", ""
    headers: list[ParamRow]
    body: str | None
    language: str
    truncated: bool


@dataclass(frozen=True)
class SnippetView:
    style: str
    language: str
    text: str | None
    error: str | None = None


@dataclass(frozen=True)
class ScriptView:
    event: str  # "pre-request" | "test"
    level: str  # "collection" | "folder" | "request": where it is declared
    owner: str  # the name of that collection, folder or request
    does: str  # a few words on what it does
    reads: list[str]  # the variables it reads
    sets: list[str]  # and the ones it sets
    code: str  # masked
    lines: int


@dataclass(frozen=True)
class RequestView:
    anchor: str
    name: str
    method: str
    url: str
    level: int  # heading level
    description: str
    path_params: list[ParamRow]
    query: list[ParamRow]
    headers: list[ParamRow]
    body: BodyView | None
    auth: AuthView | None
    examples: list[ExampleView]
    snippets: list[SnippetView]
    scripts: list[ScriptView] = field(default_factory=list)
    kind: str = "request"


SnippetRenderer = Callable[[Operation, str], "tuple[str, str]"]  # -> (text, language)


@dataclass(frozen=True)
class DocSnippets:
    """The snippets the docs show, an input of the docs emitter (the pipeline builds it
    from the snippets emitter's formatted output, `pmgen.docs_snippets`): the styles
    in order, and each request's text and language in a style; `lookup` raises with the
    reason (shown on the page) when the style cannot say the request."""

    styles: list[str]
    lookup: SnippetRenderer


def is_required(description: str, disabled: bool) -> bool:
    """Postman has no `required`: disabled means optional, and so does saying so."""
    return not disabled and not _OPTIONAL.match(description or "")


def auth_view(
    auth: Auth | None, origin: str, masker: Masker, *, hide_params: bool = False
) -> AuthView | None:
    if auth is None:
        return None
    params = (
        []
        if hide_params
        else [
            (key, masker.auth_param(auth.type, key, value))
            for key, value in auth.params.items()
            if value not in (None, "", [], {})
        ]
    )
    return AuthView(auth.type, AUTH_LABELS.get(auth.type, auth.type), origin, params)


def effective_auth_view(effective: EffectiveAuth, masker: Masker) -> AuthView:
    origin = {
        "request": "set on this request",
        "folder": f"inherited from folder “{effective.source_name}”",
        "collection": "inherited from the collection",
        "none": "none declared",
    }[effective.source]
    if effective.auth is None or effective.auth.type == "noauth":
        return AuthView("noauth", "No auth", origin, [])
    # Parameters inherited from the collection are shown once, in the README.
    view = auth_view(
        effective.auth, origin, masker, hide_params=effective.source == "collection"
    )
    assert view is not None
    return view


def url_text(url: Url, masker: Masker) -> str:
    """The URL as the collection writes it, with credentials masked."""
    text = url.raw or _joined(url)
    if masker.reveal:
        return text
    if url_credentials(text) is not None:
        text = _USERINFO.sub(_masked_userinfo, text, count=1)
    for kv in url.query:
        if is_secret_name(kv.key) and (literal := literal_part(kv.value)):
            shown = (kv.value or "").replace(literal, mask(literal))
            pair = f"{kv.key}={kv.value}"
            # the pair, not the bare value: `token=1` must not mask every `1` of the URL
            text = text.replace(pair, f"{kv.key}={shown}") if pair in text else text
    return masker.text(text)


_USERINFO = re.compile(r"^(\s*(?:[A-Za-z][A-Za-z0-9+.-]*://)?)([^/?#\s@]*)@")


def _masked_userinfo(match: re.Match[str]) -> str:
    """`user:password@` keeps the user; a lone `token@` is the credential itself."""
    user, sep, password = match.group(2).partition(":")
    secret = password if sep else user
    literal = literal_part(secret)
    shown = secret.replace(literal, mask(literal)) if literal else secret
    return f"{match.group(1)}{user}:{shown}@" if sep else f"{match.group(1)}{shown}@"


def _joined(url: Url) -> str:
    host = ".".join(url.host or [])
    origin = f"{url.protocol}://{host}" if url.protocol else host
    if url.port:
        origin += f":{url.port}"
    path = "/".join(url.path)
    query = "&".join(
        kv.key if kv.value is None else f"{kv.key}={kv.value}"
        for kv in url.query
        if not kv.disabled
    )
    return origin + (f"/{path}" if path else "") + (f"?{query}" if query else "")


def origin_of(url: Url) -> str:
    """`{{base_url}}`, `https://api.example.com:8443`: where a request goes."""
    if url.host:
        host = ".".join(url.host)
        origin = f"{url.protocol}://{host}" if url.protocol else host
        return origin + (f":{url.port}" if url.port else "")
    match = re.match(r"^\s*((?:[A-Za-z][A-Za-z0-9+.-]*://)?[^/?#\s]*)", url.raw)
    return match.group(1) if match else ""


def _rows(pairs: Sequence[KeyValue], masker: Masker) -> list[ParamRow]:
    return [
        ParamRow(
            kv.key,
            masker.value(kv.key, kv.value),
            kv.description,
            is_required(kv.description, kv.disabled),
        )
        for kv in pairs
    ]


def path_rows(url: Url, masker: Masker) -> list[ParamRow]:
    described = {kv.key: kv for kv in url.variables}
    rows = []
    for param in url.path_params:
        kv = described.get(param.name)
        value = param.value if param.value is not None else (kv.value if kv else None)
        description = param.description or (kv.description if kv else "")
        rows.append(
            ParamRow(param.name, masker.value(param.name, value), description, True)
        )
    return rows


def pretty_json(text: str) -> str | None:
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except (ValueError, RecursionError):
        return None


def body_view(body: Body | None, masker: Masker) -> BodyView | None:
    if body is None or body.mode == "none":
        return None
    if body.mode == "raw":
        if not (body.raw or "").strip():
            return None
        language = _LANGUAGES.get((body.language or "").lower(), "")
        if body.json_valid:
            text = json.dumps(
                masker.json_value(body.json_value), indent=2, ensure_ascii=False
            )
            language = "json"
        else:
            text = masker.text(body.raw or "")
        return BodyView("raw", body.disabled, text=text, language=language)
    if body.mode == "urlencoded":
        return BodyView(
            "urlencoded", body.disabled, fields=_rows(body.urlencoded, masker)
        )
    if body.mode == "formdata":
        form = [
            FormRow(
                part.key,
                part.type,
                (
                    ", ".join(part.src or [])
                    if part.type == "file"
                    else masker.value(part.key, part.value)
                ),
                part.content_type,
                part.description,
                is_required(part.description, part.disabled),
            )
            for part in body.formdata
        ]
        return BodyView("formdata", body.disabled, form=form)
    if body.mode == "graphql":
        variables = body.graphql_variables
        if variables and variables.strip():
            variables = pretty_json(variables) or variables
        else:
            variables = None
        return BodyView(
            "graphql",
            body.disabled,
            graphql_query=masker.text(body.graphql_query or ""),
            graphql_variables=masker.text(variables) if variables else None,
        )
    return BodyView("file", body.disabled, file_src=body.file_src or "")


def example_view(example: Example, masker: Masker) -> ExampleView:
    status = " ".join(str(part) for part in (example.code, example.status) if part)
    body = example.body if example.body and example.body.strip() else None
    language = _LANGUAGES.get((example.language or "").lower(), "")
    truncated = False
    if body is not None:
        pretty = pretty_json(body) if len(body) <= 5 * EXAMPLE_BODY_LIMIT else None
        if pretty is not None:
            body, language = pretty, "json"
        body = masker.text(body)
        if len(body) > EXAMPLE_BODY_LIMIT:
            body, truncated = body[:EXAMPLE_BODY_LIMIT], True
    return ExampleView(
        example.name, status, _rows(example.headers, masker), body, language, truncated
    )


def request_view(
    op: Operation,
    *,
    anchor: str,
    level: int,
    masker: Masker,
    styles: Sequence[str],
    snippet: SnippetRenderer | None,
    link_map: LinkMap | None,
    scripts: Sequence[ScriptRun] = (),
) -> RequestView:
    request = op.request
    snippets = []
    for style in styles if snippet is not None else ():
        assert snippet is not None
        try:
            text, language = snippet(op, style)
            snippets.append(SnippetView(style, language, masker.text(text)))
        except (
            Exception
        ) as exc:  # one broken snippet must not sink the docs: it is shown
            snippets.append(
                SnippetView(style, "", None, f"{type(exc).__name__}: {exc}")
            )
    return RequestView(
        anchor=anchor,
        name=op.name,
        method=request.method,  # as written: Postman sends it unchanged
        url=url_text(request.url, masker),
        level=level,
        description=sanitize_description(
            op.description, heading_floor=min(6, level + 1), link_map=link_map
        ),
        path_params=path_rows(request.url, masker),
        query=_rows(request.url.query, masker),
        headers=_rows(request.headers, masker),
        body=body_view(request.body, masker),
        auth=effective_auth_view(op.auth, masker),
        examples=[example_view(e, masker) for e in op.examples],
        snippets=snippets,
        scripts=script_views(scripts, masker),
    )


def script_views(runs: Sequence[ScriptRun], masker: Masker) -> list[ScriptView]:
    """The scripts Postman runs around a request, in its order (`pmgen.scriptinfo`)."""
    views = []
    for run in runs:
        code = masker.script(run.script)
        views.append(
            ScriptView(
                event=run.event,
                level=run.level,
                owner=run.owner,
                does=masker.text(describe(run.script.exec)),
                reads=[masker.text(name) for name in reads(run.script.exec)],
                sets=[masker.text(name) for name in sets(run.script.exec)],
                code=code,
                lines=code.rstrip("\n").count("\n") + 1,
            )
        )
    return views
