# Rooms / Get Room Details: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)

wget --quiet --output-document=- --content-on-error \
  --method=GET \
  --max-redirect=10 \
  --header='Authorization: Bearer '"${PM_ACCESS_TOKEN?set PM_ACCESS_TOKEN}" \
  --header='Accept: */*' \
  https://webexapis.com/v1/rooms/
