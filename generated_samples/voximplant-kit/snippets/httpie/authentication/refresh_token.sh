# Authentication / refreshToken: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --form \
  POST https://kit-im-eu.voximplant.com/api/v3/botService/refreshToken \
  Content-Type:application/x-www-form-urlencoded \
  'Accept:*/*' \
  refresh_token="${PM_REFRESH_TOKEN?set PM_REFRESH_TOKEN}" \
