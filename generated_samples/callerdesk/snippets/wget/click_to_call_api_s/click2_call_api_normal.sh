# Click-to-Call API's / Click2Call API ( Normal ): what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)

wget --quiet --output-document=- --content-on-error \
  --method=GET \
  --max-redirect=10 \
  --header='Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --header='Accept: */*' \
  'https://app.callerdesk.io/api/click_to_call_v2?calling_party_a=98XXXXXX01&calling_party_b=98XXXXXX77&deskphone=08062XXXX81&authcode=&call_from_did=1'
