"""Authentication / login: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)."""

import os

import httpx

url = (
    "https://kit-im-eu.voximplant.com/api/v3/botService/login?domain=YOUR_ACCOUNT_NAME&access_token="
    + os.environ["PM_ACCESS_TOKEN"]
)
headers = {"Content-Type": "application/x-www-form-urlencoded"}
body = "channel_uuid="
response = httpx.post(url, headers=headers, content=body, follow_redirects=True)
print(response.text)
