"""Callerdesk: one `authcode` option reaches every call's query (and the basic auth);
form-data bodies; a GET and a body-less POST."""

from __future__ import annotations

import os
from typing import Any

from _common import SERVER_URL, call, main, package

pkg = package()
OPTIONS = {
    "base_url": SERVER_URL,
    "variables": {"authcode": os.environ["AUTHCODE"]},
    "secret_key": os.environ["SECRET_KEY"],
}


async def flow(client: Any) -> dict[str, Any]:
    await call(
        client.team_members.add_member(
            member_name="Asha Verma",
            member_num="98XXXXXX01",
            access="2",
            active="1",
            member_email="asha@example.com",
        )
    )
    await call(client.team_members.get_members_list(current_page="1", per_page="25"))
    await call(client.call_report_api.live_call_api())
    await call(client.account_level_api_s.profile_balance())
    return {}


if __name__ == "__main__":
    main(flow, lambda: pkg.Client(**OPTIONS), lambda: pkg.AsyncClient(**OPTIONS))
