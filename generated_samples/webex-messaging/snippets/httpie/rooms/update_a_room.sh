# Rooms / Update a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
    "title": "Test Space (renamed)",
    "isLocked": false
}' \
  PUT https://webexapis.com/v1/rooms/ \
  'Authorization:Bearer '"${PM_ACCESS_TOKEN?set PM_ACCESS_TOKEN}" \
  Content-Type:application/json \
  'Accept:*/*' \
