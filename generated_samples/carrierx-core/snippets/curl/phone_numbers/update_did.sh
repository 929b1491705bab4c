# Phone Numbers / Update DID: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --request PATCH --location https://api.carrierx.com/core/v2/phonenumber/dids/ \
  --header 'Content-Type: application/json' \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  --data-raw '{
    "attributes": {
        "name": "main line"
    }
}'
