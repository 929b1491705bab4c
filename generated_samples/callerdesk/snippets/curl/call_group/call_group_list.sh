# Call Group / Call Group List: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location 'https://app.callerdesk.io/api/getgrouplist_v2?authcode=' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --form-string current_page=1 \
  --form-string per_page=25
