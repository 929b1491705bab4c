#!/usr/bin/env bash
# Call Report API / Call Report API: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
set -euo pipefail

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --multipart \
  POST 'https://app.callerdesk.io/api/call_list_v2?authcode=' \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
  'start_date=2024-05-01 00:00:00' \
  'end_date=2024-05-02 23:59:59' \
  per_page=25 \
  current_page=1 \
