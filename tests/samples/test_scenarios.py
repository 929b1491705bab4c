"""Scenario tests: each installed sample client, driven through a realistic flow (sync and
async) against a recording server on 127.0.0.1; assertions are on what the server got.

The flow programs live in `flows/<api>.py` and run inside the samples venv; the server
answers from the collection's saved examples plus live routes (tokens, new ids) whose
values the assertions then look for in later requests.
"""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path
from urllib.parse import parse_qs, unquote

import pytest

from tests.conftest import REPO
from tests.helpers.echo_server import EchoServer, Record
from tests.samples.conftest import SampleVenv
from tests.samples.scenario_server import (
    Answer,
    ScenarioResponder,
    body_of,
    header,
    json_answer,
)

EXAMPLES = REPO / "examples"
MODES = ["sync", "async"]


def _collection(name: str) -> Path:
    path = EXAMPLES / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def _form(record: Record) -> dict[str, list[str]]:
    return parse_qs(body_of(record).decode(), keep_blank_values=True)


def _query(record: Record) -> dict[str, list[str]]:
    return parse_qs(record["query"] or "", keep_blank_values=True)


def _json(record: Record) -> object:
    return json.loads(body_of(record))


def _multipart(record: Record) -> dict[str, tuple[str | None, bytes]]:
    """Multipart parts by name: (filename, content)."""
    content_type = record["content_type"] or ""
    assert content_type.startswith("multipart/form-data"), content_type
    boundary = content_type.split("boundary=", 1)[1].strip('"').encode()
    parts: dict[str, tuple[str | None, bytes]] = {}
    for chunk in body_of(record).split(b"--" + boundary)[1:]:
        if chunk.startswith(b"--"):
            break
        part = chunk.removeprefix(b"\r\n").removesuffix(
            b"\r\n"
        )  # delimiters' line breaks
        head, _, content = part.partition(b"\r\n\r\n")
        disposition = next(
            line.decode()
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-disposition")
        )
        params = dict(
            p.strip().split("=", 1) for p in disposition.split(";")[1:] if "=" in p
        )
        name = params["name"].strip('"')
        filename = params["filename"].strip('"') if "filename" in params else None
        parts[name] = (filename, content)
    return parts


def _by_path(server: EchoServer, method: str, path_prefix: str) -> list[Record]:
    return [
        r
        for r in server.requests
        if r["method"] == method and unquote(r["path"]).startswith(path_prefix)
    ]


def _run(
    venv: SampleVenv,
    sample: str,
    flow: str,
    mode: str,
    *,
    server: EchoServer,
    check: bool = True,
    **env: str,
) -> dict[str, object]:
    package = venv.install_sample(sample)
    env = {"SERVER_URL": server.url, "SAMPLE_PACKAGE": package, **env}
    return venv.run_flow(flow, mode, env, check=check)


# --- Vonage Contact Center -------------------------------------------------------------


def _vcc_server(token: str) -> EchoServer:
    responder = ScenarioResponder.from_collection(
        _collection("vonage-contact-center.postman_collection.json")
    )
    answer = {"access_token": token, "expires_in": 7200, "token_type": "Bearer"}
    responder.route("POST", "/auth/connect/token", lambda _r: json_answer(answer))
    return EchoServer(responder=responder)


def _run_vcc(
    venv: SampleVenv, mode: str, server: EchoServer, user_id: str, check: bool = True
) -> dict[str, object]:
    return _run(
        venv,
        "vonage-contact-center",
        "vcc",
        mode,
        server=server,
        check=check,
        CLIENT_ID="my-client-id",
        CLIENT_SECRET="my-client-secret",
        USER_ID=user_id,
    )


@pytest.mark.parametrize("mode", MODES)
def test_vcc_token_then_users(mode: str, sample_venv: SampleVenv) -> None:
    token = "vcc-" + secrets.token_hex(8)
    with _vcc_server(token) as server:
        result = _run_vcc(
            sample_venv, mode, server, "e1a8fb69-332b-506c-b77e-8b9abd6332e8"
        )
    token_calls = _by_path(server, "POST", "/auth/connect/token")
    assert len(token_calls) == 1
    form = _form(token_calls[0])
    assert token_calls[0]["content_type"] == "application/x-www-form-urlencoded"
    assert form == {
        "grant_type": ["client_credentials"],
        "client_id": ["my-client-id"],  # from `variables`
        "client_secret": ["my-client-secret"],  # the secret, from its client option
        "scope": ["users:read users:write"],
    }
    assert (
        header(token_calls[0], "Authorization") is None
    )  # the token request is `noauth`
    users = _by_path(server, "GET", "/useradmin/users")
    assert len(users) == 2
    for record in users:
        assert header(record, "Authorization") == f"Bearer {token}"
    assert users[0]["path"] == "/useradmin/users"
    assert _query(users[0])["include"] == ["Active"]
    # `<insert user ID here>` is a path parameter: the given ID replaces the placeholder
    assert users[1]["path"] == "/useradmin/users/e1a8fb69-332b-506c-b77e-8b9abd6332e8"
    assert result["token"] == token
    assert result["user_name"] == "Jo Smith"


