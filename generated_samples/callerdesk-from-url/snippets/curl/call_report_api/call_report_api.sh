# Call Report API / Call Report API: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location 'https://app.callerdesk.io/api/call_list_v2?authcode=' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --form-string 'start_date=2024-05-01 00:00:00' \
  --form-string 'end_date=2024-05-02 23:59:59' \
  --form-string per_page=25 \
  --form-string current_page=1
