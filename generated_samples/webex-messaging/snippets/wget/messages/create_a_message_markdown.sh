# Messages / Create a Message (Markdown): what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)
# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Content-Type: application/json' \
  --header='Accept: */*' \
  --body-data='{
  "roomId": "",
  "markdown": "This API is really **awesome**\n\n>You bet!"
}' \
  https://webexapis.com/v1/messages
