#!/usr/bin/env bash
# Number Blacklist API's / Block Number: what Postman's runner sends (pmgen, from Callerdesk API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
set -euo pipefail

# wget has no multipart option: build the body (as Postman lays it out) in a file first.
boundary="--------------------------$RANDOM$RANDOM$RANDOM$RANDOM"
body_file="$(mktemp)"
trap 'rm -f "$body_file"' EXIT
{
  printf -- '--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' "$boundary" caller_number
  printf '%s' 98XXXXXX66
  printf '\r\n'
  printf -- '--%s--\r\n' "$boundary"
} >"$body_file"

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --header='Accept: */*' \
  --header="Content-Type: multipart/form-data; boundary=$boundary" \
  --body-file="$body_file" \
  'https://app.callerdesk.io/api/block_number?authcode='
