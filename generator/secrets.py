"""Secret detection: which names and values must never be written into generated files.

Emitters ask `is_secret_name` / `is_secret_auth_field` / `looks_like_secret` and read such
values from environment variables instead (unless `--reveal-secrets`). `mask` shows a
secret without leaking it. `find_leaks(collection)` walks the whole model and names every
place the collection itself leaks a credential (for pmgen's masked warning), and
`SecretReport.values` is the set of literal secrets no generated file may contain
(`scrub` is the last line of defence a writer can apply before anything reaches disk).
"""

from __future__ import annotations

import base64
import functools
import io
import json
import re
import shlex
import tokenize
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any
from urllib.parse import quote, quote_plus

from pmgen.model import (
    Auth,
    Body,
    Collection,
    Example,
    KeyValue,
    Operation,
    RequestSpec,
    Url,
    Variable,
)
from pmgen.naming import words

# --------------------------------------------------------------------------- names

_SECRET_WORDS = {
    "password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "secrets",
    "token", "tokens", "authorization", "cookie", "cookies", "credential", "credentials",
    "bearer", "jwt", "apikey", "apitoken", "accesstoken", "refreshtoken", "authtoken",
    "sessionid", "sessiontoken", "session", "signature", "sig", "privatekey", "clientsecret",
    "secretkey", "accesskey", "xsrf", "csrf", "otp",
}  # fmt: skip
_SECRET_PAIRS = {
    ("api", "key"), ("access", "key"), ("secret", "key"), ("private", "key"),
    ("subscription", "key"), ("auth", "key"), ("master", "key"), ("signing", "key"),
    ("encryption", "key"), ("auth", "code"), ("license", "key"), ("app", "key"),
}  # fmt: skip
# A name that *describes* a secret rather than holding one: `token_url`, `tokenType`,
# `addTokenTo`, `password_policy_name`.
_DESCRIPTIVE_LAST = {
    "url", "uri", "urls", "endpoint", "type", "name", "names", "expiry", "expires",
    "expiration", "ttl", "prefix", "location", "path", "header", "length", "format", "in",
    "to", "placement", "id", "ids", "count", "lifetime", "policy", "hint", "label",
    "method", "algorithm", "mode", "version", "encoding", "field", "param", "key_name",
}  # fmt: skip


@functools.lru_cache(maxsize=1 << 14)
def is_secret_name(name: str) -> bool:
    """A variable, header, query or field name that holds a credential.

    Whole words only (`passengers` and `bypass` are not passwords), so camelCase,
    snake_case and header-case all work: `accessToken`, `x-api-key`, `Ocp-Apim-Subscription-Key`.
    """
    ws = [w.lower() for w in words(name or "")]
    if not ws:
        return False
    if ws[-1] in _DESCRIPTIVE_LAST and "".join(ws[-2:]) not in {"sessionid", "sid"}:
        return False
    if any(w in _SECRET_WORDS for w in ws):
        return True
    if any(pair in _SECRET_PAIRS for pair in pairwise(ws)):
        return True
    return "".join(ws) in _SECRET_WORDS


# Postman auth parameters that hold credentials, per auth type. Anything else
# (usernames, header names, token URLs, algorithms, placement flags) is configuration.
SECRET_AUTH_FIELDS: dict[str, frozenset[str]] = {
    "basic": frozenset({"password"}),
    "bearer": frozenset({"token"}),
    "apikey": frozenset({"value"}),
    "digest": frozenset({"password"}),
    "ntlm": frozenset({"password"}),
    "oauth1": frozenset({"consumerSecret", "tokenSecret", "token", "privateKey"}),
    "oauth2": frozenset(
        {
            "accessToken",
            "refreshToken",
            "clientSecret",
            "password",
            "id_token",
            "refresh_token",
        }
    ),
    "awsv4": frozenset({"secretKey", "sessionToken", "accessKey"}),
    "hawk": frozenset({"authKey"}),
    "edgegrid": frozenset({"accessToken", "clientToken", "clientSecret"}),
    "jwt": frozenset({"secret", "privateKey"}),
    "asap": frozenset({"privateKey"}),
    "akamai": frozenset({"accessToken", "clientToken", "clientSecret"}),
}


