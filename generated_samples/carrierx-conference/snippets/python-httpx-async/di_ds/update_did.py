"""DIDs / Update DID: what Postman's runner sends (pmgen, from CarrierX Conference API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import asyncio
import os

import httpx

url = "https://api.carrierx.com/conference/v2/dids/"
headers = {
    "Content-Type": "application/json",
    "Authorization": ("Basic " + os.environ["PM_BASIC_CREDENTIALS"]).strip(),
}
body = '{\n    "did_group_sid": ""\n}'


async def main() -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        return await client.patch(url, headers=headers, content=body)


response = asyncio.run(main())
print(response.text)
