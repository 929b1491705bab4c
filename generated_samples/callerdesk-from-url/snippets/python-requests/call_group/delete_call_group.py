"""Call Group / Delete Call Group: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/deletegroup?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("group_id", (None, "3107")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
