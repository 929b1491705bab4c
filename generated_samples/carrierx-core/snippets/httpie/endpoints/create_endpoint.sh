# Endpoints / Create Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
    "name": "my_conf",
    "type": "conference"
}' \
  POST https://api.carrierx.com/core/v2/endpoints \
  Content-Type:application/json \
  'Authorization:Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  'Accept:*/*' \
