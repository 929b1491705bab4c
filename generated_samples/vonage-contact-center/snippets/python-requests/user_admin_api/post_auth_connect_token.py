"""User Admin API / POST /auth/connect/token: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)."""

import os

import requests

url = "https://emea.cc.vonage.com/auth/connect/token"
headers = {"Content-Type": "application/x-www-form-urlencoded"}
body_text = (
    "grant_type=client_credentials&client_id=&client_secret="
    + os.environ["PM_SECRET"]
    + "&scope=users%3Aread+users%3Awrite"
)
# sent as UTF-8 (requests would encode text as Latin-1)
body = body_text.encode("utf-8")
response = requests.post(url, headers=headers, data=body)
print(response.text)
