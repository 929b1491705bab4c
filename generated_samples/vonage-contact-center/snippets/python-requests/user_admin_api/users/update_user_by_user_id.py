"""User Admin API / users / Update user by user ID: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)."""

# Note: the auth token ({{token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var token=...)
import requests

url = (
    "https://emea.api.newvoicemedia.com/useradmin/users/%3Cinsert%20user%20ID%20here%3E"
)
headers = {
    "Content-Type": "application/json",
    "Accept": "application/vnd.newvoicemedia.v4+json",
}
body = '{\n  "name": "<insert users first and last name>",\n  "email": "<insert users email>",\n  "active": true,\n  "userAccountConfiguration": {\n    "role": "Agent"\n  }\n}'
response = requests.patch(url, headers=headers, data=body)
print(response.text)
