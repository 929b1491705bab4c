# Events / Send message event with media: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)

http --ignore-stdin --print=hb \
  --follow --max-redirects=10 \
  --raw='{
    "event_type": "send_message",
    "event_id": "'"$(cat /proc/sys/kernel/random/uuid)"'",
    "client_data": {
        "client_id": "107804195",
        "client_display_name": "Alex Example"
    },
    "event_data": {
        "message": {
            "message_id": "'"$(cat /proc/sys/kernel/random/uuid)"'",
            "text": "Photo of the damaged parcel",
            "payload": [
                {
                    "type": "photo",
                    "file_name": "parcel.jpg",
                    "file_url": "https://files.example.com/uploads/parcel.jpg"
                }
            ]
        }
    }
}' \
  POST https://kit-im-eu.voximplant.com/ \
  'Authorization:Bearer '"${PM_JWT_TOKEN?set PM_JWT_TOKEN}" \
  Content-Type:application/json \
  'Accept:*/*' \
