"""Trunk Groups / Update Trunk Group: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/trunk_groups/"
headers = {
    "Content-Type": "application/json",
    "Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"],
}
body = '{\n    "name": "TrunkGroup4",\n    "routing_type": "failover"\n}'
response = requests.patch(url, headers=headers, data=body)
print(response.text)
