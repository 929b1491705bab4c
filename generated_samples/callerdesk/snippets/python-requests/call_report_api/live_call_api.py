"""Call Report API / Live Call API: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/live_call_v2?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
response = requests.get(url, headers=headers)
print(response.text)
