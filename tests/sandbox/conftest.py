from __future__ import annotations

import pytest

from pmgen.sandbox import Sandbox


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox()
