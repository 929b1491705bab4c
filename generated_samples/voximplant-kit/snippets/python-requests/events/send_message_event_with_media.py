"""Events / Send message event with media: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)."""

import os
import uuid

import requests

url = "https://kit-im-eu.voximplant.com/"
headers = {
    "Authorization": "Bearer " + os.environ["PM_JWT_TOKEN"],
    "Content-Type": "application/json",
}
body = (
    '{\n    "event_type": "send_message",\n    "event_id": "'
    + str(uuid.uuid4())
    + '",\n    "client_data": {\n        "client_id": "107804195",\n        "client_display_name": "Alex Example"\n    },\n    "event_data": {\n        "message": {\n            "message_id": "'
    + str(uuid.uuid4())
    + '",\n            "text": "Photo of the damaged parcel",\n            "payload": [\n                {\n                    "type": "photo",\n                    "file_name": "parcel.jpg",\n                    "file_url": "https://files.example.com/uploads/parcel.jpg"\n                }\n            ]\n        }\n    }\n}'
)
response = requests.post(url, headers=headers, data=body)
print(response.text)
