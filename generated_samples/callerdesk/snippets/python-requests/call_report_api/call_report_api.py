"""Call Report API / Call Report API: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/call_list_v2?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("start_date", (None, "2024-05-01 00:00:00")),
    ("end_date", (None, "2024-05-02 23:59:59")),
    ("per_page", (None, "25")),
    ("current_page", (None, "1")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
