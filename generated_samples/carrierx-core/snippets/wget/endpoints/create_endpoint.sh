# Endpoints / Create Endpoint: what Postman's runner sends (pmgen, from CarrierX Core API)

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Content-Type: application/json' \
  --header='Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  --header='Accept: */*' \
  --body-data='{
    "name": "my_conf",
    "type": "conference"
}' \
  https://api.carrierx.com/core/v2/endpoints
