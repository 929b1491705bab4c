# Endpoints / Get Endpoints: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --location 'https://api.carrierx.com/core/v2/endpoints?limit=10&offset=0' \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}"
