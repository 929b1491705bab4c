"""Postman variable scopes: precedence, `{{name}}` resolution and which values are secret.

Precedence, lowest first: globals < collection < selected environment < `--var` overrides
(Postman's data/local scopes do not exist at generation time). Resolution replaces
`{{name}}` recursively like Postman (nested references, bounded depth) and leaves
`{{$dynamic}}` and unknown variables exactly as written, as Newman sends them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pmgen.model import Collection, Variable
from pmgen.secrets import is_secret_name, looks_like_secret

# Postman's own pattern: `{{` then anything but braces, then `}}`.
VARIABLE_REF = re.compile(r"\{\{([^{}]+?)\}\}")
# Postman stops substituting after this many nested passes.
MAX_DEPTH = 19


def is_dynamic(name: str) -> bool:
    """`$guid`, `$timestamp`, `$randomUUID`...: generated per request, never resolved at import."""
    return name.startswith("$")


def references(text: str | None) -> list[str]:
    """Variable names referenced in `text`, in order, without duplicates."""
    seen: dict[str, None] = {}
    for match in VARIABLE_REF.finditer(text or ""):
        seen.setdefault(match.group(1), None)
    return list(seen)


def variable_is_secret(variable: Variable) -> bool:
    """Declared `secret`, or a secret-looking name (even when empty: the slot is a credential)
    or value."""
    if variable.type == "secret" or variable.secret:
        return True
    return is_secret_name(variable.key) or looks_like_secret(variable.value)


class VariableScope:
    """Layered variables, later layers winning; built from a Collection or raw layers."""

    def __init__(self, layers: Iterable[Iterable[Variable]] = ()) -> None:
        self._values: dict[str, str] = {}
        self._secret: set[str] = set()
        for layer in layers:
            for variable in layer:
                if variable.disabled:
                    continue
                self._values[variable.key] = (
                    "" if variable.value is None else variable.value
                )
                if variable_is_secret(variable):
                    self._secret.add(variable.key)
                else:
                    self._secret.discard(variable.key)

    @classmethod
    def for_collection(cls, collection: Collection) -> VariableScope:
        env = collection.selected_environment()
        overrides = [Variable(key=k, value=v) for k, v in collection.overrides.items()]
        scope = cls(
            [
                collection.globals,
                collection.variables,
                env.values if env else [],
                overrides,
            ]
        )
        # An override keeps the secrecy of what it replaces (or of its own name).
        for key in collection.overrides:
            if is_secret_name(key) or any(
                v.key == key and variable_is_secret(v)
                for v in [
                    *collection.globals,
                    *collection.variables,
                    *(env.values if env else []),
                ]
            ):
                scope._secret.add(key)
        return scope

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> VariableScope:
        return cls([[Variable(key=k, value=v) for k, v in values.items()]])

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def get(self, name: str) -> str | None:
        return self._values.get(name)

    def values(self) -> dict[str, str]:
        return dict(self._values)

    def is_secret(self, name: str) -> bool:
        return name in self._secret

    def secret_names(self) -> set[str]:
        return set(self._secret)

    def resolve(self, text: str | None, *, max_depth: int = MAX_DEPTH) -> str | None:
        """Replace known `{{name}}` references, nested ones included; keep the rest as written."""
        if text is None or "{{" not in text:
            return text

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if is_dynamic(name) or name not in self._values:
                return match.group(0)
            return self._values[name]

        for _ in range(max_depth):
            replaced = VARIABLE_REF.sub(substitute, text)
            if replaced == text:
                break
            text = replaced
        return text

    def unresolved(self, text: str | None) -> list[str]:
        """Names still referenced after resolution (unknown ones; dynamic ones excluded)."""
        return [n for n in references(self.resolve(text)) if not is_dynamic(n)]

    def uses_secret(self, text: str | None) -> bool:
        """Does `text` (directly or through nested references) use a secret variable?"""
        pending, seen = references(text), set()
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            if name in self._secret:
                return True
            pending.extend(references(self._values.get(name)))
        return False
