# Rooms / Get Room Details: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  GET https://webexapis.com/v1/rooms/ \
  'Authorization:Bearer '"${PM_ACCESS_TOKEN?set PM_ACCESS_TOKEN}" \
  'Accept:*/*' \
