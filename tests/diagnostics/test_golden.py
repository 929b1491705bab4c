"""What pmgen says about bad input, against `cases/*/expected.txt` (see `golden.py`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.diagnostics.golden import case_names, expected, run_case

NAMED = re.compile(r"pmgen: (warning|error): [\w./-]+\.json(:\d+:\d+)?: \S")


@pytest.mark.parametrize("name", case_names())
def test_output_is_as_recorded(name: str, tmp_path: Path) -> None:
    got = run_case(name, tmp_path)
    assert got == expected(name), (
        f"{name}: pmgen says something else now; if intended, regenerate with "
        f"`python -m tests.diagnostics.golden {name}` and read the diff"
    )


@pytest.mark.parametrize("name", case_names())
def test_the_rules_for_bad_input_hold(name: str) -> None:
    """Whatever is recorded: no traceback; a refusal ends non-zero with one line that
    names the file (and the place in it, when there is one); warnings are one line."""
    text = expected(name)
    code = int(text.split("\n", 1)[0].removeprefix("exit "))
    stderr = text.split("--- stderr\n", 1)[1].split("--- stdout\n", 1)[0]
    assert "Traceback" not in text
    errors = [line for line in stderr.splitlines() if line.startswith("pmgen: error:")]
    usage = [line for line in stderr.splitlines() if line.startswith("Error: ")]
    if code and "would change: " in text:  # --check found work: not a refusal
        assert not errors and not usage, stderr
    elif code:
        assert len(errors) + len(usage) == 1, stderr
    else:
        assert not errors and not usage, stderr
    for line in stderr.splitlines():
        if line.startswith(("pmgen: warning: ", "pmgen: error: ")) and ".json" in line:
            assert NAMED.match(line), line  # FILE[:LINE:COL] first, then the message
