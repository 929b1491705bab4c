#!/usr/bin/env bash
# Team Members / Get Members List: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
set -euo pipefail

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --multipart \
  POST 'https://app.callerdesk.io/api/getmemberlist_V2?authcode=' \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
  per_page=25 \
  current_page=1 \
