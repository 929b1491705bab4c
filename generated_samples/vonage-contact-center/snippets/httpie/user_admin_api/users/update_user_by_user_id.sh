# User Admin API / users / Update user by user ID: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)
# Note: the auth token ({{token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var token=...)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
  "name": "<insert users first and last name>",
  "email": "<insert users email>",
  "active": true,
  "userAccountConfiguration": {
    "role": "Agent"
  }
}' \
  PATCH https://emea.api.newvoicemedia.com/useradmin/users/%3Cinsert%20user%20ID%20here%3E \
  Content-Type:application/json \
  Accept:application/vnd.newvoicemedia.v4+json \
