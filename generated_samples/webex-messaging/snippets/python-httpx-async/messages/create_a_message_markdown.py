"""Messages / Create a Message (Markdown): what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
import asyncio

import httpx

url = "https://webexapis.com/v1/messages"
headers = {"Content-Type": "application/json"}
body = '{\n  "roomId": "",\n  "markdown": "This API is really **awesome**\\n\\n>You bet!"\n}'


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.post(url, headers=headers, content=body)


response = asyncio.run(main())
print(response.text)
