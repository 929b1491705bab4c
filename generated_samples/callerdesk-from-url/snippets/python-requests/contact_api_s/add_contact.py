"""Contact API's / Add contact: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/savecontact_v2?authcode="
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("contact_num", (None, "98XXXXXX77")),
    ("contact_name", (None, "Ravi Kumar")),
    ("contact_email", (None, "ravi.kumar@example.com")),
    ("contact_address", (None, "Sector 5, Noida")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
