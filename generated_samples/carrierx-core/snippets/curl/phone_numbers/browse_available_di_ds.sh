# Phone Numbers / Browse Available DIDs: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --location 'https://api.carrierx.com/core/v2/phonenumber/available_dids?limit=5' \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}"
