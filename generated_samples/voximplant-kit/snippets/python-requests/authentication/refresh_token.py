"""Authentication / refreshToken: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)."""

import os

import requests

url = "https://kit-im-eu.voximplant.com/api/v3/botService/refreshToken"
headers = {"Content-Type": "application/x-www-form-urlencoded"}
body_text = "refresh_token=" + os.environ["PM_REFRESH_TOKEN"]
# sent as UTF-8 (requests would encode text as Latin-1)
body = body_text.encode("utf-8")
response = requests.post(url, headers=headers, data=body)
print(response.text)
