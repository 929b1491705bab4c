"""What the generated client looks like, decided once from the model: resources (one per
folder), methods (one per request, no exceptions), their parameters and the operation
specs the runtime sends. Templates only lay this plan out; no naming happens there.

An operation spec is plain data (JSON): templates keep Postman's `{{variables}}` so the
generated client resolves them at call time from `client.variables` (defaults from the
collection and the selected environment, secrets from environment variables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pmgen import naming
from pmgen.emitters import client_scripts
from pmgen.emitters.client_secrets import SecretHider
from pmgen.model import Collection, Folder, Item, Operation
from pmgen.responses import UNKNOWN
from pmgen.scriptinfo import describe
from pmgen.wire import BODYLESS_METHODS, RAW_CONTENT_TYPES
from pmgen.wire.jsonc import strip_json_comments
from pmgen.wire.mime import guess_type
from pmgen.wire.request import POSTMAN_MAX_REDIRECTS, redirect_limit
from pmgen.wire.signing import SIGNERS
from pmgen.wire.url import split_raw

# Names a method or parameter must never take (they belong to the runtime).
CLIENT_ATTRIBUTES = {
    "variables", "environment", "base_url", "timeout", "max_retries", "default_headers",
    "with_options", "with_raw_response", "close", "aclose", "request", "copy", "secrets",
    "scripts",
}  # fmt: skip
CALL_OPTIONS = ("extra_headers", "extra_query", "timeout", "max_retries")
_VAR_SEGMENT_KINDS = ("variable",)  # `{{name}}` segments stay client variables
_VARIABLE_REF = re.compile(r"\{\{([^{}]+)\}\}")
_EVENT_WORDS = {"prerequest": "pre-request", "test": "test"}


def redirect_rules(behavior: dict[str, Any]) -> dict[str, Any]:
    """How the runtime follows this request's redirects, as Postman's protocolProfileBehavior
    (request, folder and collection merged) says; only what differs from Postman's
    defaults (follow, at most 10, GET after 301/302/303, Authorization dropped on another
    host, Referer set)."""
    rules: dict[str, Any] = {}
    if behavior.get("followRedirects") is False:
        rules["follow"] = False
    limit = redirect_limit(behavior)
    if limit is not None and limit != POSTMAN_MAX_REDIRECTS:
        rules["max"] = limit
    for key, name in (
        ("keep_method", "followOriginalHttpMethod"),
        ("keep_auth", "followAuthorizationHeader"),
        ("no_referer", "removeRefererHeaderOnRedirect"),
    ):
        if behavior.get(name) is True:
            rules[key] = True
    return rules


@dataclass
class Param:
    python: str  # the Python parameter name
    wire: str  # the name on the wire (query key, form field, path variable)
    kind: str  # path | query | field | file | body | graphql_query | graphql_variables
    annotation: str
    example: Any = None  # the collection's value (for docs and usage)
    has_example: bool = False  # usage passes `example` explicitly
    description: str = ""
    disabled: bool = False
    optional: bool = (
        False  # a path parameter that defaults to a variable the client holds
    )


@dataclass
class MethodPlan:
    name: str
    operation: Operation
    spec_key: str
    spec: dict[str, Any]
    positional: list[Param] = field(default_factory=list)
    keywords: list[Param] = field(default_factory=list)
    returns: str = UNKNOWN  # what the method returns (`responses.result_type`)
    model: str | None = None  # response model class
    body_model: str | None = None  # request body model class
    scripts: list[str] = field(
        default_factory=list
    )  # what runs around the request, in words

    @property
    def params(self) -> list[Param]:
        return [*self.positional, *self.keywords]

    def saved_call(self) -> tuple[list[str], dict[str, Any]]:
        """Positional and keyword arguments reproducing the request as saved."""
        args = [
            str(p.example if p.example is not None else "")
            for p in self.positional
            if not p.optional
        ]
        kwargs: dict[str, Any] = {}
        for p in self.keywords:
            if not p.has_example or p.disabled:
                continue
            value = p.example
            if p.kind == "query":
                value = None if value is None else str(value)
            kwargs[p.python] = value
        return args, kwargs


@dataclass
class ResourcePlan:
    module: str  # "" for the client's own (root) operations
    class_name: str
    folder: Folder | None
    path: list[str]  # attribute names from the client down
    children: list[tuple[str, ResourcePlan]] = field(default_factory=list)
    methods: list[MethodPlan] = field(default_factory=list)

    def walk(self) -> list[ResourcePlan]:
        out = [self]
        for _, child in self.children:
            out += child.walk()
        return out


def _kv_template(value: str | None) -> bool:
    return bool(value) and "{{" in (value or "")


def _is_json_object(operation: Operation) -> bool:
    body = operation.request.body
    return bool(
        body
        and body.mode == "raw"
        and body.json_valid
        and isinstance(body.json_value, dict)
    )


def held_variables(collection: Collection) -> set[str]:
    """The variables a client of `collection` holds a value for: the collection's, the
    globals', any environment's (non-empty), the `--var` overrides and those its scripts
    store (a path parameter bound to one of them may default to it)."""
    held = set(collection.overrides)
    scopes = [
        collection.variables,
        collection.globals,
        *(e.values for e in collection.environments),
    ]
    held |= {v.key for scope in scopes for v in scope if v.value and not v.disabled}
    scripts = [
        *collection.scripts,
        *(s for f in collection.folders() for s in f.scripts),
        *(s for op in collection.operations() for s in op.scripts),
    ]
    held |= {sv.name for script in scripts for sv in script.sets}
    return held


_RESERVED_CLASSES = {"Client", "AsyncClient", "APIResponse", "NotGiven"}


def package_name_for(collection: Collection, name: str | None = None) -> str:
    """The client package name: `name`, else from the collection's (snake_case)."""
    return naming.snake(name or collection.info.name, "client")


