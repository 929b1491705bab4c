"""Endpoints / Create Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/endpoints"
headers = {
    "Content-Type": "application/json",
    "Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"],
}
body = '{\n    "name": "my_conf",\n    "type": "conference"\n}'
response = requests.post(url, headers=headers, data=body)
print(response.text)
