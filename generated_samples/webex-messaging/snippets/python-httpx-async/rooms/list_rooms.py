"""Rooms / List Rooms: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

import asyncio
import os

import httpx

url = "https://webexapis.com/v1/rooms?sortBy=lastactivity&max=100"
headers = {"Authorization": ("Bearer " + os.environ["PM_ACCESS_TOKEN"]).strip()}


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.get(url, headers=headers)


response = asyncio.run(main())
print(response.text)
