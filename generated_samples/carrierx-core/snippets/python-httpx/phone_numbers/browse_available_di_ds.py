"""Phone Numbers / Browse Available DIDs: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import httpx

url = "https://api.carrierx.com/core/v2/phonenumber/available_dids?limit=5"
headers = {"Authorization": ("Bearer " + os.environ["PM_BEARER_TOKEN"]).strip()}
response = httpx.get(url, headers=headers, follow_redirects=True)
print(response.text)
