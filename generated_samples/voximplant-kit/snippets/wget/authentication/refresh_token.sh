# Authentication / refreshToken: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Content-Type: application/x-www-form-urlencoded' \
  --header='Accept: */*' \
  --body-data=refresh_token="${PM_REFRESH_TOKEN?set PM_REFRESH_TOKEN}" \
  https://kit-im-eu.voximplant.com/api/v3/botService/refreshToken
