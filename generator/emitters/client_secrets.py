"""Keeps credentials out of the generated client: secret values become variables read
from environment variables `<PACKAGE>_<NAME>` at run time (unless `--reveal-secrets`)."""

from __future__ import annotations

import re

from generator import naming
from generator.model import Collection, Environment, Variable
from generator.secrets import SecretReport, is_placeholder, is_secret_auth_field
from generator.variables import variable_is_secret

_MIN_SECRET = 3


class SecretHider:
    def __init__(self, collection: Collection, *, package: str, reveal: bool) -> None:
        self.collection = collection
        self.reveal = reveal
        self.prefix = package.upper().strip("_")
        self.env_vars: dict[str, str] = {}  # variable name -> environment variable name
        self.synthetic: dict[str, str] = {}  # secret literal -> variable name
        self._env_scope = naming.Scope()
        self._var_scope = naming.Scope({v.key for v in self._all_variables()})
        report = SecretReport.of(collection)
        literals = {v for v in report.values if len(v) >= _MIN_SECRET}
        self._literals = sorted(literals, key=len, reverse=True)
        self._rx = re.compile("|".join(re.escape(s) for s in self._literals)) if self._literals else None
        self.secret_variables = {v.key for v in self._all_variables() if variable_is_secret(v)}
        self.secret_variables |= set(report.secret_variables)
        for name in sorted(self.secret_variables):
            self._register(name)

    def _all_variables(self) -> list[Variable]:
        out = [*self.collection.globals, *self.collection.variables]
        for env in self.collection.environments:
            out += env.values
        return out

    def _register(self, name: str) -> str:
        if name not in self.env_vars:
            env = self._env_scope.claim(f"{self.prefix}_{naming.snake(name, 'secret').upper()}")
            self.env_vars[name] = env
        return name

    def _synthetic(self, literal: str, label: str) -> str:
        name = self.synthetic.get(literal)
        if name is None:
            name = self._var_scope.claim(naming.snake(label, "secret"))
            self.synthetic[literal] = name
            self._register(name)
        return name

    # -- values -------------------------------------------------------------------------
    def text(self, value: str | None, label: str) -> str | None:
        """`value` with every literal secret replaced by a `{{variable}}` read at run time."""
        if value is None or self.reveal or self._rx is None:
            return value
        return self._rx.sub(lambda m: "{{" + self._synthetic(m.group(0), label) + "}}", value)

    def hidden(self, value: str | None, label: str) -> bool:
        return value is not None and self.text(value, label) != value

    def auth_param(self, kind: str, key: str, value: str) -> str:
        if self.reveal or is_placeholder(value) or not is_secret_auth_field(kind, key):
            return self.text(value, f"{kind}_{key}") or ""
        if "{{" in value:
            return self.text(value, f"{kind}_{key}") or ""
        return "{{" + self._synthetic(value, f"{kind}_{key}") + "}}"

    def variable_values(self, variables: list[Variable]) -> dict[str, str]:
        """Variable defaults safe to write (secret ones left to environment variables)."""
        out: dict[str, str] = {}
        for v in variables:
            if v.disabled:
                continue
            if not self.reveal and v.key in self.secret_variables and not is_placeholder(v.value):
                continue
            out[v.key] = self.text(v.value or "", v.key) or ""
        return out

    def environments(self) -> dict[str, dict[str, str]]:
        envs: list[Environment] = self.collection.environments
        return {e.name: self.variable_values(e.values) for e in envs}

    def revealed_synthetic(self) -> dict[str, str]:
        """With --reveal-secrets nothing is synthetic; without, values stay out (empty)."""
        return {}
