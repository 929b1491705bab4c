"""Endpoints / Update Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/endpoints/:endpoint_sid"
headers = {
    "Content-Type": "application/json",
    "Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"],
}
body = {"name": "new_name"}
response = requests.patch(url, headers=headers, json=body)
print(response.text)
