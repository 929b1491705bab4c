"""Trunk Groups / Create Trunk Group: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import asyncio
import os

import httpx

url = "https://api.carrierx.com/core/v2/trunk_groups?with_trunks=true"
headers = {
    "Content-Type": "application/json",
    "Authorization": ("Bearer " + os.environ["PM_BEARER_TOKEN"]).strip(),
}
body = '{\n    "name": "New Trunk Group",\n    "trunks": [\n        {\n            "name": "Trunk1",\n            "endpoint_sid": ""\n        }\n    ]\n}'


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.post(url, headers=headers, content=body)


response = asyncio.run(main())
print(response.text)
