"""Endpoints / Get Endpoints: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/endpoints?limit=10&offset=0"
headers = {"Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"]}
response = requests.get(url, headers=headers)
print(response.text)
