# User Admin API / POST /auth/connect/token: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)
curl --location https://emea.cc.vonage.com/auth/connect/token \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-raw 'grant_type=client_credentials&client_id=&client_secret='"${PM_SECRET?set PM_SECRET}"'&scope=users%3Aread+users%3Awrite'
