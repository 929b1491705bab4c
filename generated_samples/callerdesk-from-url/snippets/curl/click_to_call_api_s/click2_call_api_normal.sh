# Click-to-Call API's / Click2Call API ( Normal ): what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location 'https://app.callerdesk.io/api/click_to_call_v2?calling_party_a=98XXXXXX01&calling_party_b=98XXXXXX77&deskphone=08062XXXX81&authcode=&call_from_did=1' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}"
