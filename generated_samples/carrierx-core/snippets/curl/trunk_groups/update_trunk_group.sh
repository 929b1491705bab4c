# Trunk Groups / Update Trunk Group: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --request PATCH --location https://api.carrierx.com/core/v2/trunk_groups/ \
  --header 'Content-Type: application/json' \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  --data-raw '{
    "name": "TrunkGroup4",
    "routing_type": "failover"
}'