# Postman's settings whose names look secret but hold none (a flag, not a credential)
NOT_SECRET_AUTH_FIELDS = {"jwt": frozenset({"isSecretBase64Encoded"})}


def is_secret_auth_field(auth_type: str, key: str) -> bool:
    """Whether `auth.<auth_type>.<key>` holds a credential (known fields, else by name)."""
    known = SECRET_AUTH_FIELDS.get(auth_type)
    if known is not None and key in known:
        return True
    if key in NOT_SECRET_AUTH_FIELDS.get(auth_type, ()):
        return False
    return is_secret_name(key)


# --------------------------------------------------------------------------- values

# (kind, literals, pattern): every match of the pattern contains one of the literals, so a
# text holding none of them is skipped with a few `in` tests (fast C substring search)
# instead of a regex scan (tests/security/test_secrets_speed.py checks the literals).
_SECRET_SHAPES: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    ("JWT", ("eyJ",), re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")),
    ("private key", ("PRIVATE KEY-----",), re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----")),
    ("AWS access key", ("AKIA", "ASIA"), re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("Stripe key", ("k_live_", "k_test_"),
     re.compile(r"\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}")),
    ("Stripe webhook secret", ("whsec_",), re.compile(r"\bwhsec_[0-9A-Za-z]{20,}")),
    ("GitHub token", ("gh", "github_pat_"),
     re.compile(r"\b(?:gh[pousr]_[0-9A-Za-z]{30,}|github_pat_[0-9A-Za-z_]{40,})")),
    ("GitLab token", ("glpat-",), re.compile(r"\bglpat-[0-9A-Za-z_-]{20,}")),
    ("Slack token", ("xox",), re.compile(r"\bxox[abposr]-[0-9A-Za-z-]{10,}")),
    ("Slack webhook", ("hooks.slack.com/services/T",),
     re.compile(r"hooks\.slack\.com/services/T[0-9A-Z]+/B[0-9A-Z]+/[0-9A-Za-z]+")),
    ("Google API key", ("AIza",), re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("Google OAuth token", ("ya29.",), re.compile(r"\bya29\.[0-9A-Za-z_-]{20,}")),
    ("SendGrid key", ("SG.",), re.compile(r"\bSG\.[0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,}")),
    ("Postman API key", ("PMAK-",), re.compile(r"\bPMAK-[0-9a-f]{24}-[0-9a-f]{34}")),
    ("Twilio API key", ("SK",), re.compile(r"\bSK[0-9a-f]{32}\b")),
    ("OpenAI/Anthropic key", ("sk-",), re.compile(r"\bsk-(?:ant-|proj-)?[0-9A-Za-z_-]{32,}")),
    ("npm token", ("npm_",), re.compile(r"\bnpm_[0-9A-Za-z]{36}")),
    ("PyPI token", ("pypi-AgE",), re.compile(r"\bpypi-AgE[0-9A-Za-z_-]{50,}")),
    ("Mailgun key", ("key-",), re.compile(r"\bkey-[0-9a-f]{32}\b")),
    ("Square token", ("sq0atp", "sq0csp", "EAAA"),
     re.compile(r"\b(?:sq0atp|sq0csp|EAAA)[0-9A-Za-z_-]{22,}")),
    ("Shopify token", ("shp",), re.compile(r"\bshp(?:at|ss|ca|pa)_[0-9a-fA-F]{32}")),
    ("PayPal token", ("A21AA",), re.compile(r"\bA21AA[0-9A-Za-z_-]{40,}")),
    ("Braintree token", ("access_token$production$",),
     re.compile(r"access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}")),
]  # fmt: skip
_SHAPE_LITERALS = tuple(sorted({lit for _, lits, _ in _SECRET_SHAPES for lit in lits}))
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_TEMPLATE_ONLY = re.compile(r"^\s*(\{\{[^{}]+\}\}\s*)+$")
_SCHEMES = ("bearer ", "basic ", "token ", "digest ", "apikey ", "sso-key ", "key ")


def token_shapes(text: str | None) -> Iterator[tuple[str, str]]:
    """Every well-known credential inside free text, as (kind, the matched secret).

    Kinds in table order, each kind's matches in text order (one regex per kind, so a
    match of one kind may overlap another's)."""
    if text and isinstance(text, str):
        yield from _shapes_in(text)


def looks_like_secret(value: str | None) -> bool:
    """A value shaped like a well-known credential (JWT, cloud or payment keys)."""
    return bool(value) and isinstance(value, str) and bool(_shapes_in(value))


@functools.lru_cache(maxsize=1 << 16)
def _shapes_in(text: str) -> tuple[tuple[str, str], ...]:
    """`token_shapes`, computed once per distinct value: emitters ask about the same
    values over and over (every snippet style, docs, warnings)."""
    if not any(literal in text for literal in _SHAPE_LITERALS):
        return ()  # the common case: no regex runs at all
    return tuple(
        (kind, match.group(0))
        for kind, literals, rx in _SECRET_SHAPES
        if any(literal in text for literal in literals)
        for match in rx.finditer(text)
    )


def is_placeholder(value: str | None) -> bool:
    """Empty, a `{{variable}}` or a `<placeholder>`: nothing to hide."""
    if value is None or not value.strip():
        return True
    v = value.strip()
    return bool(_TEMPLATE_ONLY.match(v)) or (v.startswith("<") and v.endswith(">"))


def literal_part(value: str | None) -> str:
    """The literal credential in a header-like value: `Bearer abc{{x}}` -> `abc`.

    Auth schemes and `{{variables}}` are not secrets; what is left is, unless it is a
    `<placeholder>`.
    """
    if value is None:
        return ""
    text = value.strip()
    if text.lower().startswith(_SCHEMES):
        text = text.split(None, 1)[1] if " " in text else ""
    text = _TEMPLATE.sub("", text).strip()
    if is_placeholder(text) or not any(
        ch.isalnum() for ch in text
    ):  # `{{user}}:{{pass}}`
        return ""
    return text


def mask(value: str | None) -> str:
    """`c1****************en`: two characters at each end, never a control or bidi
    character (masks are printed on terminals and written into docs)."""
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    ends = "".join(
        ch if ch.isprintable() and not _is_bidi(ch) else "*"
        for ch in value[:2] + value[-2:]
    )
    return ends[:2] + "*" * min(len(value) - 4, 24) + ends[2:]


_AUTHORITY = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*://)?(?P<authority>[^/?#\s]*)")


def url_credentials(raw: str | None) -> tuple[str, str] | None:
    """`(user, password)` from `scheme://user:password@host/...`, or None."""
    match = _AUTHORITY.match(raw or "")
    authority = match.group("authority") if match else ""
    if "@" not in authority:
        return None
    userinfo = authority.rsplit("@", 1)[0]
    user, _, password = userinfo.partition(":")
    return user, password


def cookie_values(header: str, value: str | None) -> list[str]:
    """The values in `Cookie: a=1; b=2` (all) or `Set-Cookie: a=1; Path=/` (the first)."""
    pairs = [p.strip() for p in (value or "").split(";") if "=" in p]
    if header.strip().lower() == "set-cookie":
        pairs = pairs[:1]
    return [p.split("=", 1)[1].strip() for p in pairs]


def referenced_variables(text: str | None) -> set[str]:
    """Names inside `{{...}}`, without dynamic `{{$guid}}`-style ones."""
    names = {m.group(0)[2:-2].strip() for m in _TEMPLATE.finditer(text or "")}
    return {n for n in names if n and not n.startswith("$")}


# --------------------------------------------------------------------------- leaks


@dataclass(frozen=True)
class Leak:
    """One credential the collection carries in clear text. `value` is never printed."""

    where: str  # human path: `request "Users / Get": header "Authorization"`
    kind: (
        str  # "auth field", "secret variable", "header", "URL credentials", "JWT", ...
    )
    masked: str
    value: str = field(repr=False)

    def line(self) -> str:
        return f"{self.where}: {self.kind} {self.masked}"


@dataclass(frozen=True)
class SecretReport:
    """Every leak of one collection, the variables that must stay secret, and the values."""

    leaks: list[Leak]
    secret_variables: frozenset[str]

    @classmethod
    def of(cls, collection: Collection) -> SecretReport:
        """The report of `collection`, computed once per collection object (the model
        is frozen; every emitter of a run asks). Shared: do not mutate `leaks`."""
        cached = _reports.get(id(collection))
        if cached is not None and cached[0]() is collection:
            return cached[1]
        finder = _Finder(collection)
        report = cls(finder.run(), frozenset(finder.secret_variables))
        key = id(collection)
        ref = weakref.ref(collection, lambda _: _reports.pop(key, None))
        _reports[key] = (ref, report)
        return report

    @property
    def values(self) -> frozenset[str]:
        """Literal secrets (3+ chars) that no generated file may contain."""
        return frozenset(v for leak in self.leaks if len(v := leak.value) >= 3)

    def warning_lines(self, limit: int = 20) -> list[str]:
        """The masked warning pmgen prints (on stderr) when the collection leaks secrets."""
        if not self.leaks:
            return []
        lines = [
            f"warning: the collection contains {len(self.leaks)} credential(s) in clear text; "
            "they are left out of generated files (read from environment variables) "
            "unless --reveal-secrets:"
        ]
        lines += [f"  {leak.line()}" for leak in self.leaks[:limit]]
        if len(self.leaks) > limit:
            lines.append(f"  ... and {len(self.leaks) - limit} more")
        return lines


# id(collection) -> (weak reference, report); an entry goes when its collection does.
_reports: dict[int, tuple[weakref.ref[Collection], SecretReport]] = {}


def find_leaks(collection: Collection) -> list[Leak]:
    return SecretReport.of(collection).leaks


@functools.lru_cache(maxsize=1 << 14)
def label(text: str, limit: int = 60) -> str:
    """Collection text safe for a terminal line: no controls/escapes/bidi, bounded, quoted."""
    clean = "".join(ch if ch.isprintable() and not _is_bidi(ch) else " " for ch in text)
    clean = " ".join(clean.split())
    if len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return '"' + clean.replace('"', "'") + '"'


def _is_bidi(ch: str) -> bool:
    return (
        "\u202a" <= ch <= "\u202e"
        or "\u2066" <= ch <= "\u2069"
        or ch in "\u200e\u200f\ufeff"
    )


class _Finder:
    """Walks the model once, collecting leaks in collection order (deterministic)."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.leaks: list[Leak] = []
        self._seen: set[tuple[str, str]] = set()
        self.secret_variables: set[str] = set()

    def run(self) -> list[Leak]:
        c = self.collection
        # First pass: which variables feed a secret position (auth, Authorization, ...).
        self._mark_referenced(c)
        for scope, variables in self._variable_scopes():
            for var in variables:
                self._variable(scope, var)
        self._auth("collection", c.auth)
        self._text("collection description", c.info.description)
        for folder in c.folders():
            where = f"folder {label(folder.name)}"
            self._auth(where, folder.auth)
            self._text(f"{where} description", folder.description)
        for op in c.operations():
            self._operation(op)
        self._echoes(c)
        return self.leaks

    # -- pieces

    def _variable_scopes(self) -> Iterator[tuple[str, list[Variable]]]:
        c = self.collection
        yield "collection variable", c.variables
        yield "global", c.globals
        for env in c.environments:
            yield f"environment {label(env.name)} variable", env.values

    def _variable(self, scope: str, var: Variable) -> None:
        where = f"{scope} {label(var.key)}"
        secret = (
            var.secret
            or (var.type or "").lower() == "secret"
            or is_secret_name(var.key)
            or var.key in self.secret_variables
        )
        if secret:
            self.secret_variables.add(var.key)
            self._add(where, "secret variable", literal_part(var.value))
        else:
            self._shapes(where, var.value)
        self._text(f"{where} description", var.description)

    def _auth(self, where: str, auth: Auth | None) -> None:
        if auth is None:
            return
        for key, value in _flat_params(auth.params):
            if is_secret_auth_field(auth.type, key):
                self._add(
                    f"{where}: auth {auth.type}.{key}",
                    "auth field",
                    literal_part(value),
                )
            else:
                self._shapes(f"{where}: auth {auth.type}.{key}", value)

    def _operation(self, op: Operation) -> None:
        where = f"request {label(op.key)}"
        self._request(where, op.request)
        self._auth(where, op.request.auth)
        self._text(f"{where} description", op.description)
        for script in [*op.scripts]:
            self._text(f"{where} {script.event} script", script.exec)
        for example in op.examples:
            self._example(f"{where} example {label(example.name)}", example)

    def _request(self, where: str, request: RequestSpec) -> None:
        self._url(where, request.url)
        self._pairs(f"{where}: header", request.headers)
        if request.body is not None:
            self._body(f"{where}: body", request.body)

    def _url(self, where: str, url: Url) -> None:
        creds = url_credentials(url.raw) or url_credentials(".".join(url.host or []))
        if creds is not None:
            self._add(f"{where}: URL", "URL credentials", literal_part(creds[1]))
            if not creds[1]:  # `https://TOKEN@host`: a lone userinfo is usually a token
                self._add(f"{where}: URL", "URL credentials", literal_part(creds[0]))
        self._pairs(f"{where}: query", url.query)
        self._pairs(f"{where}: path variable", url.variables)
        self._shapes(f"{where}: URL", url.raw)

    def _pairs(self, where: str, pairs: Iterable[KeyValue]) -> None:
        for kv in pairs:
            if kv.key.strip().lower() in ("cookie", "set-cookie"):
                for value in cookie_values(
                    kv.key, kv.value
                ):  # each cookie, not only the line
                    self._add(f"{where} {label(kv.key)}", "cookie", literal_part(value))
            if is_secret_name(kv.key):
                self._add(
                    f"{where} {label(kv.key)}", "secret value", literal_part(kv.value)
                )
            else:
                self._shapes(f"{where} {label(kv.key)}", kv.value)

    def _body(self, where: str, body: Body) -> None:
        self._pairs(f"{where} field", body.urlencoded)
        for part in body.formdata:
            kv = KeyValue(key=part.key, value=part.value)
            self._pairs(f"{where} field", [kv])
        if body.json_valid:
            for path, value in _json_leaves(body.json_value):
                name = path[-1] if path else ""
                if isinstance(value, str) and is_secret_name(name):
                    self._add(
                        f"{where} JSON {label('.'.join(path))}",
                        "secret value",
                        literal_part(value),
                    )
        self._text(where, body.raw)
        self._text(f"{where} GraphQL", body.graphql_query)
        self._text(f"{where} GraphQL variables", body.graphql_variables)

    def _example(self, where: str, example: Example) -> None:
        self._pairs(f"{where}: response header", example.headers)
        self._text(f"{where}: response body", example.body)
        if example.original_request is not None:
            self._request(f"{where} request", example.original_request)
            self._auth(f"{where} request", example.original_request.auth)

    def _text(self, where: str, text: str | None) -> None:
        self._shapes(where, text)

    def _shapes(self, where: str, text: str | None) -> None:
        for kind, secret in token_shapes(text):
            self._add(where, kind, secret)

    def _echoes(self, c: Collection) -> None:
        """A known secret repeated in free text (e.g. a description quoting the token)."""
        values = sorted({leak.value for leak in self.leaks if len(leak.value) >= 6})
        if not values:
            return
        texts: list[tuple[str, str]] = [("collection description", c.info.description)]
        for scope, variables in self._variable_scopes():
            texts += [
                (f"{scope} {label(v.key)} description", v.description)
                for v in variables
            ]
        texts += [
            (f"folder {label(f.name)} description", f.description) for f in c.folders()
        ]
        texts += [
            (f"request {label(op.key)} description", op.description)
            for op in c.operations()
        ]
        for where, text in texts:
            for value in values:
                if text and value in text:
                    self._add(where, "repeated secret", value)

    def _mark_referenced(self, c: Collection) -> None:
        """Variables used in a secret position are secret whatever their name."""
        positions: list[str | None] = []
        auths = [
            c.auth,
            *(f.auth for f in c.folders()),
            *(op.request.auth for op in c.operations()),
        ]
        for auth in auths:
            if auth is not None:
                positions += [
                    v
                    for k, v in _flat_params(auth.params)
                    if is_secret_auth_field(auth.type, k)
                ]
        for op in c.operations():
            pairs = [*op.request.headers, *op.request.url.query]
            positions += [kv.value for kv in pairs if is_secret_name(kv.key)]
            creds = url_credentials(op.request.url.raw)
            if creds is not None:
                positions += list(creds)
        for value in positions:
            self.secret_variables |= referenced_variables(value)

    def _add(self, where: str, kind: str, value: str) -> None:
        if not value or (where, value) in self._seen:
            return
        self._seen.add((where, value))
        self.leaks.append(Leak(where=where, kind=kind, masked=mask(value), value=value))


def _flat_params(params: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Auth params as (key, text); nested dicts/lists (rare) flattened by their leaf keys."""
    for key, value in params.items():
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, Mapping):
            yield from _flat_params(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping) and "key" in item:
                    yield str(item["key"]), str(item.get("value") or "")


def _json_leaves(
    value: Any, path: tuple[str, ...] = (), depth: int = 0
) -> Iterator[tuple[tuple[str, ...], Any]]:
    if (
        depth > 64
    ):  # bodies are already depth-limited by the importer; stay iterative-safe
        return
    if isinstance(value, Mapping):
        for k, v in value.items():
            yield from _json_leaves(v, (*path, str(k)), depth + 1)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _json_leaves(
                v, path or (str(i),), depth + 1
            )  # items keep their key
    else:
        yield path, value


# --------------------------------------------------------------------------- output checks


def found_in(text: str, secrets: Iterable[str]) -> list[str]:
    """The secrets (masked) that occur in `text`."""
    return sorted(mask(s) for s in secrets if s and s in text)


def secret_forms(secret: str) -> set[str]:
    """The forms a secret takes in generated files: as is, percent-encoded (URLs, forms),
    escaped in Python/JSON string literals, shell-quoted, base64 (Basic auth)."""
    forms = {
        secret,
        quote(secret, safe=""),
        quote(secret, safe="/"),
        quote_plus(secret),
        repr(secret)[1:-1],
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        _inside_quotes(shlex.quote(secret)),
    }
    if len(secret) >= 6:  # shorter base64 text occurs by chance
        forms.add(base64.b64encode(secret.encode()).decode().rstrip("="))
    return forms


def _inside_quotes(word: str) -> str:
    """`'a"b'` -> `a"b`: a form never includes the quotes around it. Masking them would
    break the literal (`'"+x+"'` is also Python's repr), and the inner text is what stands
    inside a longer quoted word (`'Bearer it'"'"'s'`)."""
    return word[1:-1] if len(word) >= 2 and word[0] == word[-1] == "'" else word


def _neutral_mask(secret: str) -> str:
    """A mask safe in any literal: keeps only alphanumeric ends, never a quote or backslash."""
    ends = [ch if ch.isalnum() else "*" for ch in (secret[:2] + secret[-2:])]
    return (
        "".join(ends[:2]) + "*" * min(max(len(secret) - 4, 4), 24) + "".join(ends[2:])
    )


def scrub(
    files: Mapping[str, str], secrets: Iterable[str], min_length: int = 8
) -> dict[str, str]:
    """Replace every literal secret, in any of its `secret_forms`, by a neutral mask.

    A safety net for the writer: emitters must already read secrets from the environment;
    this catches one slipping through a description, a saved example or an escaped literal.
    Short values are skipped: replacing a 4-letter password everywhere could corrupt code
    (`self`). Format/compile after scrubbing.
    """
    found = _scrubber(frozenset(s for s in secrets if len(s) >= min_length), min_length)
    if found is None:
        return dict(files)
    rx, replacements = found
    return {
        path: rx.sub(lambda m: replacements[m.group(0)], text)
        for path, text in files.items()
    }


def scrub_files(
    files: Mapping[str, str],
    secrets: Iterable[str],
    *,
    is_code: Callable[[str], bool] = lambda path: False,
) -> dict[str, str]:
    """`scrub`, but in the files `is_code` names (Python) only inside string literals and
    comments: a secret that happens to equal a name (a password "password" vs
    `digest_password`) must not turn code into a syntax error."""
    values = frozenset(secrets)
    masked = scrub(files, values)
    for path, text in files.items():
        if is_code(path) and masked[path] != text:
            masked[path] = _scrub_literals(
                text, lambda part: scrub({"": part}, values)[""]
            )
    return masked


_LITERAL_TOKENS = {tokenize.STRING, tokenize.COMMENT} | (
    {tokenize.FSTRING_MIDDLE} if hasattr(tokenize, "FSTRING_MIDDLE") else set()
)


def _scrub_literals(text: str, mask: Callable[[str], str]) -> str:
    starts = [0]  # offset of each line as tokenize numbers them (split on "\n" only)
    for line in io.StringIO(text):
        starts.append(starts[-1] + len(line))
    spans: list[tuple[int, int]] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in _LITERAL_TOKENS:
                begin = starts[tok.start[0] - 1] + tok.start[1]
                spans.append((begin, starts[tok.end[0] - 1] + tok.end[1]))
    except (tokenize.TokenError, SyntaxError):
        return mask(text)  # not Python after all: mask everything, compile() will judge
    pieces, last = [], 0
    for begin, end in spans:
        pieces += [text[last:begin], _mask_literal(text[begin:end], mask)]
        last = end
    return "".join([*pieces, text[last:]])


def _mask_literal(token: str, mask: Callable[[str], str]) -> str:
    """Mask inside a string/comment token; in an f-string, not inside `{expressions}`."""
    prefix = token[: len(token) - len(token.lstrip("rRbBuUfF"))]
    if "f" not in prefix.lower():
        return mask(token)
    out, depth, start, i = [], 0, 0, 0
    while i < len(token):
        if depth == 0 and token[i : i + 2] in ("{{", "}}"):
            i += 2
            continue
        if token[i] == "{":
            if depth == 0:
                out.append(mask(token[start:i]))
                start = i
            depth += 1
        elif token[i] == "}" and depth:
            depth -= 1
            if depth == 0:
                out.append(token[start : i + 1])  # an expression: code, left alone
                start = i + 1
        i += 1
    out.append(mask(token[start:]) if depth == 0 else token[start:])
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _scrubber(
    secrets: frozenset[str], min_length: int
) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The regex and replacements for one set of secrets (built once, used per file).
    Never mutate the dict."""
    replacements: dict[str, str] = {}
    # sorted: a form two secrets share gets the same mask on every run
    for secret in sorted(secrets):
        for form in secret_forms(secret):
            if len(form) >= min_length:
                replacements.setdefault(form, _neutral_mask(secret))
    if not replacements:
        return None
    ordered = sorted(
        replacements, key=len, reverse=True
    )  # longest first: no partial masks
    return re.compile("|".join(re.escape(form) for form in ordered)), replacements
