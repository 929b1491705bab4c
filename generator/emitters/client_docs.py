"""Docstrings of generated resources and methods (text only; templates escape it)."""

from __future__ import annotations

from collections.abc import Callable

from pmgen.emitters.client_plan import MethodPlan, ResourcePlan

# characters of a request's markdown description kept in its docstring
MAX_DESCRIPTION = 800


def _clip(text: str, limit: int = MAX_DESCRIPTION) -> str:
    text = (text or "").strip()
    return text if len(text) <= limit else text[:limit].rstrip() + " ..."


def resource_doc(resource: ResourcePlan) -> str:
    if resource.folder is None:
        return "Operations at the top level of the collection."
    lines = [f"Folder {resource.folder.name!r}."]
    if resource.folder.description:
        lines += ["", _clip(resource.folder.description, 600)]
    return "\n".join(lines)


def method_doc(m: MethodPlan, *, hide: Callable[[str], str] = str) -> str:
    """`hide` replaces secret literals in a saved example (before it is shortened, so a
    clipped secret cannot slip past it)."""
    op = m.operation
    lines = [op.name, "", f"`{op.request.method} {op.request.url.raw}`"]
    if op.description:
        lines += ["", _clip(op.description)]
    if m.params:
        lines += ["", "Args:"]
        for p in m.params:
            note = (
                p.description.strip().splitlines()[0] if p.description.strip() else ""
            )
            if p.example in (None, "", []):
                example = ""
            elif p.optional:  # a path parameter bound to a variable the client holds
                example = (
                    f" Defaults to `{_short(hide(_text(p.example)))}`"
                    " (resolved from `client.variables`)."
                )
            elif isinstance(p.example, str) and p.kind == "path" and "{{" in p.example:
                example = (
                    f" Example: `{_short(hide(p.example))}` (the collection's value: passed"
                    " as it is, it is resolved from `client.variables` as Postman does)."
                )
            else:
                example = f" Example: `{_short(hide(_text(p.example)))}`."
            disabled = " (disabled in the collection)" if p.disabled else ""
            note = f" {note}" if note else ""
            lines.append(
                f"    {p.python}: `{p.wire}` ({p.kind}){disabled}.{note}{example}"
            )
    if m.scripts:
        lines += ["", "Scripts (run by the client, as Postman runs them):"]
        lines += [f"    {note}" for note in m.scripts]
    sets = m.spec.get("sets") or []
    if sets:
        names = ", ".join(sorted({s[0] for s in sets}))
        lines += [
            "",
            f"Stores {names} in `client.variables` from the response, as its test script does.",
        ]
    return "\n".join(lines)


def _text(value: object) -> str:
    return value if isinstance(value, str) else repr(value)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."
