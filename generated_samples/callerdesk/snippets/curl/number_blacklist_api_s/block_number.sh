# Number Blacklist API's / Block Number: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location 'https://app.callerdesk.io/api/block_number?authcode=' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --form-string caller_number=98XXXXXX66
