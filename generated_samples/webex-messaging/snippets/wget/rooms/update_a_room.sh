# Rooms / Update a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)

wget --quiet --output-document=- --content-on-error \
  --method=PUT \
  --max-redirect=10 \
  --header='Authorization: Bearer '"${PM_ACCESS_TOKEN?set PM_ACCESS_TOKEN}" \
  --header='Content-Type: application/json' \
  --header='Accept: */*' \
  --body-data='{
    "title": "Test Space (renamed)",
    "isLocked": false
}' \
  https://webexapis.com/v1/rooms/
