"""Endpoints / Delete Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import asyncio
import os

import httpx

url = "https://api.carrierx.com/core/v2/endpoints/"
headers = {"Authorization": ("Bearer " + os.environ["PM_BEARER_TOKEN"]).strip()}


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.delete(url, headers=headers)


response = asyncio.run(main())
print(response.text)
