"""Webex: create a room, add a membership, post text / markdown / file messages, list them.

Rooms requests carry a hand-written `Authorization: Bearer {{access_token}}` header; the
others use the collection's bearer auth: both come from the one `access_token` option.
"""

from __future__ import annotations

import os
from typing import Any

from _common import SERVER_URL, call, main, package, plain

pkg = package()
OPTIONS = {"base_url": SERVER_URL, "access_token": os.environ["ACCESS_TOKEN"]}


async def flow(client: Any) -> dict[str, Any]:
    room = plain(await call(client.rooms.create_a_room(body={"title": "Test Space"})))
    room_id = room["id"]
    stored = client.variables[
        "roomId"
    ]  # kept by the request's test script, as in Postman
    await call(
        client.memberships.create_a_membership(
            body={
                "roomId": stored,
                "personEmail": "tofrench@webex.bot",
                "isModerator": False,
            }
        )
    )
    await call(
        client.messages.create_a_message(
            body={"roomId": room_id, "text": "Hello World!"}
        )
    )
    await call(
        client.messages.create_a_message_markdown(
            body={
                "roomId": room_id,
                "markdown": "This API is really **awesome**\n\n>You bet!",
            }
        )
    )
    await call(
        client.messages.create_a_message_with_a_file_attachment(
            room_id=room_id,
            text="Here is the file we discussed.",
            files=os.environ["ATTACHMENT"],
        )
    )
    listed = plain(await call(client.messages.list_messages(room_id=room_id, max_=50)))
    return {
        "room_id": room_id,
        "stored_room_id": stored,
        "listed": len(listed["items"]),
    }


if __name__ == "__main__":
    main(flow, lambda: pkg.Client(**OPTIONS), lambda: pkg.AsyncClient(**OPTIONS))
