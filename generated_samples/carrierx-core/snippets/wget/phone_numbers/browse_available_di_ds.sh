# Phone Numbers / Browse Available DIDs: what Postman's runner sends (pmgen, from CarrierX Core API)

wget --quiet --output-document=- --content-on-error \
  --method=GET \
  --max-redirect=10 \
  --header='Authorization: Bearer '"${PM_BEARER_TOKEN?set PM_BEARER_TOKEN}" \
  --header='Accept: */*' \
  'https://api.carrierx.com/core/v2/phonenumber/available_dids?limit=5'
