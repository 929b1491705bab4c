# User Admin API / users / Get users: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)
# Note: the auth token ({{token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var token=...)

wget --quiet --output-document=- --content-on-error \
  --method=GET \
  --max-redirect=10 \
  --header='Accept: application/vnd.newvoicemedia.v4+json' \
  'https://emea.api.newvoicemedia.com/useradmin/users?include=Active'
