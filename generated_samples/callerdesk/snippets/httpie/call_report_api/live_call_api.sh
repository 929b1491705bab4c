# Call Report API / Live Call API: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  GET 'https://app.callerdesk.io/api/live_call_v2?authcode=' \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
