"""Stand-in for a generated package's `_config.py` (never copied): an empty collection's
values. Each package renders its own from `templates/client/package/_config.py.jinja`,
with these names and types; tests set them to what they need."""

from __future__ import annotations

from typing import Any

PACKAGE = "pmgen_runtime"
# Global variables: the lowest of the scopes the collection's scripts see (also in VARIABLES).
GLOBALS: dict[str, str] = {}
# Collection variables (globals, collection, `--var` overrides); secrets are not here.
VARIABLES: dict[str, str] = {}
# Named environments: `Client(environment=...)`.
ENVIRONMENTS: dict[str, dict[str, str]] = {}
DEFAULT_ENVIRONMENT: str | None = None
# Secret variables -> the environment variable each is read from.
SECRETS: dict[str, str] = {}
# Auth configurations used by the operations (parameters may hold `{{variables}}`).
AUTHS: dict[str, dict[str, Any]] = {}
