"""Phone Numbers / Browse Available DIDs: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/phonenumber/available_dids?limit=5"
headers = {"Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"]}
response = requests.get(url, headers=headers)
print(response.text)
