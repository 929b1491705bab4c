"""Per-call overhead of a generated client method against a raw httpx call (see clientbench)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benchmarks.run import Bench, Input


def measure(
    bench: Bench, inputs: list[Input], log: Callable[[str], None]
) -> dict[str, Any]:
    return {"ok": False, "error": "per-call benchmark not written yet"}
