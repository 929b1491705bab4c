"""Rooms / Create a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

import asyncio
import os

import httpx

url = "https://webexapis.com/v1/rooms"
headers = {
    "Authorization": ("Bearer " + os.environ["PM_ACCESS_TOKEN"]).strip(),
    "Content-Type": "application/json",
}
body = '{\n    "title": "Test Space"\n}'


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.post(url, headers=headers, content=body)


response = asyncio.run(main())
print(response.text)
