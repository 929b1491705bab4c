"""Rooms / Delete a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

import os

import requests

url = "https://webexapis.com/v1/rooms/"
headers = {"Authorization": "Bearer " + os.environ["PM_ACCESS_TOKEN"]}
response = requests.delete(url, headers=headers)
print(response.text)
