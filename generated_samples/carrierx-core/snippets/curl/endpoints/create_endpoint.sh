# Endpoints / Create Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --location https://api.carrierx.com/core/v2/endpoints \
  --header 'Content-Type: application/json' \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  --data-raw '{
    "name": "my_conf",
    "type": "conference"
}'
