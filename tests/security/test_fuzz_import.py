"""Property: the importer turns any random hostile collection into a model or an InputError."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmgen.secrets import SecretReport
from tests.security.checks import warning_violations
from tests.security.harness import import_json
from tests.security.strategies import collection, environment

EXAMPLES = int(os.environ.get("PMGEN_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # reproducible unless asked for more: PMGEN_FUZZ_EXAMPLES=N draws new examples every run
    derandomize="PMGEN_FUZZ_EXAMPLES" not in os.environ,
)


@FUZZ
@given(document=collection(), env=st.one_of(st.none(), environment()))
def test_import_never_crashes(document: object, env: object) -> None:
    model = import_json(document, env)
    if model is None:
        return
    list(model.operations())  # the tree is walkable
    report = SecretReport.of(model)
    assert not warning_violations(report.warning_lines())  # masked, terminal-safe


@FUZZ
@given(
    value=st.recursive(
        st.one_of(
            st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)
        ),
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.text(max_size=8), children, max_size=4),
        ),
        max_leaves=30,
    )
)
def test_import_any_json_value(value: object) -> None:
    """Random JSON (not a collection at all) is refused with one InputError, or read."""
    import_json(value)


@FUZZ
@given(
    document=collection(),
    path=st.lists(
        st.sampled_from(["item", "request", "url", "auth", "info", "0", "variable"]),
        max_size=4,
    ),
    junk=st.one_of(
        st.none(),
        st.integers(),
        st.text(max_size=5),
        st.lists(st.none(), max_size=2),
        st.booleans(),
    ),
)
def test_import_wrong_types_anywhere(
    document: dict[str, object], path: list[str], junk: object
) -> None:
    """Replace one node with a value of the wrong type: still a model or an InputError."""
    node: object = document
    for key in path[:-1] if path else []:
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and node and key == "0":
            node = node[0]
    if path and isinstance(node, dict):
        node[path[-1]] = junk
    elif isinstance(node, list) and node:
        node[0] = junk
    import_json(document)
