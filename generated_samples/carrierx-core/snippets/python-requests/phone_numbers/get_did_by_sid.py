"""Phone Numbers / Get DID by SID: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/phonenumber/dids/"
headers = {"Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"]}
response = requests.get(url, headers=headers)
print(response.text)
