"""Memberships / List Memberships: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
import httpx

url = "https://webexapis.com/v1/memberships?roomId=&max=100"
response = httpx.get(url, follow_redirects=True)
print(response.text)
