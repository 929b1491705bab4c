"""Meeting Rooms / Delete Meeting Room: what Postman's runner sends (pmgen, from CarrierX Conference API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import httpx

url = "https://api.carrierx.com/conference/v2/meeting_rooms/"
headers = {"Authorization": ("Basic " + os.environ["PM_BASIC_CREDENTIALS"]).strip()}
response = httpx.delete(url, headers=headers, follow_redirects=True)
print(response.text)
