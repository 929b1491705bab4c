"""Endpoints / Delete Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/endpoints/"
headers = {"Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"]}
response = requests.delete(url, headers=headers)
print(response.text)
