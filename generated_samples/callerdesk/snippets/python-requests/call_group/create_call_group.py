"""Call Group / Create Call Group: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/createcallgroup?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("group_name", (None, "Sales")),
    ("deskphone_id", (None, "1451")),
    ("group_owner_name", (None, "Asha Verma")),
    ("group_extn", (None, "*2001")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
