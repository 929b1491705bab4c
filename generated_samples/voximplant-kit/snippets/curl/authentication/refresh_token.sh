# Authentication / refreshToken: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)
curl --location https://kit-im-eu.voximplant.com/api/v3/botService/refreshToken \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-raw refresh_token="${PM_REFRESH_TOKEN?set PM_REFRESH_TOKEN}"
