# Messages / List Messages: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)
# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)

wget --quiet --output-document=- --content-on-error \
  --method=GET \
  --max-redirect=10 \
  --header='Accept: */*' \
  'https://webexapis.com/v1/messages?roomId=&max=50'
