#!/usr/bin/env bash
# Contact API's / Edit contact: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
set -euo pipefail

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --multipart \
  POST 'https://app.callerdesk.io/api/editContact_v2?authcode=' \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
  contact_id=55120 \
  contact_num=98XXXXXX77 \
  'contact_name=Ravi K.' \
