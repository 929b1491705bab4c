# User Admin API / users / Get users: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)
# Note: the auth token ({{token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var token=...)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  GET 'https://emea.api.newvoicemedia.com/useradmin/users?include=Active' \
  Accept:application/vnd.newvoicemedia.v4+json \
