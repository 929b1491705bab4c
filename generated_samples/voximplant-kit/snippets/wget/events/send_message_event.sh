# Events / Send message event: what Postman's runner sends (pmgen, from Voximplant Kit custom channel API documentation)

wget --quiet --output-document=- --content-on-error \
  --method=POST \
  --max-redirect=10 \
  --header='Authorization: Bearer '"${PM_JWT_TOKEN?set PM_JWT_TOKEN}" \
  --header='Content-Type: application/json' \
  --header='Accept: */*' \
  --body-data='{
    "event_type": "send_message",
    "event_id": "'"$(cat /proc/sys/kernel/random/uuid)"'",
    "client_data": {
        "client_id": "107804195",
        "client_display_name": "Alex Example",
        "client_phone": "",
        "client_email": "alex@example.com",
        "client_language": "en",
        "utm": {
            "source": "website",
            "campaign": "spring_sale"
        }
    },
    "event_data": {
        "message": {
            "message_id": "'"$(cat /proc/sys/kernel/random/uuid)"'",
            "text": "Hello! I would like to know the status of my order."
        }
    }
}' \
  https://kit-im-eu.voximplant.com/
