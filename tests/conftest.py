"""Fixtures shared by every test area. Tests that read ../shared skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PMGEN_SHARED", REPO.parent / "shared"))
IN_CI = os.environ.get("CI") == "true"


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
