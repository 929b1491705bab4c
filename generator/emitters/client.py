"""The client emitter: a collection -> an installable Python package, as {path: text}.

    files = emit(collection, package_name="webex_messaging", reveal_secrets=False)

Writes nothing; `pmgen.formatting.format_python` and `pmgen.writer.write_tree`
do that. Runtime code (sending, retries, auth, variables, scripts) is the same for every
collection: the modules of `pmgen.runtime`, copied (`client_run.runtime_files`); what
varies is the plan (`client_plan`), the operation specs, stored as JSON beside each
resource module, and the templates of `templates/client/`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmgen import __version__, inference, layout, naming, runtime
from pmgen.emitted import BlackStable
from pmgen.emitters import Beside, client_run
from pmgen.emitters.client_docs import method_doc, resource_doc
from pmgen.emitters.client_imports import client_imports, resource_imports
from pmgen.emitters.client_plan import (
    MethodPlan,
    Planner,
    ResourcePlan,
    client_class_for,
    plan_client,
)
from pmgen.emitters.client_run import GENERATED
from pmgen.emitters.client_secrets import Scrubber, SecretHider
from pmgen.markdown import code as md_code
from pmgen.markdown import md_cell, md_text
from pmgen.model import Collection
from pmgen.pyimports import member_order
from pmgen.render import pystr, render
from pmgen.responses import result_type
from pmgen.secrets import SecretReport
from pmgen.wire import signing

_SIGNING_SOURCE = Path(signing.__file__)


@dataclass
class SecretParam:
    python: str
    variable: str
    env_var: str


def model_sources(root: ResourcePlan) -> Iterator[inference.ModelSource]:
    """Inference's view of every method: its name, saved examples and body parameter."""
    for resource in root.walk():
        for m in resource.methods:
            takes_body = any(p.kind == "body" for p in m.keywords)
            yield inference.ModelSource(
                key=f"{m.operation.id}\0{m.operation.key}",
                words=(*resource.path, m.name),
                examples=tuple(m.operation.examples),
                body=m.operation.request.body if takes_body else None,
            )


def emit(
    collection: Collection,
    *,
    package_name: str,
    reveal_secrets: bool,
    templates_dir: str | None = None,
    beside: Beside | None = None,
) -> BlackStable:
    """Every file of the generated project (relative path -> text); the Python files
    rendered exactly as black writes them are marked (`BlackStable.stable`).

    With `beside`, datamodel-code-generator runs through it while the modules render
    (the caller decides whether that is another process); the files are the same."""

    def plan() -> tuple[ResourcePlan, Planner]:
        return plan_client(
            collection, package_name=package_name, reveal_secrets=reveal_secrets
        )

    def render_with(models: inference.InferredModels) -> dict[str, str]:
        return _render(
            collection,
            root,
            planner,
            models,
            package_name=package_name,
            templates_dir=templates_dir,
        )

    root, planner = plan()
    raw_classes = {
        f"{prefix}{r.class_name}WithRawResponse"
        for r in root.walk()
        for prefix in ("", "Async")
    }
    wanted = inference.plan_models(model_sources(root), raw_classes)
    if wanted.schema is not None and beside is not None:
        # datamodel-code-generator (seconds on a big collection) runs on the other core
        # while the modules render with the model names asked of it; it writes them all
        # unless a schema yields no class, and then the modules render again (fresh plans:
        # rendering annotates them) with the names it wrote
        # a partial, not a lambda: a prewarmed child is handed it pickled
        with beside(functools.partial(inference.generate_text, wanted)) as text:
            files = render_with(wanted.expected())
            models = inference.finish(wanted, text())
        if wanted.all_written(models):
            return _finish(collection, files, models, package_name, reveal_secrets)
        root, planner = plan()
    else:
        models = inference.finish(wanted, inference.generate_text(wanted))
    files = render_with(models)
    return _finish(collection, files, models, package_name, reveal_secrets)


