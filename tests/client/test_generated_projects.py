"""Generated projects install with pip into a venv, pass their own generated tests and
type-check with `mypy --strict` (corpus and seed collections; big ones sampled in CI)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.emitters.client import emit, package_name_for
from generator.formatting import format_python
from generator.importer import load
from tests.client.conformance import prune
from tests.client.venv import ProjectVenv, install_project
from tests.conftest import IN_CI

# (collection, environment) relative to ../shared; big ones sampled to SAMPLE operations
CASES = [
    ("corpus/pcg-basic.postman_collection.json", None),
    ("corpus/newman-echo-v2.postman_collection.json", None),
    ("corpus/pcg-formdata-file.postman_collection.json", None),
    ("corpus/contentstack-graphql.postman_collection.json", None),
    ("corpus/plaid.postman_collection.json", "corpus/plaid-sandbox.postman_environment.json"),
    ("seed-collections/webex/webex-messaging.postman_collection.json", None),
    ("seed-collections/vonage-contact-center/vonage-contact-center.postman_collection.json",
     "seed-collections/vonage-contact-center/vcc-emea.postman_environment.json"),
    ("seed-collections/voximplant-kit/voximplant-kit.postman_collection.json",
     "seed-collections/voximplant-kit/voximplant-kit.postman_environment.json"),
    ("corpus/commercetools.postman_collection.json", "corpus/commercetools.postman_environment.json"),
]
SAMPLE = 40
CI_CASES = {"pcg-basic", "vonage-contact-center"}  # time budget; the rest run locally


@pytest.fixture(scope="session")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProjectVenv]:
    yield ProjectVenv.create(tmp_path_factory.mktemp("client-venv") / "venv")


@pytest.mark.parametrize("source, env", CASES, ids=[Path(c[0]).name.split(".")[0] for c in CASES])
def test_generated_project_installs_tests_and_typechecks(
    shared_dir: Path, venv: ProjectVenv, tmp_path: Path, source: str, env: str | None
) -> None:
    if IN_CI and Path(source).name.split(".")[0] not in CI_CASES:
        pytest.skip("CI runs a few collections (time budget); all run locally")
    collection = load(str(shared_dir / source), env_files=[str(shared_dir / env)] if env else [])
    keys = [op.key for op in collection.operations()]
    if len(keys) > SAMPLE:
        if IN_CI:  # keep CI fast: a client for every n-th operation
            collection = prune(collection, set(keys[:: len(keys) // SAMPLE + 1]))
        else:
            pytest.skip("big collection: full run with `python -m tests.client.conformance`")
    package = package_name_for(collection)
    files = format_python(emit(collection, package_name=package, reveal_secrets=False))
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    install_project(venv, tmp_path)
    tests = subprocess.run([str(venv.python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-2000:]
    mypy = subprocess.run(
        [str(venv.python), "-m", "mypy", "--strict", "--no-incremental", package, "tests"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert mypy.returncode == 0, mypy.stdout[-3000:]
