# Call Group / Create Call Group: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location 'https://app.callerdesk.io/api/createcallgroup?authcode=' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --form-string group_name=Sales \
  --form-string deskphone_id=1451 \
  --form-string 'group_owner_name=Asha Verma' \
  --form-string 'group_extn=*2001'
