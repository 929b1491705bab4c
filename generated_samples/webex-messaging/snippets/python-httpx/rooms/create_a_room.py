"""Rooms / Create a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

import os

import httpx

url = "https://webexapis.com/v1/rooms"
headers = {
    "Authorization": ("Bearer " + os.environ["PM_ACCESS_TOKEN"]).strip(),
    "Content-Type": "application/json",
}
body = '{\n    "title": "Test Space"\n}'
response = httpx.post(url, headers=headers, content=body, follow_redirects=True)
print(response.text)
