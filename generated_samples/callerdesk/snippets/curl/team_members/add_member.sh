# Team Members / Add Member: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location 'https://app.callerdesk.io/api/addmember_v2?authcode=&member_name=Asha%20Verma&member_num=98XXXXXX01&access=2&active=1' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --form-string member_email=asha.verma@example.com