def _render(
    collection: Collection,
    root: ResourcePlan,
    planner: Planner,
    models: inference.InferredModels,
    *,
    package_name: str,
    templates_dir: str | None,
) -> dict[str, str]:
    """Every file but `models.py`, the modules importing `models`' classes."""
    hider = planner.hider
    reveal_secrets = hider.reveal
    client_class = client_class_for(package_name)
    pkg = package_name
    files: dict[str, str] = {}
    ctx: dict[str, Any] = {
        "package_name": pkg,
        "client_class": client_class,
        "collection_doc": collection.info.description or collection.info.name,
        "collection_name": collection.info.name,
        "version": __version__,
        # black's layout (pmgen.layout): templates that use these render black-stable code
        "pystr": pystr,
        "doc": layout.doc,
        "import_from": layout.import_from,
        "assign_list": layout.assign_list,
        "call": layout.call,
        "parameter": layout.parameter,
        "statement_call": layout.statement_call,
        "property_head": layout.property_head,
        "member_order": member_order,
    }

    def r(template: str, **extra: Any) -> str:
        return render(f"client/{template}", templates_dir, **ctx, **extra)

    scripted = bool(planner.scripts.entries)
    files.update(client_run.runtime_files(pkg, scripted=False))
    # Postman's signatures: the generator's own module, shipped as is (one implementation)
    files[f"{pkg}/_signing.py"] = f"# {GENERATED}\n" + _SIGNING_SOURCE.read_text(
        "utf-8"
    )
    files[f"{pkg}/py.typed"] = ""
    secret_params = _secret_params(hider)
    variables = hider.variable_values([*collection.globals, *collection.variables])
    for key, value in collection.overrides.items():
        if reveal_secrets or key not in hider.secret_variables:
            variables[key] = hider.text(value, key) or ""
    files[f"{pkg}/_config.py"] = r(
        "package/_config.py.jinja",
        scripted=scripted,
        globals_=hider.variable_values(collection.globals),
        variables=variables,
        environments=hider.environments(),
        default_environment=collection.environment,
        secrets=dict(sorted(hider.env_vars.items())),
        auths=planner.auths,
    )
    for resource in root.walk():
        _decorate(resource, models.response_models, models.body_models, hider)
    imports, type_checking_imports = client_imports(
        root, root.models, scripted=scripted  # type: ignore[attr-defined]
    )
    files[f"{pkg}/_root.json"] = _specs_json(root)
    files[f"{pkg}/_client.py"] = r(
        "package/_client.py.jinja",
        scripted=scripted,
        root=root,
        imports=imports,
        type_checking_imports=type_checking_imports,
        secret_params=secret_params,
        environment_names=", ".join(e.name for e in collection.environments) or "none",
    )
    files[f"{pkg}/__init__.py"] = r("package/__init__.py.jinja")
    files[f"{pkg}/resources/__init__.py"] = r("package/resources/__init__.py.jinja")
    for resource in root.walk()[1:]:
        files[f"{pkg}/resources/{resource.module}.py"] = r(
            "package/resources/resource.py.jinja", resource=resource
        )
        files[f"{pkg}/resources/{resource.module}.json"] = _specs_json(resource)
    operations = [(res, m) for res in root.walk() for m in res.methods]
    files[f"{pkg}/_runner.py"] = r("package/_runner.py.jinja", scripted=scripted)
    files[f"{pkg}/__main__.py"] = r("package/__main__.py.jinja")
    files[f"{pkg}/_run.json"] = client_run.run_plan(collection, root)
    if scripted:
        files.update(client_run.runtime_files(pkg, scripted=True))
        files[f"{pkg}/_scripts.json"] = client_run.scripts_json(planner.scripts)
        files.update(client_run.sandbox_files(pkg))
    files["pyproject.toml"] = r(
        "pyproject.toml.jinja",
        auth_types=sorted({a["type"] for a in planner.auths.values()}),
        script_extra=(
            client_run.engine_requirements(planner.scripts) if scripted else None
        ),
    )
    files["README.md"] = r(
        "README.md.jinja",
        operations=operations,
        secret_params=secret_params,
        environments=[e.name for e in collection.environments],
        default_environment=collection.environment,
        auth_types=sorted({a["type"] for a in planner.auths.values()}),
        scripts=planner.scripts.entries,
        # collection text in markdown: escaped per context (HTML, tables, code spans)
        md_text=md_text,
        md_cell=md_cell,
        code=md_code,
    )
    files["tests/__init__.py"] = f"# {GENERATED}\n"
    files["tests/test_operations.py"] = r(
        "tests/test_operations.py.jinja", scripted=scripted
    )
    files["tests/cases.json"] = (
        json.dumps(
            {"_": GENERATED, "cases": _test_cases(root, planner.auths)}, indent=1
        )
        + "\n"
    )
    return files


