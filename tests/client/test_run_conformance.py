"""The generated package's collection run against Newman's recordings, scripts included
(`tests/client/run_conformance.py`): whole collections in collection order under each
recording's frozen clock. The default run takes a few small script-driven collections
(HMAC-signed exchanges, token captures, a seed API); `-m slow` runs every recording and
asserts the overall target."""

from __future__ import annotations

import glob
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.client.run_conformance import recordings, run_recording
from tests.client.venv import ProjectVenv
from tests.conftest import SHARED, slow_unless

pytest.importorskip(
    "quickjs", reason="the script engine (quickjs-ng) is a pmgen dependency"
)

# small, script-driven, fast: the default run
SAMPLE = {
    "ibanity-xs2a",
    "paymob-intention",
    "aps-model-derivative",
    "seed/voximplant-kit",
    "seed/vonage-contact-center",
    "contentstack-graphql",
}
TARGET = 97.0
# What no program can send as Newman did, with the reason (every other request must match).
KNOWN = {
    "bruno-awsv4": "AWS SigV4 signs the current time of the client's clock",
    "bruno-oauth2-grants": "the client fetches an OAuth 2 token Newman never asked for",
    "pcg-http-v2.0: POST File": "Newman's multipart body has no boundary (compare.py cannot parse it)",
}


def _faketime() -> bool:
    return bool(glob.glob("/usr/lib/*/faketime/libfaketime.so.1")) or (
        shutil.which("apt-get") is not None
    )  # frozen_clock.sh installs it with apt-get when it can


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProjectVenv]:
    if not _faketime():
        pytest.skip("libfaketime is not installed (apt-get install faketime)")
    yield ProjectVenv.create(tmp_path_factory.mktemp("run-venv") / "venv")


def _known(label: str, key: str) -> bool:
    return label in KNOWN or f"{label}: {key}" in KNOWN


@pytest.mark.parametrize(
    "label",
    slow_unless(
        [label for label, _ in recordings(SHARED)], lambda label: label in SAMPLE
    ),
)
def test_collection_run_sends_what_newman_sent(
    shared_dir: Path, venv: ProjectVenv, tmp_path: Path, label: str
) -> None:
    recording = dict(recordings(shared_dir))[label]
    score = run_recording(label, recording, venv, tmp_path)
    print(score.line())
    misses = [
        f"{item['key']}: {[d['kind'] + ': ' + d['detail'][:200] for d in item['diffs']]}"
        for item in score.report["items"]
        if item.get("comparable", True)
        and not item["identical"]
        and not _known(label, item["key"])
    ]
    if (
        label in SAMPLE
    ):  # each collection of the default run is sent exactly as Newman did
        assert not misses, "\n".join(misses)
    else:
        assert (
            score.comparable == 0
            or 100.0 * score.identical / score.comparable >= TARGET
        ), "\n".join(misses)
