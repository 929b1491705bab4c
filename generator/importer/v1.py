"""Legacy v1 collections (`requests`, `folders`, `order`): reshaped into v2. (stub)"""

from __future__ import annotations

from typing import Any

from generator.errors import InputError
from generator.importer.limits import Limits


def to_v2(value: dict[str, Any], where: str, limits: Limits) -> dict[str, Any]:
    raise InputError("v1 collections are not supported yet", where=where)
