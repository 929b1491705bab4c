# Authentication / login: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --form \
  POST 'https://kit-im-eu.voximplant.com/api/v3/botService/login?domain=YOUR_ACCOUNT_NAME&access_token='"${PM_ACCESS_TOKEN?set PM_ACCESS_TOKEN}" \
  'Accept:*/*' \
  Content-Type:application/x-www-form-urlencoded \
  channel_uuid= \
