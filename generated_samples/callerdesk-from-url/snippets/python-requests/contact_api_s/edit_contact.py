"""Contact API's / Edit contact: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/editContact_v2?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("contact_id", (None, "55120")),
    ("contact_num", (None, "98XXXXXX77")),
    ("contact_name", (None, "Ravi K.")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
