"""Rooms / Create a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

import os

import requests

url = "https://webexapis.com/v1/rooms"
headers = {
    "Authorization": "Bearer " + os.environ["PM_ACCESS_TOKEN"],
    "Content-Type": "application/json",
}
body = '{\n    "title": "Test Space"\n}'
response = requests.post(url, headers=headers, data=body)
print(response.text)
