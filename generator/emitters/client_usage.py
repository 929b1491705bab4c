"""The `python-client` snippet: a runnable program calling the generated client so that it
sends the request exactly as saved in the collection.

    render_usage(collection, operation, package="webex_messaging", reveal_secrets=False)

Values come from the collection (path variables, query parameters, fields, bodies); what
holds `{{variables}}` is left to the client, which resolves it at call time like Postman.
Secrets never appear: the client reads them from environment variables.
"""

from __future__ import annotations

from pmgen.emitters.client_plan import (
    MethodPlan,
    ResourcePlan,
    client_class_for,
    plan_client,
)
from pmgen.emitters.client_run import GENERATED
from pmgen.model import Collection, Operation
from pmgen.render import docstring, pyrepr

_PLANS: dict[
    tuple[int, str, bool],
    tuple[Collection, dict[str, tuple[list[str], MethodPlan]], list[str]],
] = {}
_MAX_PLANS = 4


def _index(
    collection: Collection, package: str, reveal: bool
) -> tuple[dict[str, tuple[list[str], MethodPlan]], list[str]]:
    """Methods by operation (id + key), planned once per collection."""
    key = (id(collection), package, reveal)
    cached = _PLANS.get(key)
    if cached is not None and cached[0] is collection:
        return cached[1], cached[2]
    root, planner = plan_client(collection, package_name=package, reveal_secrets=reveal)
    index: dict[str, tuple[list[str], MethodPlan]] = {}
    for resource in root.walk():
        for m in resource.methods:
            index[_op_key(m.operation)] = (resource.path, m)
    env_vars = sorted(planner.hider.env_vars.values())
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.pop(next(iter(_PLANS)))
    _PLANS[key] = (collection, index, env_vars)
    return index, env_vars


def _op_key(op: Operation) -> str:
    return f"{op.id}\0{op.key}"


def call_arguments(m: MethodPlan) -> list[str]:
    """`"value"` / `name=value` source fragments reproducing the saved request."""
    args, kwargs = m.saved_call()
    return [pyrepr(a) for a in args] + [f"{k}={pyrepr(v)}" for k, v in kwargs.items()]


def call_expression(path: list[str], m: MethodPlan, client_var: str = "client") -> str:
    target = ".".join([client_var, *path, m.name])
    args = call_arguments(m)
    if not args:
        return f"{target}()"
    inner = "".join(f"    {a},\n" for a in args)
    return f"{target}(\n{inner})"


def render_usage(
    collection: Collection, operation: Operation, *, package: str, reveal_secrets: bool
) -> str:
    index, env_vars = _index(collection, package, reveal_secrets)
    found = index.get(_op_key(operation))
    if found is None:
        raise KeyError(f"operation {operation.key!r} is not part of this collection")
    path, m = found
    client_class = client_class_for(package)
    doc = [f"{operation.key}: sends the request as saved in the collection."]
    if env_vars and not reveal_secrets:
        doc += [
            "",
            "Secrets come from environment variables: " + ", ".join(env_vars) + ".",
        ]
    lines = [
        f"# {GENERATED}",
        f'"""{docstring(chr(10).join(doc))}\n"""',
        "",
        f"from {package} import {client_class}",
        "",
        f"client = {client_class}()",
        f"result = {call_expression(path, m)}",
        "print(result)",
        "",
    ]
    return "\n".join(lines)


__all__ = ["ResourcePlan", "call_expression", "render_usage"]
