"""Holes found by these tests that their owners could not fix before the deadline.

Each is a strict xfail: when the owner fixes it the test passes, the xfail fails the run,
and the mark must go. Each reason names the file/function and the fix.
"""

from __future__ import annotations

import pytest

SNIPPETS_FORM_SECRETS = pytest.mark.xfail(
    strict=True,
    reason="generator/wire + snippets: secret-named urlencoded/form-data fields (password, "
    "client_secret) are written inline by snippets.emit (the writer's scrub masks them in "
    "files and --request output, so the snippet sends a mask); read them from environment "
    "variables like query parameters (owner: snippets/wire)",
)
