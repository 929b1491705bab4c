"""User Admin API / POST /auth/connect/token: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)."""

import os

import httpx

url = "https://emea.cc.vonage.com/auth/connect/token"
headers = {"Content-Type": "application/x-www-form-urlencoded"}
body = (
    "grant_type=client_credentials&client_id=&client_secret="
    + os.environ["PM_SECRET"]
    + "&scope=users%3Aread+users%3Awrite"
)
response = httpx.post(url, headers=headers, content=body, follow_redirects=True)
print(response.text)
