"""Authentication / login: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)."""

import os

import requests

url = (
    "https://kit-im-eu.voximplant.com/api/v3/botService/login?domain=YOUR_ACCOUNT_NAME&access_token="
    + os.environ["PM_ACCESS_TOKEN"]
)
headers = {"Content-Type": "application/x-www-form-urlencoded"}
body = "channel_uuid="
response = requests.post(url, headers=headers, data=body)
print(response.text)
