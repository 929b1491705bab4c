# Authentication / login: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)
curl --location 'https://kit-im-eu.voximplant.com/api/v3/botService/login?domain=YOUR_ACCOUNT_NAME&access_token='"${PM_ACCESS_TOKEN?set PM_ACCESS_TOKEN}" \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-raw channel_uuid=
