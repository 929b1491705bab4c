"""Phone Numbers / Update DID: what Postman's runner sends (pmgen, from CarrierX Core API)."""

import http.client
import os
import urllib.parse

url = "https://api.carrierx.com/core/v2/phonenumber/dids/"
headers = [
    ("Content-Type", "application/json"),
    ("Authorization", "Bearer " + os.environ["PM_BEARER_TOKEN"]),
    ("Accept", "*/*"),
]
body_text = '{\n    "attributes": {\n        "name": "main line"\n    }\n}'
body: bytes | None = body_text.encode("utf-8")


def send(
    method: str, url: str, headers: list[tuple[str, str]], body: bytes | None
) -> http.client.HTTPResponse:
    parts = urllib.parse.urlsplit(url)
    # the path and query exactly as Postman encodes them
    target = url.split(parts.netloc, 1)[1] or "/"
    if parts.scheme == "https":
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.netloc, timeout=None
        )
    else:
        connection = http.client.HTTPConnection(parts.netloc, timeout=None)
    connection.putrequest(method, target, skip_accept_encoding=True)
    for name, value in headers:
        connection.putheader(name, value)
    if body is not None:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    return connection.getresponse()


method = "PATCH"
response = send(method, url, headers, body)
# Follow redirects as Postman does: 301/302/303 go on as GET (HEAD stays HEAD)
# without a body, 307/308 resend the request; a new host gets no Authorization header.
redirects = 0
while response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
    if redirects == 10:
        raise SystemExit("Exceeded maxRedirects (10)")
    redirects += 1
    response.read()
    location = urllib.parse.urljoin(url, response.getheader("Location"))
    if response.status not in (307, 308):
        method = "GET" if method != "HEAD" else method
        body = None
        dropped = ("content-type", "content-length")
        headers = [(n, v) for n, v in headers if n.lower() not in dropped]
    if urllib.parse.urlsplit(location).hostname != urllib.parse.urlsplit(url).hostname:
        headers = [(n, v) for n, v in headers if n.lower() != "authorization"]
    headers = [(n, v) for n, v in headers if n.lower() != "referer"]
    headers.append(("Referer", url))
    url = location
    response = send(method, url, headers, body)
print(response.status, response.reason)
print(response.read().decode("utf-8", "replace"))
