"""Vonage Contact Center (EMEA): the client-credentials token request stores `token`,
which every later request sends as its bearer token."""

from __future__ import annotations

import os
from typing import Any

from _common import SERVER_URL, call, main, package, plain

pkg = package()
OPTIONS = {
    "environment": "EMEA",
    "base_url": SERVER_URL,
    "variables": {"clientId": os.environ["CLIENT_ID"]},
    "secret": os.environ["CLIENT_SECRET"],
}


async def flow(client: Any) -> dict[str, Any]:
    # Literal form values are arguments (as in the collection); clientId/secret are options.
    await call(
        client.user_admin_api.post_auth_connect_token(
            grant_type="client_credentials", scope="users:read users:write"
        )
    )
    token = client.variables["token"]
    await call(client.user_admin_api.users.get_users(include="Active"))
    user = plain(
        await call(
            client.user_admin_api.users.get_user_by_user_id(os.environ["USER_ID"])
        )
    )
    return {"token": token, "user_name": user["name"]}


if __name__ == "__main__":
    main(flow, lambda: pkg.Client(**OPTIONS), lambda: pkg.AsyncClient(**OPTIONS))
