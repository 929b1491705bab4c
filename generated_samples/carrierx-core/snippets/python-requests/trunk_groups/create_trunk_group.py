"""Trunk Groups / Create Trunk Group: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/trunk_groups?with_trunks=true"
headers = {
    "Content-Type": "application/json",
    "Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"],
}
body = '{\n    "name": "New Trunk Group",\n    "trunks": [\n        {\n            "name": "Trunk1",\n            "endpoint_sid": ""\n        }\n    ]\n}'
response = requests.post(url, headers=headers, data=body)
print(response.text)
