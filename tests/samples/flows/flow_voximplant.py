"""Voximplant Kit: login stores the jwt and refresh token; events send `Bearer <jwt>`;
refreshToken swaps both and the next event uses the new jwt."""

from __future__ import annotations

import os
from typing import Any

from _common import SERVER_URL, call, main, package

pkg = package()
CHANNEL = os.environ["CHANNEL_UUID"]
OPTIONS = {
    "base_url": SERVER_URL,
    "variables": {"channel_uuid": CHANNEL, "domain": os.environ["DOMAIN"]},
    "access_token": os.environ["API_TOKEN"],
}


async def flow(client: Any) -> dict[str, Any]:
    await call(client.authentication.login())
    first = client.variables["jwt_token"]
    await call(client.events.send_message_event())
    await call(client.authentication.refresh_token())
    await call(client.events.send_message_event())
    return {"first_jwt": first, "jwt": client.variables["jwt_token"]}


if __name__ == "__main__":
    main(flow, lambda: pkg.Client(**OPTIONS), lambda: pkg.AsyncClient(**OPTIONS))
