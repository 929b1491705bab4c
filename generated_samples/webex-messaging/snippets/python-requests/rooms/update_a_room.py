"""Rooms / Update a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

import os

import requests

url = "https://webexapis.com/v1/rooms/"
headers = {
    "Authorization": "Bearer " + os.environ["PM_ACCESS_TOKEN"],
    "Content-Type": "application/json",
}
body = '{\n    "title": "Test Space (renamed)",\n    "isLocked": false\n}'
response = requests.put(url, headers=headers, data=body)
print(response.text)