def _finish(
    collection: Collection,
    files: dict[str, str],
    models: inference.InferredModels,
    package_name: str,
    reveal_secrets: bool,
) -> BlackStable:
    """`models.py` added, secrets that slipped into the files masked, black-stable marked."""
    pkg = package_name
    files = {**files, f"{pkg}/models.py": models.module_text}
    rendered = dict(files)
    # safety net: a credential in a description or a saved example
    if not reveal_secrets:
        # not scrubbed: runtime code holds no collection text; every value in _config.py went
        # through the hider, and its keys are Postman's field names (a secret `accessKey`
        # must not rename the `accessKey` field)
        fixed = [
            f"{pkg}/{m}"
            for m in (
                *runtime.SHIPPED,
                "_signing.py",
                *client_run.STATIC_MODULES,
                *(
                    p.removeprefix(f"{pkg}/")
                    for p in files
                    if p.startswith(f"{pkg}/_sandbox/")
                ),
                "__init__.py",
                "resources/__init__.py",
                "_config.py",
            )
        ]
        files = Scrubber(SecretReport.of(collection).values, min_length=6).files(
            files, fixed=fixed
        )
    laid_out = ("models.py",) if models.black_stable else ()
    return BlackStable(files, _black_stable(files, pkg, rendered, laid_out))


# rendered exactly as black writes them (pmgen.layout; tests assert black_changes == [])
_STABLE_MODULES = (
    *runtime.SHIPPED, *runtime.SCRIPTED, "__init__.py", "resources/__init__.py", "_signing.py",
)  # fmt: skip


def _black_stable(
    files: dict[str, str],
    pkg: str,
    rendered: dict[str, str],
    laid_out: tuple[str, ...] = (),
) -> list[str]:
    """The files black would leave unchanged: the static runtime modules, the sandbox,
    `laid_out` ones (`models.py` when models_layout wrote it) and every resource module
    without a code line too long for the templates' layout. A file the secret scrubber
    changed loses the mark (a mask can change a line's length)."""
    stable = [f"{pkg}/{module}" for module in (*_STABLE_MODULES, *laid_out)]
    # the sandbox, copied from pmgen's own black-formatted `generator/sandbox`
    stable += [
        p for p in files if p.startswith(f"{pkg}/_sandbox/") and p.endswith(".py")
    ]
    stable += [
        path
        for path, text in files.items()
        if path.startswith(f"{pkg}/resources/")
        and path.endswith(".py")
        and layout.fits_black(text)
    ]
    return [
        path for path in stable if path in files and files[path] == rendered.get(path)
    ]


def _secret_params(hider: SecretHider) -> list[SecretParam]:
    scope = naming.Scope(
        {
            "environment",
            "variables",
            "base_url",
            "auth",
            "timeout",
            "max_retries",
            "default_headers",
            "http_client",
            "self",
        }
    )
    return [
        SecretParam(scope.claim(naming.snake(name, "secret")), name, env)
        for name, env in sorted(hider.env_vars.items())
    ]


