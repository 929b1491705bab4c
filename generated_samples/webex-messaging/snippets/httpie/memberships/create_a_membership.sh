# Memberships / Create a Membership: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)
# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
  "roomId" : "",
  "personEmail" : "tofrench@webex.bot",
  "isModerator" : false
}' \
  POST https://webexapis.com/v1/memberships \
  Content-Type:application/json \
  'Accept:*/*' \
