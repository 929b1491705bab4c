"""Values as snippets must produce them: literal text, run-time dynamic values, secrets.

A `Value` is a tuple of `Part`s. `text` parts are known at generation time; `dynamic`
parts (`$guid`, `$timestamp`, ...) are generated when the snippet runs; `env` parts are
secrets (or values only a script can make) read from an environment variable when the
snippet runs; `local` parts name a value the snippet computes before the request, as a
pre-request script does (`pmgen.wire.effects.Local`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from pmgen import naming, secrets
from pmgen.model import Collection, Variable
from pmgen.wire.effects import (
    ENV_NAME,
    ENV_PREFIX,
    LOCAL_NAME,
    LOCAL_PREFIX,
    Effects,
)

PartKind = Literal["text", "dynamic", "env", "local"]
_TEMPLATE = re.compile(r"\{\{([^{}]+)\}\}")
_MAX_DEPTH = 20  # Postman stops resolving nested references after a few levels


@dataclass(frozen=True)
class Part:
    kind: PartKind
    text: str  # the text, the dynamic variable's name (`$guid`) or the environment variable's name


Value = tuple[Part, ...]


def text_value(text: str) -> Value:
    return (Part("text", text),) if text else ()


def is_literal(value: Value) -> bool:
    return all(p.kind == "text" for p in value)


def literal(value: Value) -> str:
    """The text of a value with no run-time parts (raises otherwise)."""
    if not is_literal(value):
        raise ValueError("value has run-time parts")
    return "".join(p.text for p in value)


def join(values: Iterable[Value]) -> Value:
    """Concatenate values, merging adjacent text parts."""
    out: list[Part] = []
    for value in values:
        for part in value:
            if part.kind == "text" and out and out[-1].kind == "text":
                out[-1] = Part("text", out[-1].text + part.text)
            elif part.kind != "text" or part.text:
                out.append(part)
    return tuple(out)


def map_text(value: Value, fn: object) -> Value:
    """Apply `fn(str) -> str` to the text parts (e.g. percent-encoding)."""
    assert callable(fn)
    return tuple(Part("text", fn(p.text)) if p.kind == "text" else p for p in value)


def dynamic_names(value: Value) -> list[str]:
    return [p.text for p in value if p.kind == "dynamic"]


@dataclass(frozen=True)
class Secret:
    env_var: str
    description: str
    value: str  # the value Postman would send (never written unless --reveal-secrets)


def env_var_name(text: str) -> str:
    return "PM_" + naming.snake(text, fallback="secret").upper().strip("_")


def is_secret_variable(var: Variable) -> bool:
    return bool(
        var.secret
        or var.type == "secret"
        or secrets.is_secret_name(var.key)
        or secrets.looks_like_secret(var.value)
    )


class Scope:
    """Postman's variable precedence: globals < collection < environment < --var.

    `resolve` replaces `{{name}}` recursively; unknown names and `{{$dynamic}}` stay as
    they are (Postman leaves them in place). Secrets become `env` parts unless revealed.
    """

    def __init__(
        self,
        collection: Collection,
        *,
        reveal_secrets: bool = False,
        effects: Effects | None = None,
        captured: Mapping[str, str] | None = None,
        compute: bool = True,
    ) -> None:
        self.values: dict[str, str] = {}
        # `{{$pmgen.local.x}}` / `{{$pmgen.env.PM_X}}` of the scripts' effects
        self.fixed: dict[str, Value] = {}
        # variables an earlier request's script captures: read from the environment
        self.captured: dict[str, str] = dict(captured or {})
        self.secret_names: set[str] = set()
        self.reveal = reveal_secrets
        self.secrets: dict[str, Secret] = {}
        env = collection.selected_environment()
        layers: list[Iterable[Variable]] = [collection.globals, collection.variables]
        if env is not None:
            layers.append(env.values)
        for layer in layers:
            for var in layer:
                if var.disabled:
                    continue
                self.values[var.key] = var.value if var.value is not None else ""
                if is_secret_variable(var):
                    self.secret_names.add(var.key)
                else:
                    self.secret_names.discard(var.key)
        self.values.update(collection.overrides)
        if effects is not None:
            self._add_effects(effects, compute)

    def _add_effects(self, effects: Effects, compute: bool) -> None:
        """The chain's variables and placeholders; `compute=False` (a style that cannot
        compute values): the values a script computes are read from the environment."""
        self.values.update(effects.variables)
        for local in effects.locals:
            if not LOCAL_NAME.fullmatch(local.name):
                continue
            if compute:
                self.fixed[LOCAL_PREFIX + local.name] = (Part("local", local.name),)
                continue
            env_var = local.name.upper()
            self.fixed[LOCAL_PREFIX + local.name] = (Part("env", env_var),)
            self.secrets[env_var] = Secret(env_var, local.why or local.name, "")
        for fallback in effects.fallbacks:
            if ENV_NAME.fullmatch(fallback.env_var):
                self.fixed[ENV_PREFIX + fallback.env_var] = (
                    Part("env", fallback.env_var),
                )
                self.secrets[fallback.env_var] = Secret(
                    fallback.env_var, fallback.description, ""
                )

    def add(self, overrides: Mapping[str, str]) -> None:
        self.values.update(overrides)

    def resolve_text(self, text: str | None, depth: int = 0) -> str:
        """Plain substitution (secrets inline): what Postman sends, dynamics kept as `{{$x}}`."""
        if not text or "{{" not in text or depth > _MAX_DEPTH:
            return text or ""

        def sub(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("$") or name not in self.values:
                return match.group(0)
            return self.resolve_text(self.values[name], depth + 1)

        return _TEMPLATE.sub(sub, text)

    def resolve(
        self, text: str | None, *, secret_as: str = "", depth: int = 0
    ) -> Value:
        """`text` with variables resolved into parts.

        A secret variable with a real value becomes an `env` part; `secret_as` makes the
        whole resolved text a secret (auth fields), named after its only variable or
        after `secret_as`.
        """
        if not text:
            return ()
        if secret_as:
            resolved = self.resolve_text(text)
            if self.fixed and any(name in resolved for name in self.fixed):
                # a script-computed value: made by the snippet, not a credential
                return self.resolve(text, depth=depth)
            if self.reveal or (
                _nothing_to_hide(resolved) and not self._defines_any(text)
            ):
                return self.resolve(text, depth=depth)
            if self._defines_any(text) and _scheme_only(_TEMPLATE.sub("", text)):
                # `Bearer {{token}}`: the scheme stays text, each variable is a secret
                return self._variables_secret(text)
            only_var = _TEMPLATE.fullmatch(text.strip())
            label = only_var.group(1) if only_var else secret_as
            return (Part("env", self._secret(label, resolved)),)
        parts: list[Value] = []
        pos = 0
        for match in _TEMPLATE.finditer(text):
            parts.append(text_value(text[pos : match.start()]))
            pos = match.end()
            name = match.group(1)
            if name in self.fixed:
                parts.append(self.fixed[name])
            elif name.startswith("$"):
                parts.append((Part("dynamic", name),))
            elif name not in self.values and name in self.captured:
                env_var = self.captured[name]
                self.secrets[env_var] = Secret(
                    env_var, f"{name}, captured by an earlier request's script", ""
                )
                parts.append((Part("env", env_var),))
            elif name not in self.values:
                parts.append(text_value(match.group(0)))
            elif depth >= _MAX_DEPTH:
                parts.append(text_value(self.values[name]))
            elif name in self.secret_names and not self.reveal:
                resolved = self.resolve_text(self.values[name])
                if self.fixed and any(n in resolved for n in self.fixed):
                    # a script-computed value: made by the snippet, not a credential
                    parts.append(self.resolve(self.values[name], depth=depth + 1))
                elif secrets.is_placeholder(resolved):
                    parts.append(text_value(resolved))
                else:
                    parts.append((Part("env", self._secret(name, resolved)),))
            else:
                parts.append(self.resolve(self.values[name], depth=depth + 1))
        parts.append(text_value(text[pos:]))
        value = join(parts)
        if (
            not self.reveal
            and is_literal(value)
            and secrets.looks_like_secret(literal(value))
        ):
            return (Part("env", self._secret(secret_as or "value", literal(value))),)
        return value

    def _variables_secret(self, text: str) -> Value:
        parts: list[Value] = []
        pos = 0
        for match in _TEMPLATE.finditer(text):
            parts.append(text_value(text[pos : match.start()]))
            pos = match.end()
            name = match.group(1)
            if name.startswith("$") or name not in self.values:
                parts.append(self.resolve(match.group(0)))
            else:
                value = self.resolve_text(self.values[name])
                parts.append((Part("env", self._secret(name, value)),))
        parts.append(text_value(text[pos:]))
        return join(parts)

    def _defines_any(self, text: str) -> bool:
        """Whether `text` references a variable the collection defines: in a secret
        position it is read from the environment even when its value here is empty or a
        placeholder (the user supplies the real one)."""
        return any(
            not m.group(1).startswith("$") and m.group(1) in self.values
            for m in _TEMPLATE.finditer(text)
        )

    def secret_named(self, label: str, value: str, description: str) -> Value:
        """An `env` part for a value computed from secrets (e.g. Basic credentials)."""
        name = self._secret(label, value)
        self.secrets[name] = Secret(name, description, value)
        return (Part("env", name),)

    def _secret(self, label: str, value: str) -> str:
        name = env_var_name(label)
        base, counter = name, 2
        while name in self.secrets and self.secrets[name].value != value:
            name = f"{base}_{counter}"
            counter += 1
        self.secrets[name] = Secret(name, label, value)
        return name


_SCHEMES = ("bearer", "basic", "token", "digest")


def _scheme_only(text: str) -> bool:
    """Nothing but whitespace and at most an auth scheme word (the text around variables)."""
    words = text.split()
    return not words or (len(words) == 1 and words[0].lower() in _SCHEMES)


def _nothing_to_hide(resolved: str) -> bool:
    """Empty, a placeholder or an unresolved variable, also after a scheme (`Bearer <token>`)."""
    if "{{$" in resolved:
        return True
    words = resolved.strip().split(None, 1)
    if words and words[0].lower() in _SCHEMES:
        return len(words) == 1 or secrets.is_placeholder(words[1])
    return secrets.is_placeholder(resolved)


def strip(value: Value) -> Value:
    """Trim surrounding whitespace of the literal ends (HTTP drops it from header values)."""
    parts = list(value)
    if parts and parts[0].kind == "text":
        parts[0] = Part("text", parts[0].text.lstrip())
    if parts and parts[-1].kind == "text":
        parts[-1] = Part("text", parts[-1].text.rstrip())
    return tuple(p for p in parts if p.kind != "text" or p.text)
