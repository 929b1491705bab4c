# DIDs / Update DID: what Postman's runner sends (pmgen, from CarrierX Conference API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)

wget --quiet --output-document=- --content-on-error \
  --method=PATCH \
  --max-redirect=10 \
  --header='Content-Type: application/json' \
  --header='Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --header='Accept: */*' \
  --body-data='{
    "did_group_sid": ""
}' \
  https://api.carrierx.com/conference/v2/dids/
