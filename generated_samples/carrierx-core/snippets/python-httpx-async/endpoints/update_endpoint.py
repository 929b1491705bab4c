"""Endpoints / Update Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import asyncio
import os

import httpx

url = "https://api.carrierx.com/core/v2/endpoints/:endpoint_sid"
headers = {
    "Content-Type": "application/json",
    "Authorization": ("Bearer " + os.environ["PM_BEARER_TOKEN"]).strip(),
}
body = '{"name": "new_name"}'


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.patch(url, headers=headers, content=body)


response = asyncio.run(main())
print(response.text)
