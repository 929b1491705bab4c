"""User Admin API / users / Create user: what Postman's runner sends (pmgen, from Vonage Contact Center APIs)."""

# Note: the auth token ({{token}}) is empty in the collection: Postman then sends no Authorization header, nor does this (regenerate with --var token=...)
import requests

url = "https://emea.api.newvoicemedia.com/useradmin/users"
headers = {
    "Content-Type": "application/json",
    "Accept": "application/vnd.newvoicemedia.v4+json",
}
body = '{\n  "username": "<insert unique username>",\n  "name": "<insert users first and last name>",\n  "email": "<insert users email>",\n  "ssoExternalId": "<insert users external sso Id>",\n  "active": true,\n  "userAccountConfiguration": {\n    "role": "Supervisor",\n    "actAsAgent": true,\n    "agentConfiguration": {\n      "agentDisplayId": "<insert unique agent display Id>",\n      "webrtc": false,\n      "enforcedDispositionCodes": false,\n      "transcribeCalls": false,\n      "screenRecording": false,\n      "callParking": false,\n      "salesCadence": false,\n      "outboundAutoanswer": false,\n      "inboundAutoanswer": false,\n      "outboundWrapUp": 30,\n      "backToReadyAfterNoAnswer": 30,\n      "backToReadyAfterLineBusy": 30,\n      "backToReadyAfterInvalidNumber": 30,\n      "backToReadyAfterNetworkIssue": 30,\n      "callRatingFrequency": 100,\n      "location": "<insert country code such as GB>",\n      "telephonyAddress": {\n        "telephoneAddress": "<insert telephone number>",\n        "outboundTelephonyRegion": "<insert telephony region ID>",\n        "nationalDisplay": true,\n        "virtualLocation": "<insert country code such as GB>"\n      },\n      "capacity": {\n        "isAgentLevel": false,\n        "live": 100,\n        "nonLive": 50,\n        "semiLive": 50\n      },\n      "associatedUsers": [\n        {\n          "username": "<insert VBC Username>",\n          "applicationType": "VBC"\n        }\n      ]\n    }\n  }\n}'
response = requests.post(url, headers=headers, data=body)
print(response.text)
