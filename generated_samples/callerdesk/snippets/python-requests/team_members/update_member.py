"""Team Members / Update Member: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/updatemember_v2?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("member_id", (None, "22259")),
    ("member_name", (None, "Asha Verma")),
    ("member_num", (None, "98XXXXXX01")),
    ("member_email", (None, "asha.verma@example.com")),
    ("access", (None, "1")),
    ("status", (None, "1")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
