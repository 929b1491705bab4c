"""Contact API's / Get Contact List: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/contact_list_v2?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("current_page", (None, "1")),
    ("per_page", (None, "25")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
