"""User Admin API / users / Get user by user ID: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)."""

# Note: the auth token ({{token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var token=...)
import asyncio

import httpx

url = (
    "https://emea.api.newvoicemedia.com/useradmin/users/%3Cinsert%20user%20ID%20here%3E"
)
headers = {"Accept": "application/vnd.newvoicemedia.v4+json"}


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.get(url, headers=headers)


response = asyncio.run(main())
print(response.text)
