# DIDs / Update DID: what Postman's runner sends (pmgen, from CarrierX Conference API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --request PATCH --location https://api.carrierx.com/conference/v2/dids/ \
  --header 'Content-Type: application/json' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --data-raw '{
    "did_group_sid": ""
}'
