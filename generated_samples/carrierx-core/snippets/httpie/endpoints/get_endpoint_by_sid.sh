# Endpoints / Get Endpoint by SID: what Postman's runner sends (pmgen, from CarrierX Core API)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  GET https://api.carrierx.com/core/v2/endpoints/ \
  'Authorization:Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  'Accept:*/*' \
