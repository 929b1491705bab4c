#!/usr/bin/env bash
# Team Members / Update Member: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
set -euo pipefail

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --multipart \
  POST 'https://app.callerdesk.io/api/updatemember_v2?authcode=' \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
  member_id=22259 \
  'member_name=Asha Verma' \
  member_num=98XXXXXX01 \
  member_email=asha.verma@example.com \
  access=1 \
  status=1 \
