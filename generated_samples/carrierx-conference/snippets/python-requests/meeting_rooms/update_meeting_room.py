"""Meeting Rooms / Update Meeting Room: what Postman's runner sends (pmgen, from CarrierX Conference API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://api.carrierx.com/conference/v2/meeting_rooms/"
headers = {
    "Content-Type": "application/json",
    "Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"],
}
body = '{\n    "name": "Weekly sync"\n}'
response = requests.patch(url, headers=headers, data=body)
print(response.text)