def test_vcc_user_id_stays_one_path_segment(sample_venv: SampleVenv) -> None:
    """A path parameter is one segment: a `/` (or space) in the value is percent-encoded,
    so a caller's value cannot reach another route (`../admin`)."""
    with _vcc_server("t") as server:
        _run_vcc(sample_venv, "sync", server, "u 42/../x", check=False)
    paths = [r["path"] for r in _by_path(server, "GET", "/useradmin/users/")]
    assert paths == ["/useradmin/users/u%2042%2F..%2Fx"]


# --- Voximplant Kit --------------------------------------------------------------------


def _jwt(subject: str) -> str:
    def part(value: dict[str, object]) -> str:
        return (
            base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()
        )

    header_part, payload_part = part({"alg": "HS256", "typ": "JWT"}), part(
        {"sub": subject}
    )
    return f"{header_part}.{payload_part}.{secrets.token_hex(16)}"


@pytest.mark.parametrize("mode", MODES)
def test_voximplant_login_then_events(mode: str, sample_venv: SampleVenv) -> None:
    issued: list[tuple[str, str]] = []

    def tokens(_record: Record) -> Answer:
        pair = (_jwt(f"channel-{len(issued)}"), "rt-" + secrets.token_hex(8))
        issued.append(pair)
        return json_answer(
            {
                "success": True,
                "result": {"access_token": pair[0], "refresh_token": pair[1]},
            }
        )

    responder = ScenarioResponder.from_collection(
        _collection("voximplant-kit.postman_collection.json")
    )
    responder.route("POST", "/api/v3/botService/login", tokens, "login")
    responder.route("POST", "/api/v3/botService/refreshToken", tokens, "refresh")
    with EchoServer(responder=responder) as server:
        _run(
            sample_venv,
            "voximplant-kit",
            "voximplant",
            mode,
            server=server,
            CHANNEL_UUID="0f5e7c1a-channel",
            DOMAIN="acme",
            API_TOKEN="api-token-1",
        )
    login = _by_path(server, "POST", "/api/v3/botService/login")
    assert len(login) == 1
    assert _query(login[0]) == {"domain": ["acme"], "access_token": ["api-token-1"]}
    assert _form(login[0]) == {"channel_uuid": ["0f5e7c1a-channel"]}
    events = _by_path(server, "POST", "/0f5e7c1a-channel")
    assert len(events) == 2, responder.hits
    (jwt1, refresh1), (jwt2, _refresh2) = issued
    assert header(events[0], "Authorization") == f"Bearer {jwt1}"
    refresh = _by_path(server, "POST", "/api/v3/botService/refreshToken")
    assert _form(refresh[0]) == {"refresh_token": [refresh1]}
    assert header(events[1], "Authorization") == f"Bearer {jwt2}"  # the refreshed jwt
    event = _json(events[0])
    assert isinstance(event, dict) and event["event_type"] == "send_message"
    assert event["event_id"] and "{{" not in json.dumps(
        event
    )  # `{{$guid}}` generated per call


# --- Webex -----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_webex_room_membership_messages(mode: str, sample_venv: SampleVenv) -> None:
    room_id = "Y2lzY29zcGFyazovL3VzL1JPT00v" + secrets.token_hex(6)
    responder = ScenarioResponder.from_collection(
        _collection("webex-messaging.postman_collection.json")
    )
    responder.route(
        "POST",
        "/v1/rooms",
        lambda _r: json_answer(
            {"id": room_id, "title": "Test Space", "type": "group", "isLocked": False}
        ),
    )
    access_token = "webex-" + secrets.token_hex(8)
    attachment = EXAMPLES / "sample-attachment.txt"
    with EchoServer(responder=responder) as server:
        result = _run(
            sample_venv,
            "webex-messaging",
            "webex",
            mode,
            server=server,
            ACCESS_TOKEN=access_token,
            ATTACHMENT=str(attachment),
        )
    assert result["room_id"] == room_id
    for (
        record
    ) in server.requests:  # hand-written header (Rooms) and collection bearer alike
        assert header(record, "Authorization") == f"Bearer {access_token}", record[
            "path"
        ]
    rooms = _by_path(server, "POST", "/v1/rooms")
    assert _json(rooms[0]) == {"title": "Test Space"}
    memberships = _by_path(server, "POST", "/v1/memberships")
    assert _json(memberships[0]) == {
        "roomId": room_id,
        "personEmail": "tofrench@webex.bot",
        "isModerator": False,
    }
    text, markdown, upload = _by_path(server, "POST", "/v1/messages")
    assert _json(text) == {"roomId": room_id, "text": "Hello World!"}
    assert _json(markdown) == {
        "roomId": room_id,
        "markdown": "This API is really **awesome**\n\n>You bet!",
    }
    parts = _multipart(upload)
    assert parts["roomId"] == (None, room_id.encode())
    assert parts["text"] == (None, b"Here is the file we discussed.")
    assert parts["files"] == ("sample-attachment.txt", attachment.read_bytes())
    listed = _by_path(server, "GET", "/v1/messages")
    assert _query(listed[0]) == {"roomId": [room_id], "max": ["50"]}


