"""Fixtures shared by every test area. Tests that read ../shared skip without it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PMGEN_SHARED", REPO.parent / "shared"))
# The default run (`pytest -q`, the README's test command, also CI's) samples the big
# collections and is the same with or without CI=true. Full-corpus runs are marked `slow`
# (deselected by default in pyproject.toml) and run with `pytest -q -m slow`.
SLOW = pytest.mark.slow


def slow_unless(values: Iterable[T], keep: Callable[[T], bool]) -> list[Any]:
    """`values` as pytest params, those `keep` rejects marked slow (full runs only)."""
    return [v if keep(v) else pytest.param(v, marks=SLOW) for v in values]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"{SHARED} is absent (real collections live there)")
    return SHARED


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


@pytest.fixture(scope="session")
def seed_dir(shared_dir: Path) -> Path:
    return shared_dir / "seed-collections"
