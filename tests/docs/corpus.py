"""The real collections the docs tests render, with their environments."""

from __future__ import annotations

from pathlib import Path

from pmgen.model import Collection, Folder, Item
from tests.conftest import SHARED

# collection file (relative to ../shared) -> environment files that go with it
COLLECTIONS: dict[str, tuple[str, ...]] = {
    "corpus/biostar2.documenter_collection.json": (),
    "corpus/box-v1.postman_collection.json": (),
    "corpus/bruno-awsv4.postman_collection.json": (),
    "corpus/bruno-ntlm.postman_collection.json": (),
    "corpus/bruno-oauth2-grants.postman_collection.json": (),
    "corpus/commercetools.postman_collection.json": (
        "corpus/commercetools.postman_environment.json",
    ),
    "corpus/contentstack-graphql.postman_collection.json": (),
    "corpus/msgraph.postman_collection.json": (
        "corpus/msgraph.postman_environment.json",
    ),
    "corpus/newman-echo-v2.postman_collection.json": (),
    "corpus/newman-inherited-entities.postman_collection.json": (
        "corpus/newman-inherited-entities.postman_environment.json",
    ),
    "corpus/paypal-partner.postman_collection.json": (),
    "corpus/pcg-basic.postman_collection.json": (),
    "corpus/pcg-formdata-file.postman_collection.json": (),
    "corpus/pcg-http-v2.0.postman_collection.json": (),
    "corpus/pcg-python-requests-sample.postman_collection.json": (),
    "corpus/plaid.postman_collection.json": (
        "corpus/plaid-sandbox.postman_environment.json",
    ),
    "corpus/postman-collection-v2-draft.postman_collection.json": (),
    "corpus/sabre-booking-management.postman_collection.json": (),
    "corpus/salesforce.postman_collection.json": (
        "corpus/salesforce.postman_environment.json",
    ),
    "corpus/twilio-nonstandard-items.postman_collection.json": (),
    "corpus/webex-calling-provisioning.postman_collection.json": (),
    "corpus/webex-messaging.postman_collection.json": (
        "corpus/webex.postman_environment.json",
    ),
}
SEEDS: dict[str, tuple[str, ...]] = {
    "seed-collections/callerdesk/callerdesk.postman_collection.json": (),
    "seed-collections/carrierx/carrierx-conference.postman_collection.json": (),
    "seed-collections/carrierx/carrierx-core.postman_collection.json": (),
    "seed-collections/vonage-contact-center/vonage-contact-center.postman_collection.json": (
        "seed-collections/vonage-contact-center/vcc-emea.postman_environment.json",
        "seed-collections/vonage-contact-center/vcc-nam.postman_environment.json",
        "seed-collections/vonage-contact-center/vcc-apac.postman_environment.json",
    ),
    "seed-collections/voximplant-kit/voximplant-kit.postman_collection.json": (
        "seed-collections/voximplant-kit/voximplant-kit.postman_environment.json",
    ),
    "seed-collections/webex/webex-messaging.postman_collection.json": (),
}


def unlisted(shared: Path) -> list[str]:
    """Collections present in ../shared that the lists above forgot (a test fails on them)."""
    found = {
        str(p.relative_to(shared))
        for pattern in (
            "corpus/*_collection.json",
            "seed-collections/*/*.postman_collection.json",
        )
        for p in shared.glob(pattern)
    }
    return sorted(found - set(COLLECTIONS) - set(SEEDS))


def load(name: str) -> Collection:
    from pmgen.importer import load as import_collection  # noqa: PLC0415

    envs = (COLLECTIONS | SEEDS)[name]
    return import_collection(
        str(SHARED / name), env_files=[str(SHARED / e) for e in envs]
    )


def sample(collection: Collection, limit: int) -> Collection:
    """The same collection cut to its first `limit` requests (folders kept on the way)."""
    budget = [limit]

    def prune(items: list[Item]) -> list[Item]:
        kept: list[Item] = []
        for item in items:
            if budget[0] <= 0:
                break
            if isinstance(item, Folder):
                kept.append(item.model_copy(update={"items": prune(item.items)}))
            else:
                budget[0] -= 1
                kept.append(item)
        return kept

    return collection.model_copy(update={"items": prune(collection.items)})
