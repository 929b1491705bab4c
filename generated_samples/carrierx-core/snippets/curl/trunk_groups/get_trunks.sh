# Trunk Groups / Get Trunks: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --location https://api.carrierx.com/core/v2/trunk_groups//trunks \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}"