def _decorate(
    resource: ResourcePlan,
    response_models: dict[str, str],
    body_models: dict[str, str],
    hider: SecretHider,
) -> None:
    """Attributes the templates read (import paths, docs, parameter groups)."""
    resource_any: Any = resource
    resource_any.dots = "." if not resource.path else ".."
    resource_any.child_prefix = ".resources." if not resource.path else "."
    resource_any.doc = resource_doc(resource)
    used: set[str] = set()
    for m in resource.methods:
        key = m.operation.id + "\0" + m.operation.key
        _decorate_method(m, response_models.get(key), body_models.get(key), hider)
        used.update(name for name in (m.model, m.body_model) if name)
    resource_any.models = sorted(used)
    if resource.path:
        resource_any.imports, resource_any.type_checking_imports = resource_imports(
            resource, used
        )


def _decorate_method(
    m: MethodPlan, model: str | None, body_model: str | None, hider: SecretHider
) -> None:
    m_any: Any = m
    m.model = model
    m.returns = result_type(m.operation.examples, model)
    m.body_model = body_model
    if body_model:
        for p in m.keywords:
            if p.kind == "body":
                p.annotation = f"{body_model} | {p.annotation}"
    # examples show a secret as the `{{variable}}` the request reads it from, as the specs
    # do (the safety net's mask would also cost the module its black-stable mark)
    m_any.doc = method_doc(m, hide=lambda text: hider.text(text, "example") or "")
    m_any.query_params = [p for p in m.keywords if p.kind == "query"]
    fields = [
        p
        for p in m.keywords
        if p.kind in ("field", "file", "graphql_query", "graphql_variables")
    ]
    for p in fields:
        p_any: Any = p
        p_any.field_key = p.wire if p.kind.startswith("graphql") else p.python
    m_any.field_params = fields
    m_any.body_param = next((p for p in m.keywords if p.kind == "body"), None)


def _is_json_object(text: str | None) -> bool:
    try:
        return isinstance(json.loads(text or ""), dict) and bool(json.loads(text or ""))
    except ValueError:
        return False


def _specs_json(resource: ResourcePlan) -> str:
    """One operation a line: diffs between runs stay per operation, and without `indent`
    json uses its C encoder (the indented form took a third of a big client's emit)."""

    def compact(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    operations = ",\n".join(
        f"{compact(m.spec_key)}:{compact(m.spec)}" for m in resource.methods
    )
    return f'{{"_":{compact(GENERATED)},\n"operations":{{\n{operations}\n}}}}\n'


def _fetches_token(auth: dict[str, Any] | None) -> bool:
    """An OAuth 2 grant the client runs before the request (`OAuth2TokenAuth._needs_token`)."""
    if not auth or auth["type"] != "oauth2":
        return False
    params = auth["params"]
    grant = params.get("grant_type") or ""
    return grant in ("client_credentials", "password_credentials", "password") and not (
        params.get("accessToken") or params.get("access_token")
    )


def _test_cases(
    root: ResourcePlan, auths: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Generated tests: every operation is callable against a local server; saved example
    responses parse with the inferred models."""
    cases = []
    for resource in root.walk():
        for m in resource.methods:
            example = next(
                (e for e in m.operation.examples if e.code and e.body is not None), None
            )
            if m.model:  # the example the model was inferred from
                example = next(
                    e
                    for e in m.operation.examples
                    if _is_json_object(e.body)
                    and (e.code is None or 200 <= e.code < 300)
                )
            ctype = (
                next(
                    (
                        h.value
                        for h in example.headers
                        if h.key.lower() == "content-type"
                    ),
                    None,
                )
                if example
                else None
            )
            cases.append(
                {
                    "id": ".".join([*resource.path, m.name]),
                    "resource": resource.path,
                    "method": m.name,
                    "http_method": (m.spec["method"] or "GET").upper(),
                    "args": [
                        str(p.example or "x") for p in m.positional if not p.optional
                    ],
                    "status": (
                        example.code
                        if example and example.code and 200 <= example.code < 600
                        else 200
                    ),
                    "body": (example.body or "") if example else "",
                    "content_type": ctype
                    or (
                        "application/json"
                        if example and (example.language == "json" or m.model)
                        else None
                    ),
                    "model": m.model,
                    "fetches_token": _fetches_token(
                        auths.get(m.spec.get("auth") or "")
                    ),
                }
            )
    return cases
