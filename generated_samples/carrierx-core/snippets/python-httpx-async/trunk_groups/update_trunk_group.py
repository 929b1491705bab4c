"""Trunk Groups / Update Trunk Group: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import asyncio
import os

import httpx

url = "https://api.carrierx.com/core/v2/trunk_groups/"
headers = {
    "Content-Type": "application/json",
    "Authorization": ("Bearer " + os.environ["PM_BEARER_TOKEN"]).strip(),
}
body = '{\n    "name": "TrunkGroup4",\n    "routing_type": "failover"\n}'


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.patch(url, headers=headers, content=body)


response = asyncio.run(main())
print(response.text)
