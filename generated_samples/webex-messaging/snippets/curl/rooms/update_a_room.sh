# Rooms / Update a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)
curl --request PUT --location https://webexapis.com/v1/rooms/ \
  --header 'Authorization: Bearer '"${PM_ACCESS_TOKEN?set PM_ACCESS_TOKEN}" \
  --header 'Content-Type: application/json' \
  --data-raw '{
    "title": "Test Space (renamed)",
    "isLocked": false
}'
