#!/usr/bin/env bash
# Team Members / Add Member: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
set -euo pipefail

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --multipart \
  POST 'https://app.callerdesk.io/api/addmember_v2?authcode=&member_name=Asha%20Verma&member_num=98XXXXXX01&access=2&active=1' \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
  member_email=asha.verma@example.com \
