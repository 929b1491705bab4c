# Phone Numbers / Update DID: what Postman's runner sends (pmgen, from CarrierX Core API)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
    "attributes": {
        "name": "main line"
    }
}' \
  PATCH https://api.carrierx.com/core/v2/phonenumber/dids/ \
  Content-Type:application/json \
  'Authorization:Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  'Accept:*/*' \
