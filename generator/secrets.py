"""Secret detection: which names and values must never be written into generated files.

Emitters ask `is_secret_name` / `looks_like_secret` and read such values from environment
variables instead (unless `--reveal-secrets`). `mask` shows a secret without leaking it.
"""

from __future__ import annotations

import re

_SECRET_NAME = re.compile(
    r"(pass(word|wd|phrase)?|secret|token|api[-_]?key|apikey|access[-_]?key|auth[-_]?code|"
    r"authorization|cookie|credential|private[-_]?key|client[-_]?secret|session|signature|"
    r"bearer|jwt|sid[-_]?token|x-api-key)",
    re.IGNORECASE,
)
_SECRET_SHAPES = [
    re.compile(r"^eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$"),  # JWT
    re.compile(r"^(AKIA|ASIA)[0-9A-Z]{16}$"),  # AWS access key id
    re.compile(r"^(sk|pk|rk)_(live|test)_[0-9A-Za-z]{10,}$"),  # Stripe
    re.compile(r"^gh[pousr]_[0-9A-Za-z]{30,}$"),  # GitHub
    re.compile(r"^xox[abprs]-[0-9A-Za-z-]{10,}$"),  # Slack
    re.compile(r"^AIza[0-9A-Za-z_-]{35}$"),  # Google API key
    re.compile(r"^SG\.[0-9A-Za-z_-]{16,}\.[0-9A-Za-z_-]{16,}$"),  # SendGrid
    re.compile(r"^PMAK-[0-9a-f]{24}-[0-9a-f]{34}$"),  # Postman API key
]
_TEMPLATE_ONLY = re.compile(r"^\s*(\{\{[^{}]+\}\}\s*)+$")


def is_secret_name(name: str) -> bool:
    return bool(_SECRET_NAME.search(name or ""))


def looks_like_secret(value: str | None) -> bool:
    """A value shaped like a well-known credential (JWT, cloud or payment keys)."""
    if not value:
        return False
    value = value.strip()
    if value.lower().startswith(("bearer ", "basic ")):
        value = value.split(None, 1)[1] if " " in value else ""
    return any(rx.match(value) for rx in _SECRET_SHAPES)


def is_placeholder(value: str | None) -> bool:
    """Empty, a `{{variable}}` or a `<placeholder>`: nothing to hide."""
    if value is None or not value.strip():
        return True
    v = value.strip()
    return bool(_TEMPLATE_ONLY.match(v)) or (v.startswith("<") and v.endswith(">"))


def mask(value: str | None) -> str:
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:2] + "*" * (len(value) - 4) + value[-2:]
