"""The intermediate model every emitter reads.

The importer turns any collection form (v1, v2.0, v2.1, API wrappers, published
documentation) into these frozen pydantic models. Emitters never see raw Postman JSON.

Conventions:
- Strings keep Postman's `{{variable}}` templates verbatim; resolution happens in
  `pmgen.variables`, so `{{$guid}}`-style dynamic values survive import.
- Lists keep the collection's order (order is observable: headers, query, form fields).
- `disabled` items are kept (docs show them) and left out on the wire.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Diagnostic(Frozen):
    level: Literal["info", "warning", "error"]
    message: str
    location: str = ""  # JSON path (`$.item[3].request.url`) or file:line:col
    position: str = ""  # "LINE:COL" of the JSON path's value in the source, when known


class Variable(Frozen):
    key: str
    value: str | None = (
        None  # always text; non-string JSON values are stringified like Postman
    )
    description: str = ""
    type: str | None = None  # "secret", "string", "default", "any", ...
    disabled: bool = False
    secret: bool = False  # declared secret or detected as one by name/shape


class Environment(Frozen):
    name: str
    values: list[Variable] = Field(default_factory=list)
    source: str = ""  # file path, URL or "published"


class KeyValue(Frozen):
    """A header, query parameter or urlencoded field."""

    key: str
    value: str | None = None  # None: Postman's "key without value" (`?flag`)
    description: str = ""
    disabled: bool = False


class FormField(Frozen):
    key: str
    type: Literal["text", "file"] = "text"
    value: str | None = None  # text parts
    src: list[str] | None = (
        None  # file parts: one entry per file; None when no file was chosen
    )
    content_type: str | None = None
    description: str = ""
    disabled: bool = False


class PathParam(Frozen):
    """A path parameter in any of the forms found in real collections."""

    name: str  # wire name: `id` for `:id`, `user_id` for `{{user_id}}`, the text of a placeholder
    kind: Literal["colon", "variable", "placeholder"]
    segment_index: int  # index into Url.path
    value: str | None = None  # example/default value (`url.variable[].value`)
    description: str = ""


class Url(Frozen):
    raw: str = ""
    protocol: str | None = None
    host: list[str] | None = None  # segments, joined with "."; may hold `{{vars}}`
    port: str | None = None
    path: list[str] = Field(
        default_factory=list
    )  # segments as written: ":id", "{{var}}", "<id>"
    query: list[KeyValue] = Field(default_factory=list)
    hash: str | None = None
    variables: list[KeyValue] = Field(
        default_factory=list
    )  # `url.variable` (path variables)
    path_params: list[PathParam] = Field(default_factory=list)


class Body(Frozen):
    mode: Literal["raw", "urlencoded", "formdata", "file", "graphql", "none"]
    raw: str | None = None
    language: str | None = (
        None  # options.raw.language: json, xml, text, javascript, html
    )
    json_value: Any = None  # parsed raw JSON when `json_valid`
    json_valid: bool = False
    urlencoded: list[KeyValue] = Field(default_factory=list)
    formdata: list[FormField] = Field(default_factory=list)
    file_src: str | None = None
    file_content_type: str | None = None
    graphql_query: str | None = None
    graphql_variables: str | None = None
    disabled: bool = False  # body.disabled: Postman sends no body


class Auth(Frozen):
    """Postman auth: `type` plus its parameters, normalized from array or object form."""

    type: str
    params: dict[str, Any] = Field(default_factory=dict)


class EffectiveAuth(Frozen):
    auth: Auth | None  # None: no auth (noauth, or nothing declared anywhere)
    source: Literal["request", "folder", "collection", "none"]
    source_name: str = ""  # folder or collection name the auth comes from


class ScriptVariable(Frozen):
    """A variable a script stores, when the statement is recognizable."""

    scope: Literal["collection", "environment", "global", "variables"]
    name: str
    expression: str  # the JavaScript expression assigned, verbatim
    source: Literal["json", "header", "text", "literal", "other"] = "other"
    json_path: list[str | int] | None = (
        None  # when `source == "json"`: keys into the body
    )


class Script(Frozen):
    event: Literal["prerequest", "test"]
    exec: str
    sets: list[ScriptVariable] = Field(default_factory=list)


class RequestSpec(Frozen):
    method: str  # as written by the collection (case kept: Postman sends it as is)
    url: Url
    headers: list[KeyValue] = Field(default_factory=list)
    body: Body | None = None
    auth: Auth | None = None  # as declared on this request (None: inherit)
    auth_declared: bool = False  # False when missing/null/invalid type (inherits)


class Example(Frozen):
    name: str
    status: str | None = None
    code: int | None = None
    headers: list[KeyValue] = Field(default_factory=list)
    body: str | None = None
    language: str | None = None  # _postman_previewlanguage
    original_request: RequestSpec | None = None


class Operation(Frozen):
    kind: Literal["operation"] = "operation"
    id: str  # Postman id, else a deterministic hash of the folder path and name
    name: str
    identifier: str  # Python identifier, unique among the operations of its folder
    folder: list[str] = Field(default_factory=list)  # folder names from the root
    folder_identifiers: list[str] = Field(default_factory=list)
    key: str  # "Folder / Sub / Name" (+ " #2" for repeats), as in Newman's recordings
    description: str = ""  # markdown
    request: RequestSpec
    auth: EffectiveAuth
    protocol_profile_behavior: dict[str, Any] = Field(
        default_factory=dict
    )  # merged root-down
    scripts: list[Script] = Field(default_factory=list)  # own scripts
    inherited_scripts: list[Script] = Field(
        default_factory=list
    )  # folders' and collection's
    examples: list[Example] = Field(default_factory=list)


class Folder(Frozen):
    kind: Literal["folder"] = "folder"
    id: str
    name: str
    identifier: str  # unique among the folders of its parent
    description: str = ""
    auth: Auth | None = None  # as declared on this folder
    auth_declared: bool = False
    scripts: list[Script] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)


Item = Annotated[Union[Folder, Operation], Field(discriminator="kind")]  # noqa: UP007
Folder.model_rebuild()


class PublishInfo(Frozen):
    """What a published-documentation site says about the collection."""

    published_id: str | None = None
    owner_id: str | None = None
    collection_id: str | None = None
    public_url: str | None = None
    docs_host: str | None = None
    metadata_url: str | None = None
    collection_url: str | None = None  # where the full collection (with requests) lives
    publish_date: str | None = None
    version: str | None = None
    languages: list[str] = Field(
        default_factory=list
    )  # snippet targets the publisher chose


class Info(Frozen):
    name: str
    postman_id: str | None = None
    schema_url: str | None = None
    # "v2.1.0", "v2.0.0", "v2.0.0-draft", "v1", "documenter-v2.0.0", "published-metadata"
    format: str
    description: str = ""  # markdown
    version: str | None = None


class Collection(Frozen):
    info: Info
    source: str = ""  # file path, URL or "-"
    source_sha256: str = ""
    variables: list[Variable] = Field(default_factory=list)  # collection variables
    globals: list[Variable] = Field(default_factory=list)
    environments: list[Environment] = Field(default_factory=list)  # all known
    environment: str | None = None  # name of the selected one
    overrides: dict[str, str] = Field(default_factory=dict)  # --var KEY=VALUE
    auth: Auth | None = None
    scripts: list[Script] = Field(default_factory=list)
    protocol_profile_behavior: dict[str, Any] = Field(default_factory=dict)
    items: list[Item] = Field(default_factory=list)
    publish: PublishInfo | None = None
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    def operations(self) -> Iterator[Operation]:
        """Every request, depth first, in collection order."""
        yield from _walk(self.items)

    def folders(self) -> Iterator[Folder]:
        yield from _walk_folders(self.items)

    def selected_environment(self) -> Environment | None:
        return next((e for e in self.environments if e.name == self.environment), None)


def _walk(items: list[Item]) -> Iterator[Operation]:
    for item in items:
        if isinstance(item, Folder):
            yield from _walk(item.items)
        else:
            yield item


def _walk_folders(items: list[Item]) -> Iterator[Folder]:
    for item in items:
        if isinstance(item, Folder):
            yield item
            yield from _walk_folders(item.items)


def json_schema() -> dict[str, Any]:
    """The model's JSON schema (exported by `pmgen schema`)."""
    return Collection.model_json_schema()
