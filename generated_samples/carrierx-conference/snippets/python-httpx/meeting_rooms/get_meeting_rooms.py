"""Meeting Rooms / Get Meeting Rooms: what Postman's runner sends (pmgen, from CarrierX Conference API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import httpx

url = "https://api.carrierx.com/conference/v2/meeting_rooms?limit=10&offset=0"
headers = {"Authorization": ("Basic " + os.environ["PM_BASIC_CREDENTIALS"]).strip()}
response = httpx.get(url, headers=headers, follow_redirects=True)
print(response.text)
