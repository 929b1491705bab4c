#!/usr/bin/env bash
# Messages / Create a Message with a File Attachment: what Postman's runner sends (pmgen, from Webex Messaging - Spaces, Memberships and Messages)
# File paths are relative to the collection's folder: run this from there.
# Note: the auth token ({{access_token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var access_token=...)
set -euo pipefail

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --multipart \
  POST https://webexapis.com/v1/messages \
  'Accept:*/*' \
  roomId= \
  'text=Here is the file we discussed.' \
  'files@sample-attachment.txt;type=text/plain' \
