"""Keeps credentials out of the generated client: secret values become variables read
from environment variables `<PACKAGE>_<NAME>` at run time (unless `--reveal-secrets`).
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable, Mapping

from pmgen import naming
from pmgen.model import Collection, Environment, Variable
from pmgen.secrets import (
    SecretReport,
    is_placeholder,
    is_secret_auth_field,
    secret_forms,
)
from pmgen.variables import variable_is_secret

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
        self._rx = (
            re.compile("|".join(re.escape(s) for s in self._literals))
            if self._literals
            else None
        )
        self.secret_variables = {
            v.key for v in self._all_variables() if variable_is_secret(v)
        }
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
            env = self._env_scope.claim(
                f"{self.prefix}_{naming.snake(name, 'secret').upper()}"
            )
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
        return self._rx.sub(
            lambda m: "{{" + self._synthetic(m.group(0), label) + "}}", value
        )

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
            if (
                not self.reveal
                and v.key in self.secret_variables
                and not is_placeholder(v.value)
            ):
                continue
            out[v.key] = self.text(v.value or "", v.key) or ""
        return out

    def environments(self) -> dict[str, dict[str, str]]:
        envs: list[Environment] = self.collection.environments
        return {e.name: self.variable_values(e.values) for e in envs}

    def revealed_synthetic(self) -> dict[str, str]:
        """With --reveal-secrets nothing is synthetic; without, values stay out (empty)."""
        return {}


_SEPARATOR = "\x00"  # never in a secret that reaches a file (printable() drops NUL)


class Scrubber:
    """The writer's safety net (`pmgen.secrets.scrub`) fitted to generated code.

    Every form of a secret (`secret_forms`) is masked where it stands as a token of its own:
    a secret `secret` masks `"secret"` and `key=secret&` but not `client_secret`,
    `secretKey` or `import secrets` (masking those broke the generated code). In Python files
    only plain string literals and comments are touched, never code or f-strings.
    """

    def __init__(self, secrets: Iterable[str], min_length: int) -> None:
        masks: dict[str, str] = {}
        for secret in sorted({s for s in secrets if len(s) >= min_length}):
            for form in secret_forms(secret):
                if len(form) >= min_length:
                    masks.setdefault(form, _mask(secret))
        self._masks = masks
        ordered = sorted(
            masks, key=lambda f: (-len(f), f)
        )  # longest first: no partial masks
        alternatives = "|".join(re.escape(form) for form in ordered)
        token = rf"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])"
        self._rx = re.compile(token) if masks else None

    def text(self, text: str) -> str:
        return (
            text
            if self._rx is None
            else self._rx.sub(lambda m: self._masks[m.group(0)], text)
        )

    def files(
        self, files: Mapping[str, str], *, fixed: Iterable[str] = ()
    ) -> dict[str, str]:
        """`files` scrubbed, except the `fixed` ones (runtime code without collection text)."""
        skip = set(fixed)
        out = {}
        for path, text in files.items():
            scrubbed = text if path in skip else self.text(text)
            if scrubbed != text and path.endswith(".py"):
                scrubbed = self._python(text)
            out[path] = scrubbed
        return out

    def _python(self, source: str) -> str:
        offsets = [0]
        for line in source.splitlines(keepends=True):
            offsets.append(offsets[-1] + len(line))
        spans = [
            (
                offsets[tok.start[0] - 1] + tok.start[1],
                offsets[tok.end[0] - 1] + tok.end[1],
            )
            for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type == tokenize.COMMENT
            # f-strings hold code: never touched
            or (tok.type == tokenize.STRING and "f" not in tok.string[:3].lower())
        ]
        parts = self.text(_SEPARATOR.join(source[a:b] for a, b in spans)).split(
            _SEPARATOR
        )
        if len(parts) != len(spans):  # cannot happen (see _SEPARATOR); never break code
            return source
        out, last = [], 0
        for (a, b), part in zip(spans, parts, strict=True):
            out += [source[last:a], part]
            last = b
        out.append(source[last:])
        return "".join(out)


def _mask(secret: str) -> str:
    """Safe in any literal: alphanumeric ends kept, never a quote or backslash."""
    ends = [ch if ch.isalnum() else "*" for ch in (secret[:2] + secret[-2:])]
    return (
        "".join(ends[:2]) + "*" * min(max(len(secret) - 4, 4), 24) + "".join(ends[2:])
    )
