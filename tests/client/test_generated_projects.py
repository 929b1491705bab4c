"""Generated projects install with pip into a venv, pass their own generated tests and
type-check with `mypy --strict`, for every corpus and seed collection (`projects.all_cases`).

Collections over SAMPLE operations are cut to every n-th operation (folders kept); in CI
only a few collections run (time budget). The full run over every collection in full:
`.venv/bin/python -m tests.client.projects`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.client.projects import Case, Outcome, all_cases, check_project, write_project
from tests.client.venv import ProjectVenv
from tests.conftest import slow_unless

SAMPLE = int(os.environ.get("PMGEN_PROJECTS_SAMPLE", "40"))
# The default run: one auth-heavy corpus collection, one with environments and published
# metadata, one sampled big one (folders, saved examples, inferred models); `-m slow`: all
SAMPLED_CASES = {"bruno-oauth2-grants", "seed/voximplant-kit", "plaid"}
CASES = all_cases()


@pytest.fixture(scope="session")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProjectVenv]:
    yield ProjectVenv.create(tmp_path_factory.mktemp("client-venv") / "venv")


def test_every_collection_is_a_case() -> None:
    labels = [c.label for c in CASES]
    if not labels:
        pytest.skip("../shared is absent")
    assert len(labels) == len(set(labels))
    assert {
        "commercetools",
        "plaid",
        "seed/vonage-contact-center",
        "seed/callerdesk",
    } <= set(labels)
    assert next(
        c for c in CASES if c.label == "plaid"
    ).env_files  # the sandbox environment pairs


@pytest.mark.parametrize(
    "case",
    slow_unless(CASES, lambda c: c.label in SAMPLED_CASES),
    ids=[c.label for c in CASES],
)
def test_generated_project_installs_tests_and_typechecks(
    shared_dir: Path, venv: ProjectVenv, tmp_path: Path, case: Case
) -> None:
    collection = case.load(SAMPLE)
    package = write_project(collection, tmp_path)
    outcome = check_project(venv, tmp_path, package, Outcome(case.label, 0))
    assert outcome.ok, outcome.detail
