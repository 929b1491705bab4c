"""Phone Numbers / Update DID: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import os

import httpx

url = "https://api.carrierx.com/core/v2/phonenumber/dids/"
headers = {
    "Content-Type": "application/json",
    "Authorization": ("Bearer " + os.environ["PM_BEARER_TOKEN"]).strip(),
}
body = '{\n    "attributes": {\n        "name": "main line"\n    }\n}'
response = httpx.patch(url, headers=headers, content=body, follow_redirects=True)
print(response.text)
