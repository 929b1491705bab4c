# Calls / Call Detail Records / Get Call Detail Records: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --location 'https://api.carrierx.com/core/v2/calls/call_drs?limit=1&order=date_stop%20asc&filter=date_stop%20ge%202024-05-01' \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}"
