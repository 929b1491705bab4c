# Endpoints / Update Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --request PATCH --location https://api.carrierx.com/core/v2/endpoints/:endpoint_sid \
  --header 'Content-Type: application/json' \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  --data-raw '{"name": "new_name"}'
