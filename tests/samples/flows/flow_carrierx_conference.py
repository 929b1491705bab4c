"""CarrierX Conference: basic auth from the `username`/`password` options."""

from __future__ import annotations

import os
from typing import Any

from _common import SERVER_URL, call, main, package

pkg = package()
OPTIONS = {
    "base_url": SERVER_URL,
    "variables": {"username": os.environ["USERNAME"]},
    "password": os.environ["PASSWORD"],
}


async def flow(client: Any) -> dict[str, Any]:
    await call(client.meeting_rooms.get_meeting_rooms(limit=10, offset=0))
    await call(client.meeting_rooms.create_meeting_room(body={"name": "Weekly sync"}))
    await call(
        client.meeting_rooms.update_meeting_room(
            "room-1", body={"name": "Weekly sync (moved)"}
        )
    )
    return {}


if __name__ == "__main__":
    main(flow, lambda: pkg.Client(**OPTIONS), lambda: pkg.AsyncClient(**OPTIONS))
