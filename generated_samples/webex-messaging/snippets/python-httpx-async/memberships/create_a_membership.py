"""Memberships / Create a Membership: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
import asyncio

import httpx

url = "https://webexapis.com/v1/memberships"
headers = {"Content-Type": "application/json"}
body = '{\n  "roomId" : "",\n  "personEmail" : "tofrench@webex.bot",\n  "isModerator" : false\n}'


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.post(url, headers=headers, content=body)


response = asyncio.run(main())
print(response.text)
