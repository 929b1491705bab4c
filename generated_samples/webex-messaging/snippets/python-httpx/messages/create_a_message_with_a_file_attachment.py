"""Messages / Create a Message with a File Attachment: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)."""

# File paths are relative to the collection's folder: run this from there.
# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
import httpx

url = "https://webexapis.com/v1/messages"
files = [
    ("roomId", (None, "")),
    ("text", (None, "Here is the file we discussed.")),
    (
        "files",
        ("sample-attachment.txt", open("sample-attachment.txt", "rb"), "text/plain"),
    ),
]
response = httpx.post(url, files=files, follow_redirects=True)
print(response.text)
