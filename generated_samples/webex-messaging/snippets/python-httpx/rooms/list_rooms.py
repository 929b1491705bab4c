"""Rooms / List Rooms: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

import os

import httpx

url = "https://webexapis.com/v1/rooms?sortBy=lastactivity&max=100"
headers = {"Authorization": ("Bearer " + os.environ["PM_ACCESS_TOKEN"]).strip()}
response = httpx.get(url, headers=headers, follow_redirects=True)
print(response.text)
