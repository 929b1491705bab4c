# Calls / Call Detail Records / Get Call Detail Record by SID: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --location https://api.carrierx.com/core/v2/calls/call_drs/ \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}"
