"""Meeting Rooms / Get Meeting Room by SID: what Postman's runner sends (pmgen, from CarrierX Conference API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://api.carrierx.com/conference/v2/meeting_rooms/"
headers = {"Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"]}
response = requests.get(url, headers=headers)
print(response.text)
