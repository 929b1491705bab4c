"""Number Blacklist API's / Unblock Number: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/unblock_number?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("caller_number", (None, "98XXXXXX66")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
