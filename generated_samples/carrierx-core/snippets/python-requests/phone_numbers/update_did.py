"""Phone Numbers / Update DID: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import requests

url = "https://api.carrierx.com/core/v2/phonenumber/dids/"
headers = {
    "Content-Type": "application/json",
    "Authorization": "Bearer " + os.environ["PM_BEARER_TOKEN"],
}
body = '{\n    "attributes": {\n        "name": "main line"\n    }\n}'
response = requests.patch(url, headers=headers, data=body)
print(response.text)
