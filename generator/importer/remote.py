"""URL sources (stub until the fetcher lands)."""

from __future__ import annotations

from collections.abc import Callable

from generator.errors import InputError
from generator.importer.limits import Limits
from generator.model import Collection


def load_url(
    url: str,
    limits: Limits,
    *,
    api_key: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Collection:
    raise InputError("URL sources are not supported yet", where=url)
