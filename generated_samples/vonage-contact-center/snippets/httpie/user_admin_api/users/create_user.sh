# User Admin API / users / Create user: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)
# Note: the auth token ({{token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var token=...)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
  "username": "<insert unique username>",
  "name": "<insert users first and last name>",
  "email": "<insert users email>",
  "ssoExternalId": "<insert users external sso Id>",
  "active": true,
  "userAccountConfiguration": {
    "role": "Supervisor",
    "actAsAgent": true,
    "agentConfiguration": {
      "agentDisplayId": "<insert unique agent display Id>",
      "webrtc": false,
      "enforcedDispositionCodes": false,
      "transcribeCalls": false,
      "screenRecording": false,
      "callParking": false,
      "salesCadence": false,
      "outboundAutoanswer": false,
      "inboundAutoanswer": false,
      "outboundWrapUp": 30,
      "backToReadyAfterNoAnswer": 30,
      "backToReadyAfterLineBusy": 30,
      "backToReadyAfterInvalidNumber": 30,
      "backToReadyAfterNetworkIssue": 30,
      "callRatingFrequency": 100,
      "location": "<insert country code such as GB>",
      "telephonyAddress": {
        "telephoneAddress": "<insert telephone number>",
        "outboundTelephonyRegion": "<insert telephony region ID>",
        "nationalDisplay": true,
        "virtualLocation": "<insert country code such as GB>"
      },
      "capacity": {
        "isAgentLevel": false,
        "live": 100,
        "nonLive": 50,
        "semiLive": 50
      },
      "associatedUsers": [
        {
          "username": "<insert VBC Username>",
          "applicationType": "VBC"
        }
      ]
    }
  }
}' \
  POST https://emea.api.newvoicemedia.com/useradmin/users \
  Content-Type:application/json \
  Accept:application/vnd.newvoicemedia.v4+json \
