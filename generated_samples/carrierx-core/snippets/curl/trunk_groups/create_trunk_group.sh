# Trunk Groups / Create Trunk Group: what Postman's runner sends (pmgen, from CarrierX Core API)
curl --location 'https://api.carrierx.com/core/v2/trunk_groups?with_trunks=true' \
  --header 'Content-Type: application/json' \
  --header 'Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  --data-raw '{
    "name": "New Trunk Group",
    "trunks": [
        {
            "name": "Trunk1",
            "endpoint_sid": ""
        }
    ]
}'
