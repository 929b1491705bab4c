"""Holes found by these tests that their owners could not fix before the deadline.

Each is a strict xfail: when the owner fixes it the test passes, the xfail fails the run,
and the mark must go. Each reason names the file/function and the fix.
"""

from __future__ import annotations

import pytest

SNIPPETS_NUL_BIDI = pytest.mark.xfail(
    strict=True,
    reason="generator/emitters/snippet_code.py sh(): NUL and raw bidi controls end up in .sh/.http "
    "files (owner: snippets)",
)
SNIPPETS_SECRETS = pytest.mark.xfail(
    strict=True,
    reason="generator/wire: URL userinfo passwords and secret-named query parameters (api_key, "
    "access_token) are written inline; index.json keeps the raw URL (owner: snippets/wire)",
)
