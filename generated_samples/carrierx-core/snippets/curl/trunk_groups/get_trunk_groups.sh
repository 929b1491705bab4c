# Trunk Groups / Get Trunk Groups: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --location 'https://api.carrierx.com/core/v2/trunk_groups?with_trunks=true&limit=10' \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}"
