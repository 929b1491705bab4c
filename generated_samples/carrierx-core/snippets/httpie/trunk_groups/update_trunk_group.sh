# Trunk Groups / Update Trunk Group: what Postman's runner sends (pmgen, from CarrierX Core API)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
    "name": "TrunkGroup4",
    "routing_type": "failover"
}' \
  PATCH https://api.carrierx.com/core/v2/trunk_groups/ \
  Content-Type:application/json \
  'Authorization:Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  'Accept:*/*' \
