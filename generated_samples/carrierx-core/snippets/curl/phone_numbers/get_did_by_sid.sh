# Phone Numbers / Get DID by SID: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --location https://api.carrierx.com/core/v2/phonenumber/dids/ \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}"
