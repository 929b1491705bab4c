# Trunk Groups / Create Trunk Group: what Postman's runner sends (pmgen, from CarrierX Core API)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
    "name": "New Trunk Group",
    "trunks": [
        {
            "name": "Trunk1",
            "endpoint_sid": ""
        }
    ]
}' \
  POST 'https://api.carrierx.com/core/v2/trunk_groups?with_trunks=true' \
  Content-Type:application/json \
  'Authorization:Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  'Accept:*/*' \
