"""The bundled `examples/` are exact copies of the seed collections they come from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO

EXAMPLES = REPO / "examples"
CX, VCC, VOX, CONF = (
    "carrierx",
    "vonage-contact-center",
    "voximplant-kit",
    "carrierx-conference",
)
ORIGINS = {  # example file -> path under ../shared/seed-collections
    "carrierx-core.postman_collection.json": f"{CX}/carrierx-core.postman_collection.json",
    f"{CONF}.postman_collection.json": f"{CX}/{CONF}.postman_collection.json",
    "vonage-contact-center.postman_collection.json": f"{VCC}/{VCC}.postman_collection.json",
    "vcc-emea.postman_environment.json": f"{VCC}/vcc-emea.postman_environment.json",
    "webex-messaging.postman_collection.json": "webex/webex-messaging.postman_collection.json",
    "sample-attachment.txt": "webex/sample-attachment.txt",
    "callerdesk.postman_collection.json": "callerdesk/callerdesk.postman_collection.json",
    "callerdesk.published.json": "callerdesk/callerdesk.published.json",
    "voximplant-kit.postman_collection.json": f"{VOX}/{VOX}.postman_collection.json",
    "voximplant-kit.published.json": f"{VOX}/{VOX}.published.json",
    "voximplant-kit.postman_environment.json": f"{VOX}/{VOX}.postman_environment.json",
}


def test_every_example_has_an_origin() -> None:
    bundled = {
        p.name for p in EXAMPLES.iterdir() if p.is_file() and p.name != "README.md"
    }
    assert bundled == set(ORIGINS)


@pytest.mark.parametrize("name", sorted(ORIGINS))
def test_example_matches_seed(name: str, seed_dir: Path) -> None:
    assert (EXAMPLES / name).read_bytes() == (seed_dir / ORIGINS[name]).read_bytes()
