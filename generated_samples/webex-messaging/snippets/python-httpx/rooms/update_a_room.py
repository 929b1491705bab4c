"""Rooms / Update a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

import os

import httpx

url = "https://webexapis.com/v1/rooms/"
headers = {
    "Authorization": ("Bearer " + os.environ["PM_ACCESS_TOKEN"]).strip(),
    "Content-Type": "application/json",
}
body = '{\n    "title": "Test Space (renamed)",\n    "isLocked": false\n}'
response = httpx.put(url, headers=headers, content=body, follow_redirects=True)
print(response.text)
