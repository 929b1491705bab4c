# Authentication / login: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Accept: */*' \
  --header='Content-Type: application/x-www-form-urlencoded' \
  --body-data=channel_uuid= \
  'https://kit-im-eu.voximplant.com/api/v3/botService/login?domain=YOUR_ACCOUNT_NAME&access_token='"${PM_ACCESS_TOKEN?set PM_ACCESS_TOKEN}"
