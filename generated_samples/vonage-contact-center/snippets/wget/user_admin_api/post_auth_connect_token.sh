# User Admin API / POST /auth/connect/token: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Content-Type: application/x-www-form-urlencoded' \
  --header='Accept: */*' \
  --body-data='grant_type=client_credentials&client_id=&client_secret='"${PM_SECRET?set PM_SECRET}"'&scope=users%3Aread+users%3Awrite' \
  https://emea.cc.vonage.com/auth/connect/token
