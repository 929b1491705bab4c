"""Contact API's / Delete contact: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/deleteContact?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("contact_num", (None, "98XXXXXX77")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
