"""Calls / Call Detail Records / Get Call Detail Record by SID: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/calls/call_drs/"
headers = {"Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"]}
response = requests.get(url, headers=headers)
print(response.text)
