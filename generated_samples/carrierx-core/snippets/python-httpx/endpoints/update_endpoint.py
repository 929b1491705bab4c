"""Endpoints / Update Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import httpx

url = "https://api.carrierx.com/core/v2/endpoints/:endpoint_sid"
headers = {
    "Content-Type": "application/json",
    "Authorization": ("Bearer " + os.environ["PM_BEARER_TOKEN"]).strip(),
}
body = '{"name": "new_name"}'
response = httpx.patch(url, headers=headers, content=body, follow_redirects=True)
print(response.text)
