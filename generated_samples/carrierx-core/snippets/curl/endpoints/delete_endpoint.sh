# Endpoints / Delete Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --request DELETE --location https://api.carrierx.com/core/v2/endpoints/ \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}"
