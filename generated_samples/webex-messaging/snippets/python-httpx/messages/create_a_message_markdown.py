"""Messages / Create a Message (Markdown): what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
import httpx

url = "https://webexapis.com/v1/messages"
headers = {"Content-Type": "application/json"}
body = '{\n  "roomId": "",\n  "markdown": "This API is really **awesome**\\n\\n>You bet!"\n}'
response = httpx.post(url, headers=headers, content=body, follow_redirects=True)
print(response.text)
