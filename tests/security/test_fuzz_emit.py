"""Property: for random hostile collections every emitter's output is safe.

Python compiles and holds collection text only in string constants; shell snippets pass
`bash -n`; markdown has no script/handler/script-URL and intact tables; no Jinja
evaluation of collection text; no canary from a secret position in any file.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from tests.security.harness import available_emitters, emit_and_check, import_json
from tests.security.strategies import collection

EXAMPLES = int(os.environ.get("PMGEN_FUZZ_EXAMPLES", "10"))
EMITTERS = available_emitters()


@pytest.mark.parametrize(
    "name",
    [
        "client",
        "snippets",
        "docs",
    ],
)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # the same examples every run (exploration is fuzz_main's job)
)
@given(document=collection())
def test_emitted_files_are_safe(name: str, document: object) -> None:
    if name not in EMITTERS:
        pytest.skip(f"emitter {name} has not landed")
    model = import_json(document)
    if model is None:
        return
    problems = emit_and_check(model, {name: EMITTERS[name]})
    assert not problems, "\n".join(problems[:20])