def client_class_for(package_name: str) -> str:
    name = naming.pascal(package_name, "Api")
    return (
        name + "Client"
        if name in _RESERVED_CLASSES or name.startswith("Async")
        else name
    )


def plan_client(
    collection: Collection, *, package_name: str, reveal_secrets: bool
) -> tuple[ResourcePlan, Planner]:
    """The resources and methods of the client (the client emitter renders them, the
    python-client snippets call them)."""
    hider = SecretHider(collection, package=package_name, reveal=reveal_secrets)
    planner = Planner(collection, hider)
    return planner.plan(), planner


class Planner:
    def __init__(self, collection: Collection, hider: SecretHider) -> None:
        self.collection = collection
        self.hider = hider
        self.class_names = naming.Scope({"Client", "AsyncClient"})
        self.module_names = naming.Scope({"_root"})
        self.auths: dict[str, dict[str, Any]] = {}
        self._auth_keys: dict[str, str] = {}
        self.scripts = client_scripts.ScriptTable()
        self.held = held_variables(collection)

    # -- resources ------------------------------------------------------------------------
    def plan(self) -> ResourcePlan:
        root = ResourcePlan(
            module="_root", class_name="RootResource", folder=None, path=[]
        )
        self._fill(root, self.collection.items, CLIENT_ATTRIBUTES)
        return root

    def _fill(
        self,
        resource: ResourcePlan,
        items: list[Item],
        reserved: set[str],
        folders: tuple[Folder, ...] = (),
    ) -> None:
        scope = naming.Scope(reserved | {"with_raw_response"})
        for item in items:
            if isinstance(item, Folder):
                attr = scope.claim(naming.snake(item.identifier or item.name, "folder"))
                module = self.module_names.claim("__".join([*resource.path, attr]))
                class_name = self.class_names.claim(
                    naming.pascal(module.replace("__", "_")) + "Resource"
                )
                child = ResourcePlan(module, class_name, item, [*resource.path, attr])
                resource.children.append((attr, child))
        children = iter(resource.children)
        for item in items:
            if isinstance(item, Folder):
                _, child = next(children)
                self._fill(child, item.items, set(), (*folders, item))
        for item in items:
            if not isinstance(item, Folder):
                name = scope.claim(
                    naming.snake(item.identifier or item.name, "operation")
                )
                resource.methods.append(self._method(item, name, list(folders)))

    # -- methods --------------------------------------------------------------------------
    def _method(self, op: Operation, name: str, folders: list[Folder]) -> MethodPlan:
        request = op.request
        url = request.url
        if not url.host and not url.path and url.raw:
            url = split_raw(url.raw).model_copy(update={"variables": url.variables})
        names = naming.Scope(
            {"self", *CALL_OPTIONS, "body", "result"}
        )  # `result`: the return value
        method = request.method.upper() if request.method else "GET"
        plan = MethodPlan(name=name, operation=op, spec_key=name, spec={})
        spec: dict[str, Any] = {"name": op.key, "method": request.method or "GET"}
        base = ".".join(url.host or [])
        if url.protocol:
            base = f"{url.protocol}://{base}"
        if url.port:
            base += f":{url.port}"
        spec["base"] = self.hider.text(base, "base_url")
        spec["path"] = [self.hider.text(s, "path") for s in url.path]

        path_params: dict[str, list[Any]] = {}
        variables = {v.key: v for v in url.variables}
        required: list[Param] = []
        optional: list[Param] = []
        for pp in url.path_params:
            if pp.kind in _VAR_SEGMENT_KINDS:
                continue
            python = names.claim(naming.snake(pp.name, "param"))
            segment = url.path[pp.segment_index]
            variable = variables.get(pp.name)
            value = variable.value if variable is not None else None
            if value and "{{" in value and self._resolvable(value):
                # `:id` bound to `{{id}}`, a variable the client holds: the argument defaults
                # to it, as Postman resolves it
                path_params[python] = [
                    pp.segment_index,
                    segment,
                    self.hider.text(value, pp.name),
                ]
                optional.append(
                    Param(
                        python,
                        pp.name,
                        "path",
                        "str | NotGiven",
                        value,
                        False,
                        pp.description,
                        optional=True,
                    )
                )
                continue
            # required; a `{{variable}}` the client cannot resolve is only the example (sent
            # as written, as Postman sends an undefined variable)
            template = value if value and "{{" in value else None
            path_params[python] = [
                pp.segment_index,
                segment,
                self.hider.text(template, pp.name) if template else None,
            ]
            example = value if pp.kind == "colon" and value else segment
            required.append(
                Param(python, pp.name, "path", "str", example, True, pp.description)
            )
        plan.positional = required + optional
        spec["path_params"] = path_params

        query: list[list[Any]] = []
        for kv in url.query:
            python = names.claim(naming.snake(kv.key, "param"))
            templated = _kv_template(kv.value) or _kv_template(kv.key)
            secret_value = self.hider.hidden(kv.value, kv.key)
            default = (
                self.hider.text(kv.value, kv.key) if kv.value is not None else None
            )
            send_default = (templated or secret_value) and not kv.disabled
            query.append([kv.key, default, python, bool(send_default)])
            plan.keywords.append(
                Param(
                    python,
                    kv.key,
                    "query",
                    "QueryValue | NotGiven",
                    kv.value,
                    not send_default and not kv.disabled,
                    kv.description,
                    kv.disabled,
                )
            )
        spec["query"] = query
        if url.raw.rstrip().endswith("?") and not url.query:
            spec["empty_query"] = True

        headers = []
        for h in request.headers:
            if h.disabled or not h.key.strip():
                continue
            headers.append([h.key.strip(), self.hider.text(h.value or "", h.key) or ""])
        accept_added = not any(h[0].lower() == "accept" for h in headers)
        if accept_added:
            headers.append(["Accept", "*/*"])
        spec["headers"] = headers

        behavior = op.protocol_profile_behavior
        prune = (
            method in BODYLESS_METHODS
            and behavior.get("disableBodyPruning") is not True
        )
        body = request.body
        if body is not None and not body.disabled and not prune:
            self._body(plan, spec, names)
        if behavior.get("disableUrlEncoding") is True:
            spec["encode"] = False
        redirects = redirect_rules(behavior)
        if redirects:
            spec["redirects"] = redirects
        if behavior.get("strictSSL") is False:
            spec["verify"] = False
        if behavior.get("disableCookies") is True:
            spec["cookies"] = False

        auth = op.auth.auth
        if auth is not None and auth.type not in ("noauth", ""):
            spec["auth"] = self._auth_key(auth.type, auth.params)
            if accept_added and auth.type in SIGNERS:
                spec["unsigned"] = [
                    "accept"
                ]  # Postman's own Accept: added after signing
            spec["auth_type"] = auth.type
        links = client_scripts.chain(self.collection, folders, op)
        if links:
            spec["scripts"] = client_scripts.spec_entry(self.scripts, links)
        sets = []
        for link in links:
            if link.script.event != "test":
                continue
            for sv in link.script.sets:
                if sv.source == "json" and sv.json_path is not None:
                    sets.append([sv.name, "json", sv.json_path])
                elif sv.source == "literal":
                    sets.append([sv.name, "literal", sv.expression.strip("'\"")])
        spec["sets"] = sets
        plan.scripts = [
            f"{link.level} {_EVENT_WORDS[link.script.event]} script ({link.owner}): "
            f"{describe(link.script.exec)}"
            for link in links
        ]
        plan.spec = spec
        return plan

    def _body(
        self, plan: MethodPlan, spec: dict[str, Any], names: naming.Scope
    ) -> None:
        body = plan.operation.request.body
        assert body is not None
        if body.mode == "raw":
            if not body.raw:
                return
            ctype = RAW_CONTENT_TYPES.get(
                (body.language or "text").lower(), "text/plain"
            )
            explicit = next(
                (
                    h.value or ""
                    for h in plan.operation.request.headers
                    if not h.disabled and h.key.strip().lower() == "content-type"
                ),
                "",
            )
            raw = body.raw
            if "json" in ctype or "json" in explicit.lower():
                raw = strip_json_comments(
                    raw
                )  # Postman sends JSON bodies without comments
            spec["body"] = {"mode": "raw", "raw": self.hider.text(raw, "body")}
            spec["content_type"] = ctype
            templated = "{{" in body.raw
            if body.json_valid and not templated:
                annotation = "JSONBody | NotGiven"
                plan.keywords.append(
                    Param("body", "body", "body", annotation, body.json_value, True)
                )
            else:
                plan.keywords.append(
                    Param(
                        "body",
                        "body",
                        "body",
                        "str | bytes | NotGiven",
                        raw,
                        not templated,
                    )
                )
        elif body.mode == "urlencoded":
            fields: list[list[Any]] = []
            for kv in body.urlencoded:
                python = names.claim(naming.snake(kv.key, "field"))
                templated = _kv_template(kv.value) or self.hider.hidden(
                    kv.value, kv.key
                )
                # unlike query parameters, form fields default to the saved value (as bodies do)
                fields.append(
                    [
                        kv.key,
                        self.hider.text(kv.value or "", kv.key),
                        python,
                        not kv.disabled,
                    ]
                )
                plan.keywords.append(
                    Param(
                        python,
                        kv.key,
                        "field",
                        "str | NotGiven",
                        kv.value or "",
                        not templated and not kv.disabled,
                        kv.description,
                        kv.disabled,
                    )
                )
            if any(not kv.disabled for kv in body.urlencoded):
                spec["body"] = {"mode": "urlencoded", "fields": fields}
                spec["content_type"] = "application/x-www-form-urlencoded"
        elif body.mode == "formdata":
            fields = []
            for f in body.formdata:
                python = names.claim(naming.snake(f.key, "field"))
                if f.type == "file":
                    srcs = list(f.src or [])
                    part_type = f.content_type or (
                        guess_type(srcs[0]) if srcs else None
                    )
                    fields.append(
                        [f.key, "file", srcs, python, not f.disabled, part_type]
                    )
                    plan.keywords.append(
                        Param(
                            python,
                            f.key,
                            "file",
                            "FileInputs | NotGiven",
                            srcs,
                            False,
                            f.description,
                            f.disabled,
                        )
                    )
                    continue
                templated = _kv_template(f.value) or self.hider.hidden(f.value, f.key)
                fields.append(
                    [
                        f.key,
                        "text",
                        self.hider.text(f.value or "", f.key),
                        python,
                        not f.disabled,
                        f.content_type or None,
                    ]
                )
                plan.keywords.append(
                    Param(
                        python,
                        f.key,
                        "field",
                        "str | NotGiven",
                        f.value or "",
                        not templated and not f.disabled,
                        f.description,
                        f.disabled,
                    )
                )
            if any(not f.disabled for f in body.formdata):
                spec["body"] = {"mode": "formdata", "fields": fields}
        elif body.mode == "file":
            spec["body"] = {"mode": "file", "src": body.file_src}
            if body.file_content_type:
                spec["content_type"] = body.file_content_type
            plan.keywords.append(
                Param("body", "body", "body", "FileInput | NotGiven", body.file_src)
            )
        elif body.mode == "graphql":
            spec["body"] = {
                "mode": "graphql",
                "query": self.hider.text(body.graphql_query or "", "graphql"),
                "variables": self.hider.text(body.graphql_variables, "graphql"),
            }
            spec["content_type"] = "application/json"
            q = names.claim("query")
            v = names.claim("variables")
            plan.keywords.append(
                Param(q, "query", "graphql_query", "str | NotGiven", body.graphql_query)
            )
            plan.keywords.append(
                Param(
                    v,
                    "variables",
                    "graphql_variables",
                    "Mapping[str, Any] | NotGiven",
                    body.graphql_variables,
                )
            )

    def _resolvable(self, value: str) -> bool:
        """Every `{{variable}}` in `value` is one the client holds (or a dynamic one)."""
        return all(
            name.startswith("$") or name in self.held
            for name in _VARIABLE_REF.findall(value)
        )

    # -- auth -----------------------------------------------------------------------------
    def _auth_key(self, kind: str, params: dict[str, Any]) -> str:
        hidden = {
            k: self.hider.auth_param(kind, k, v) if isinstance(v, str) else v
            for k, v in sorted(params.items())
            if isinstance(v, (str, int, float, bool)) or v is None
        }
        fingerprint = repr((kind, sorted(hidden.items(), key=lambda kv: kv[0])))
        key = self._auth_keys.get(fingerprint)
        if key is None:
            key = f"{kind}_{len(self._auth_keys) + 1}"
            self._auth_keys[fingerprint] = key
            self.auths[key] = {"type": kind, "params": hidden}
        return key
