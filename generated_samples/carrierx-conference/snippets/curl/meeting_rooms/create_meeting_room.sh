# Meeting Rooms / Create Meeting Room: what Postman's runner sends (pmgen, from CarrierX Conference API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --location https://api.carrierx.com/conference/v2/meeting_rooms \
  --header 'Content-Type: application/json' \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}" \
  --data-raw '{
    "name": "My meeting room",
    "access_codes": [
        {
            "access_code": "<host access code>",
            "role": "host"
        },
        {
            "access_code": "<participant access code>",
            "role": "participant"
        },
        {
            "access_code": "<listener access code>",
            "role": "listener"
        }
    ]
}'
