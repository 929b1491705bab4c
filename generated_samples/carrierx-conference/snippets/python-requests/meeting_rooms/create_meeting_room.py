"""Meeting Rooms / Create Meeting Room: what Postman's runner sends (pmgen, from CarrierX Conference API)."""

# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
import os

import requests

url = "https://api.carrierx.com/conference/v2/meeting_rooms"
headers = {
    "Content-Type": "application/json",
    "Authorization": "Basic " + os.environ["PM_BASIC_CREDENTIALS"],
}
body = '{\n    "name": "My meeting room",\n    "access_codes": [\n        {\n            "access_code": "<host access code>",\n            "role": "host"\n        },\n        {\n            "access_code": "<participant access code>",\n            "role": "participant"\n        },\n        {\n            "access_code": "<listener access code>",\n            "role": "listener"\n        }\n    ]\n}'
response = requests.post(url, headers=headers, data=body)
print(response.text)
