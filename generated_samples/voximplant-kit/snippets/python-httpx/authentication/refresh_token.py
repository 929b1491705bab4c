"""Authentication / refreshToken: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)."""

import os

import httpx

url = "https://kit-im-eu.voximplant.com/api/v3/botService/refreshToken"
headers = {"Content-Type": "application/x-www-form-urlencoded"}
body = "refresh_token=" + os.environ["PM_REFRESH_TOKEN"]
response = httpx.post(url, headers=headers, content=body, follow_redirects=True)
print(response.text)
