# Trunk Groups / Create Trunk Group: what Postman's runner sends (pmgen, from CarrierX Core API)

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Content-Type: application/json' \
  --header='Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  --header='Accept: */*' \
  --body-data='{
    "name": "New Trunk Group",
    "trunks": [
        {
            "name": "Trunk1",
            "endpoint_sid": ""
        }
    ]
}' \
  'https://api.carrierx.com/core/v2/trunk_groups?with_trunks=true'
