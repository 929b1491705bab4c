# Contact API's / Add contact: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location 'https://app.callerdesk.io/api/savecontact_v2?authcode=' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --form-string contact_num=98XXXXXX77 \
  --form-string 'contact_name=Ravi Kumar' \
  --form-string contact_email=ravi.kumar@example.com \
  --form-string 'contact_address=Sector 5, Noida'
