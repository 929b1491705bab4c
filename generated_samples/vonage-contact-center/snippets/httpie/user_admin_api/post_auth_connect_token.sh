# User Admin API / POST /auth/connect/token: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --form \
  POST https://emea.cc.vonage.com/auth/connect/token \
  Content-Type:application/x-www-form-urlencoded \
  'Accept:*/*' \
  grant_type=client_credentials \
  client_id= \
  client_secret="${PM_SECRET?set PM_SECRET}" \
  'scope=users:read users:write' \
