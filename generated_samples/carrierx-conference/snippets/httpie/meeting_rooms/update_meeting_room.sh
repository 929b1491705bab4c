# Meeting Rooms / Update Meeting Room: what Postman's runner sends (pmgen, from CarrierX Conference API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
    "name": "Weekly sync"
}' \
  PATCH https://api.carrierx.com/conference/v2/meeting_rooms/ \
  Content-Type:application/json \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
