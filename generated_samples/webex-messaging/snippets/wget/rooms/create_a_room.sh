# Rooms / Create a Room: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Authorization: Bearer '"${PM_ACCESS_TOKEN?set PM_ACCESS_TOKEN}" \
  --header='Content-Type: application/json' \
  --header='Accept: */*' \
  --body-data='{
    "title": "Test Space"
}' \
  https://webexapis.com/v1/rooms
