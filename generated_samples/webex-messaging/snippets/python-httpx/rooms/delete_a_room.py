"""Rooms / Delete a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

import os

import httpx

url = "https://webexapis.com/v1/rooms/"
headers = {"Authorization": ("Bearer " + os.environ["PM_ACCESS_TOKEN"]).strip()}
response = httpx.delete(url, headers=headers, follow_redirects=True)
print(response.text)
