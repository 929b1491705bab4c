#!/usr/bin/env bash
# Call Group / Create Call Group: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
set -euo pipefail

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --multipart \
  POST 'https://app.callerdesk.io/api/createcallgroup?authcode=' \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
  group_name=Sales \
  deskphone_id=1451 \
  'group_owner_name=Asha Verma' \
  'group_extn=*2001' \
