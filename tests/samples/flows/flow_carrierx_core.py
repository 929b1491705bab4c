"""CarrierX Core: bearer token from the client option (or, without `BEARER_TOKEN`, from
`CARRIERX_CORE_BEARER_TOKEN`); `Update Endpoint` PATCHes `{"name": "new_name"}` to the
endpoint given as a path parameter."""

from __future__ import annotations

import os
from typing import Any

from _common import SERVER_URL, call, main, package

pkg = package()
OPTIONS: dict[str, Any] = {"base_url": SERVER_URL}
if "BEARER_TOKEN" in os.environ:
    OPTIONS["bearer_token"] = os.environ["BEARER_TOKEN"]


async def flow(client: Any) -> dict[str, Any]:
    await call(client.endpoints.get_endpoints(limit=10, offset=0))
    await call(client.endpoints.update_endpoint("ep-7 a", body={"name": "new_name"}))
    return {}


if __name__ == "__main__":
    main(flow, lambda: pkg.Client(**OPTIONS), lambda: pkg.AsyncClient(**OPTIONS))
