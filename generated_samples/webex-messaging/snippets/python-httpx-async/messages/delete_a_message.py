"""Messages / Delete a Message: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
import asyncio

import httpx

url = "https://webexapis.com/v1/messages/"


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.delete(url)


response = asyncio.run(main())
print(response.text)
