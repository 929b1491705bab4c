"""Messages / Create a Message: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
import requests

url = "https://webexapis.com/v1/messages"
headers = {"Content-Type": "application/json"}
body = '{\n  "roomId": "",\n  "text": "Hello World!"\n}'
response = requests.post(url, headers=headers, data=body)
print(response.text)
