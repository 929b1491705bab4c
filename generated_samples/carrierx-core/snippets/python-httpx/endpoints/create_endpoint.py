"""Endpoints / Create Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import httpx

url = "https://api.carrierx.com/core/v2/endpoints"
headers = {
    "Content-Type": "application/json",
    "Authorization": ("Bearer " + os.environ["PM_BEARER_TOKEN"]).strip(),
}
body = '{\n    "name": "my_conf",\n    "type": "conference"\n}'
response = httpx.post(url, headers=headers, content=body, follow_redirects=True)
print(response.text)
