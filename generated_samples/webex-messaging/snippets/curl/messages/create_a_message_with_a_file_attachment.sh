# Messages / Create a Message with a File Attachment: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)
# File paths are relative to the collection's folder: run this from there.
# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
curl --location https://webexapis.com/v1/messages \
  --form-string roomId= \
  --form-string 'text=Here is the file we discussed.' \
  --form 'files=@"sample-attachment.txt";type=text/plain;filename="sample-attachment.txt"'
