# Contact API's / Edit contact: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location 'https://app.callerdesk.io/api/editContact_v2?authcode=' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --form-string contact_id=55120 \
  --form-string contact_num=98XXXXXX77 \
  --form-string 'contact_name=Ravi K.'
