# Team Members / Update Member: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location 'https://app.callerdesk.io/api/updatemember_v2?authcode=' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --form-string member_id=22259 \
  --form-string 'member_name=Asha Verma' \
  --form-string member_num=98XXXXXX01 \
  --form-string member_email=asha.verma@example.com \
  --form-string access=1 \
  --form-string status=1
