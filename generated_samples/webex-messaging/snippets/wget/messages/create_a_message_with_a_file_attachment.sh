#!/usr/bin/env bash
# Messages / Create a Message with a File Attachment: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)
# File paths are relative to the collection's folder: run this from there.
# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
set -euo pipefail

# wget has no multipart option: build the body (as Postman lays it out) in a file first.
boundary="--------------------------$RANDOM$RANDOM$RANDOM$RANDOM"
body_file="$(mktemp)"
trap 'rm -f "$body_file"' EXIT
{
  printf -- '--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' "$boundary" roomId
  printf '%s' ''
  printf '\r\n'
  printf -- '--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' "$boundary" text
  printf '%s' 'Here is the file we discussed.'
  printf '\r\n'
  printf -- '--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: %s\r\n\r\n' \
    "$boundary" files sample-attachment.txt text/plain
  cat -- sample-attachment.txt
  printf '\r\n'
  printf -- '--%s--\r\n' "$boundary"
} >"$body_file"

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Accept: */*' \
  --header="Content-Type: multipart/form-data; boundary=$boundary" \
  --body-file="$body_file" \
  https://webexapis.com/v1/messages