# --- CarrierX --------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_carrierx_core_bearer_update_endpoint(
    mode: str, sample_venv: SampleVenv
) -> None:
    responder = ScenarioResponder.from_collection(
        _collection("carrierx-core.postman_collection.json")
    )
    token = "core-" + secrets.token_hex(8)
    with EchoServer(responder=responder) as server:
        _run(
            sample_venv,
            "carrierx-core",
            "carrierx_core",
            mode,
            server=server,
            BEARER_TOKEN=token,
        )
    listed = _by_path(server, "GET", "/core/v2/endpoints")
    assert _query(listed[0]) == {"limit": ["10"], "offset": ["0"]}
    patch = _by_path(server, "PATCH", "/core/v2/endpoints/")
    assert len(patch) == 1
    assert patch[0]["path"] == "/core/v2/endpoints/ep-7%20a"
    assert body_of(patch[0]) and _json(patch[0]) == {"name": "new_name"}
    assert patch[0]["content_type"] == "application/json"
    for record in server.requests:
        assert header(record, "Authorization") == f"Bearer {token}"


def test_carrierx_core_token_from_environment(sample_venv: SampleVenv) -> None:
    """No token argument: the secret comes from `CARRIERX_CORE_BEARER_TOKEN`, never from
    the collection (whose value, the canary, is not in the package)."""
    responder = ScenarioResponder.from_collection(
        _collection("carrierx-core.postman_collection.json")
    )
    token = "env-" + secrets.token_hex(8)
    with EchoServer(responder=responder) as server:
        _run(
            sample_venv,
            "carrierx-core",
            "carrierx_core",
            "sync",
            server=server,
            CARRIERX_CORE_BEARER_TOKEN=token,
        )
    assert [header(r, "Authorization") for r in server.requests] == [
        f"Bearer {token}"
    ] * 2


@pytest.mark.parametrize("mode", MODES)
def test_carrierx_conference_basic_auth(mode: str, sample_venv: SampleVenv) -> None:
    responder = ScenarioResponder.from_collection(
        _collection("carrierx-conference.postman_collection.json")
    )
    with EchoServer(responder=responder) as server:
        _run(
            sample_venv,
            "carrierx-conference",
            "carrierx_conference",
            mode,
            server=server,
            USERNAME="conf-user",
            PASSWORD="p@ss:word",
        )
    expected = "Basic " + base64.b64encode(b"conf-user:p@ss:word").decode()
    assert len(server.requests) == 3, responder.hits
    for record in server.requests:
        assert header(record, "Authorization") == expected
    patch = _by_path(server, "PATCH", "/conference/v2/meeting_rooms/")
    assert patch[0]["path"] == "/conference/v2/meeting_rooms/room-1"


# --- Callerdesk ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("sample", ["callerdesk", "callerdesk-from-url"])
def test_callerdesk_authcode_everywhere(
    mode: str,
    sample: str,
    sample_venv: SampleVenv,
) -> None:
    responder = ScenarioResponder.from_collection(
        _collection("callerdesk.postman_collection.json")
    )
    authcode = "ac-" + secrets.token_hex(6)
    with EchoServer(responder=responder) as server:
        _run(
            sample_venv,
            sample,
            "callerdesk",
            mode,
            server=server,
            AUTHCODE=authcode,
            SECRET_KEY="sk-1",
        )
    assert len(server.requests) == 4, responder.hits
    for record in server.requests:
        assert _query(record)["authcode"] == [authcode], record["path"]
    basic = "Basic " + base64.b64encode(f"{authcode}:sk-1".encode()).decode()
    for record in server.requests:  # collection basic auth reuses the same authcode
        assert header(record, "Authorization") == basic
    add = _by_path(server, "POST", "/api/addmember_v2")[0]
    assert _query(add)["member_name"] == ["Asha Verma"]
    assert _multipart(add) == {"member_email": (None, b"asha@example.com")}
    members = _by_path(server, "POST", "/api/getmemberlist_V2")[0]
    assert (members["content_type"] or "").startswith("multipart/form-data")
    live = _by_path(server, "GET", "/api/live_call_v2")[0]
    assert body_of(live) == b""
    profile = _by_path(server, "POST", "/api/profile_billing_v2")[0]
    assert body_of(profile) == b""
