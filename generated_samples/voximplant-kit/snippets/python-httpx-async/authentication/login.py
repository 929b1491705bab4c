"""Authentication / login: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)."""

import asyncio
import os

import httpx

url = (
    "https://kit-im-eu.voximplant.com/api/v3/botService/login?domain=YOUR_ACCOUNT_NAME&access_token="
    + os.environ["PM_ACCESS_TOKEN"]
)
headers = {"Content-Type": "application/x-www-form-urlencoded"}
body = "channel_uuid="


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.post(url, headers=headers, content=body)


response = asyncio.run(main())
print(response.text)
