"""Meeting Rooms / Delete Meeting Room: what Postman's runner sends (pmgen, from CarrierX Conference API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import asyncio
import os

import httpx

url = "https://api.carrierx.com/conference/v2/meeting_rooms/"
headers = {"Authorization": ("Basic " + os.environ["PM_BASIC_CREDENTIALS"]).strip()}


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.delete(url, headers=headers)


response = asyncio.run(main())
print(response.text)
