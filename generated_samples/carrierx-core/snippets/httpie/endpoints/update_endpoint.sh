# Endpoints / Update Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{"name": "new_name"}' \
  PATCH https://api.carrierx.com/core/v2/endpoints/:endpoint_sid \
  Content-Type:application/json \
  'Authorization:Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  'Accept:*/*' \
