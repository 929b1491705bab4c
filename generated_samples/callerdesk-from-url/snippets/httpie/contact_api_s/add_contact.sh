#!/usr/bin/env bash
# Contact API's / Add contact: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
set -euo pipefail

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --multipart \
  POST 'https://app.callerdesk.io/api/savecontact_v2?authcode=' \
  'Authorization:Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  'Accept:*/*' \
  contact_num=98XXXXXX77 \
  'contact_name=Ravi Kumar' \
  contact_email=ravi.kumar@example.com \
  'contact_address=Sector 5, Noida' \
