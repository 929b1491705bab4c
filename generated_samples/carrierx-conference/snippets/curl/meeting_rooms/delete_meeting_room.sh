# Meeting Rooms / Delete Meeting Room: what Postman's runner sends (pmgen, from CarrierX Conference API)
# Read from the environment: PM_BASIC_CREDENTIALS (base64 of username:password)
curl --request DELETE --location https://api.carrierx.com/conference/v2/meeting_rooms/ \
  --header 'Authorization: Basic '"${PM_BASIC_CREDENTIALS?set PM_BASIC_CREDENTIALS}"
