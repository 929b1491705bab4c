# Meeting Rooms / Get Meeting Room by SID: what Postman's runner sends (pmgen, from CarrierX Conference API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  GET https://api.carrierx.com/conference/v2/meeting_rooms/ \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
