"""Base hosts of the Postman services, configurable so tests serve them from 127.0.0.1."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Hosts:
    api: str = "https://api.getpostman.com"
    documenter: str = "https://documenter.gw.postman.com"
    share: str | None = None  # None: fetch share links from their own host

    @classmethod
    def from_env(
        cls,
        api: str | None = None,
        documenter: str | None = None,
        share: str | None = None,
    ) -> Hosts:
        defaults = cls()
        return cls(
            api=(api or os.environ.get("PMGEN_POSTMAN_API_URL") or defaults.api).rstrip(
                "/"
            ),
            documenter=(
                documenter
                or os.environ.get("PMGEN_DOCUMENTER_URL")
                or defaults.documenter
            ).rstrip("/"),
            share=(share or os.environ.get("PMGEN_POSTMAN_SHARE_URL") or "").rstrip("/")
            or None,
        )
