"""Calls / Call Detail Records / Get Call Detail Records: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import httpx

url = "https://api.carrierx.com/core/v2/calls/call_drs?limit=1&order=date_stop%20asc&filter=date_stop%20ge%202024-05-01"
headers = {"Authorization": ("Bearer " + os.environ["PM_BEARER_TOKEN"]).strip()}
response = httpx.get(url, headers=headers, follow_redirects=True)
print(response.text)
