"""Team Members / Add Member: what Postman's runner sends (pmgen, from Callerdesk API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://app.callerdesk.io/api/addmember_v2?authcode=&member_name=Asha%20Verma&member_num=98XXXXXX01&access=2&active=1"
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
files = [
    ("member_email", (None, "asha.verma@example.com")),
]
response = requests.post(url, headers=headers, files=files)
print(response.text)
