# Messages / Create a Message (Markdown): what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)
# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
  "roomId": "",
  "markdown": "This API is really **awesome**\n\n>You bet!"
}' \
  POST https://webexapis.com/v1/messages \
  Content-Type:application/json \
  'Accept:*/*' \
