"""Every computed Postman auth type sent for real to an echo server on 127.0.0.1 by the
generated client and by every snippet style, and checked server-side by an independent
implementation (edgegrid-python, botocore, PyJWT, atlassian-jwt-auth, oauthlib, mohawk)
recomputing the signature from what arrived (its timestamp and nonce), byte for byte.

The Python snippets also run under a clock and uuid4 patched in the test's wrapper (the
snippet itself reads `time.time()` and `uuid.uuid4()`): the values that arrive are the
patched ones, so nothing was frozen when the snippet was generated.
"""

from __future__ import annotations

import base64
import calendar
import json
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import atlassian_jwt_auth
import jwt
import mohawk
import pytest
import requests
from akamai.edgegrid import EdgeGridAuth
from botocore import auth as botoauth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from oauthlib.oauth1.rfc5849 import signature as sig

from pmgen.emitters import snippets
from pmgen.importer import load
from pmgen.wire import build_request
from tests.auth.cases import auths, collection, ec_key, public_pem, rsa_key
from tests.client.generated import generate, import_package
from tests.helpers.echo_server import EchoServer, Record

NOW = calendar.timegm((2026, 1, 1, 0, 0, 0))
NONCE = uuid.UUID("4f0d3a51-7a9e-4b5c-9d12-0123456789ab")
CASES = list(auths())
PYTHON_STYLES = sorted(snippets.BLACK_STABLE_STYLES)
SHELL_STYLES = ["curl", "httpie", "wget"]


def _params(name: str) -> dict[str, Any]:
    auth = auths()[name]
    return {p["key"]: p["value"] for p in auth[auth["type"]]}


def _headers(record: Record) -> dict[str, str]:
    return {k.lower(): v for k, v in record["headers"]}


def _url(base: str, record: Record) -> str:
    query = record["query"]
    return base + record["path"] + ("?" + query if query is not None else "")


def _body(record: Record) -> bytes:
    return base64.b64decode(record["body_b64"])


def _jwt_key(name: str) -> Any:
    params = _params(name)
    if "secret" in params:
        secret = params["secret"]
        return (
            base64.b64decode(secret) if params.get("isSecretBase64Encoded") else secret
        )
    return public_pem(params["privateKey"])


def _fields(value: str, prefix: str) -> dict[str, str]:
    out = {}
    for item in value.removeprefix(prefix).split(","):
        key, _, val = item.strip().partition("=")
        out[key] = val.strip('"')
    return out


def verify(name: str, record: Record, base: str, *, real_clock: bool) -> dict[str, str]:
    """Recompute the request's auth with an independent library; returns the values the
    signature was made over (timestamp, nonce) for the caller's checks."""
    headers = _headers(record)
    url, body = _url(base, record), _body(record)
    kind = auths()[name]["type"]
    params = _params(name)
    if kind == "edgegrid":

        value = headers["authorization"]
        fields = dict(
            f.split("=", 1) for f in value.removeprefix("EG1-HMAC-SHA256 ").split(";")
        )
        auth = EdgeGridAuth(
            params["clientToken"],
            params["clientSecret"],
            params["accessToken"],
            headers_to_sign=tuple(params["headersToSign"].split(",")),
        )
        # Postman signs the headers the collection sets: X-Trace (x-other is absent)
        prepared = requests.Request(
            record["method"], url, headers={"X-Trace": headers["x-trace"]}, data=body
        ).prepare()
        assert value == auth.ah.make_auth_header(
            prepared, fields["timestamp"], fields["nonce"]
        )
        return {"timestamp": fields["timestamp"], "nonce": fields["nonce"]}
    if kind == "jwt":

        alg = params["algorithm"]
        if params.get("addTokenTo") == "queryParam":
            token = dict(parse_qsl(record["query"]))[params["queryParamKey"]]
            assert "authorization" not in headers
        else:
            prefix = params.get("headerPrefix", "Bearer")
            assert headers["authorization"].startswith(prefix + " ")
            token = headers["authorization"].removeprefix(prefix + " ")
        claims = jwt.decode(token, _jwt_key(name), algorithms=[alg])
        assert claims == json.loads(params["payload"])
        return {}
    if kind == "asap":

        token = headers["authorization"].removeprefix("Bearer ")
        pem = public_pem(params["privateKey"])
        if real_clock:

            class Keys:
                def retrieve(self, kid: Any, **kwargs: Any) -> bytes:
                    assert kid.key_id == params["kid"]
                    return pem

            verifier = atlassian_jwt_auth.JWTAuthVerifier(
                Keys(), subject_should_match_issuer=False
            )
            claims = verifier.verify_jwt(token, params["aud"])
        else:
            options = {"verify_exp": False, "verify_iat": False}
            claims = jwt.decode(
                token, pem, ["RS256"], options=options, audience=params["aud"]
            )
        assert claims["exp"] - claims["iat"] == int(params["exp"])
        assert claims["scope"] == "all" and claims["sub"] == params["sub"]
        return {"timestamp": str(claims["iat"]), "nonce": claims["jti"]}
    if kind == "awsv4":

        query_mode = bool(params.get("addAuthDataToQuery"))
        pairs = parse_qsl(record["query"] or "", keep_blank_values=True)
        stamp = dict(pairs)["X-Amz-Date"] if query_mode else headers["x-amz-date"]
        fixed = time.strptime(stamp, "%Y%m%dT%H%M%SZ")
        moment = __import__("datetime").datetime(*fixed[:6])
        credentials = Credentials(
            params["accessKey"], params["secretKey"], params.get("sessionToken")
        )
        original = botoauth.get_current_datetime
        botoauth.get_current_datetime = lambda: moment
        try:
            if query_mode:
                plain = [(k, v) for k, v in pairs if not k.startswith("X-Amz-")]
                query = "&".join(f"{k}={v}" for k, v in plain)
                target = base + record["path"] + ("?" + query if query else "")
                # presigned: no payload signed (botocore would move a body into the query)
                request = AWSRequest(
                    method=record["method"],
                    url=target,
                    data=b"",
                    headers={"X-Trace": headers["x-trace"]},
                )
                botoauth.S3SigV4QueryAuth(
                    credentials, params["service"], params["region"], expires=86400
                ).add_auth(request)
                theirs = dict(parse_qsl(urlsplit(request.url).query))
                assert theirs["X-Amz-Signature"] == dict(pairs)["X-Amz-Signature"]
            else:
                given = {
                    "X-Trace": headers["x-trace"],
                    "X-Amz-Content-Sha256": headers["x-amz-content-sha256"],
                }
                request = AWSRequest(
                    method=record["method"], url=url, data=body, headers=given
                )
                botoauth.SigV4Auth(
                    credentials, params["service"], params["region"]
                ).add_auth(request)
                assert headers["authorization"] == request.headers["Authorization"]
                assert headers["x-amz-security-token"] == params["sessionToken"]
        finally:
            botoauth.get_current_datetime = original
        return {"timestamp": stamp}
    if kind == "oauth1":

        if params.get("addParamsToHeader"):
            fields = {
                k: unquote(v)
                for k, v in _fields(headers["authorization"], "OAuth ").items()
            }
            assert fields.pop("realm") == params["realm"]
            query = record["query"] or ""
        else:
            assert "authorization" not in headers
            all_pairs = parse_qsl(record["query"], keep_blank_values=True)
            fields = {k: v for k, v in all_pairs if k.startswith("oauth_")}
            query = "&".join(
                p for p in record["query"].split("&") if not p.startswith("oauth_")
            )
        signature = fields.pop("oauth_signature")
        uri = sig.base_string_uri(base + record["path"])
        collected = sig.collect_parameters(uri_query=query, body=list(fields.items()))
        base_string = sig.signature_base_string(
            record["method"], uri, sig.normalize_parameters(collected)
        )

        class Client:
            client_secret = params.get("consumerSecret", "")
            resource_owner_secret = params.get("tokenSecret", "")
            rsa_key = params.get("privateKey")

        method = params["signatureMethod"]
        sign = {
            "HMAC-SHA256": sig.sign_hmac_sha256_with_client,
            "RSA-SHA1": sig.sign_rsa_sha1_with_client,
        }[method]
        assert signature == sign(base_string, Client())
        return {"timestamp": fields["oauth_timestamp"], "nonce": fields["oauth_nonce"]}
    if kind == "hawk":

        credentials = {
            "id": params["authId"],
            "key": params["authKey"],
            "algorithm": "sha256",
        }
        mohawk.Receiver(
            lambda _id: credentials,
            headers["authorization"],
            url,
            record["method"],
            content=body,
            content_type=headers.get("content-type", ""),
            accept_untrusted_content=True,
            timestamp_skew_in_seconds=60 if real_clock else 10**9,
        )
        fields = _fields(headers["authorization"], "Hawk ")
        return {"timestamp": fields["ts"], "nonce": fields["nonce"]}
    raise AssertionError(kind)


@pytest.fixture(scope="module")
def server() -> Iterator[EchoServer]:
    with EchoServer() as s:
        yield s


@pytest.fixture(scope="module")
def client_pkg(
    server: EchoServer, tmp_path_factory: pytest.TempPathFactory
) -> ModuleType:
    out = tmp_path_factory.mktemp("auth-client")
    generate(collection(server.url), out, "auth_cases", reveal=True)
    return import_package(out / "project", "auth_cases")


@pytest.mark.parametrize("name", CASES)
def test_client_signs_every_auth_type(
    name: str, client_pkg: ModuleType, server: EchoServer
) -> None:
    with client_pkg.AuthCases() as client:
        getattr(client, name)()
    record = server.requests[-1]
    assert record["path"] == f"/things/{name}"
    verify(name, record, server.url, real_clock=True)


def test_client_error_names_the_crypto_extra(
    client_pkg: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `cryptography` not installed: its import fails
    monkeypatch.setitem(sys.modules, "cryptography.hazmat.primitives", None)
    with client_pkg.AuthCases() as client:
        with pytest.raises(
            client_pkg.AuthConfigurationError, match=r"auth_cases\[crypto\]"
        ):
            client.jwt_rs256()


@pytest.fixture(scope="module")
def emitted(
    server: EchoServer, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    out = tmp_path_factory.mktemp("auth-snippets")
    source = out / "collection.json"
    source.write_text(json.dumps(collection(server.url)), encoding="utf-8")
    files = snippets.emit(load(str(source)), reveal_secrets=True)
    return dict(files)


def test_every_style_has_a_snippet_for_every_auth_type(emitted: dict[str, str]) -> None:
    index = json.loads(emitted["index.json"])
    for request in index["requests"]:
        assert sorted(request["snippets"]) == sorted(snippets.DEFAULT_STYLES), request[
            "name"
        ]
        assert "notes" not in request


FROZEN_RUN = """
import runpy, sys, time, uuid
time.time = lambda: {now!r}
uuid.uuid4 = lambda: uuid.UUID({nonce!r})
runpy.run_path(sys.argv[1], run_name="__main__")
"""


@pytest.mark.parametrize("style", PYTHON_STYLES)
def test_python_snippets_sign_at_run_time(
    style: str, emitted: dict[str, str], server: EchoServer, tmp_path: Path
) -> None:
    wrapper = FROZEN_RUN.format(now=float(NOW), nonce=str(NONCE))
    for name in CASES:
        script = tmp_path / f"{name}.py"
        script.write_text(emitted[f"{style}/{name}.py"], encoding="utf-8")
        run = subprocess.run(
            [sys.executable, "-c", wrapper, str(script)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert run.returncode == 0, (name, run.stderr[-2000:])
        record = server.requests[-1]
        assert record["path"] == f"/things/{name}", name
        seen = verify(name, record, server.url, real_clock=False)
        # the moment and the randomness are the run's (patched here), not generation's
        if "timestamp" in seen:
            assert seen["timestamp"] in (
                str(NOW),
                "20260101T000000Z",
                "20260101T00:00:00+0000",
            ), (name, seen)
        if "nonce" in seen:
            assert seen["nonce"] in (str(NONCE), NONCE.hex[:11], NONCE.hex[:6]), (
                name,
                seen,
            )


@pytest.mark.parametrize("style", SHELL_STYLES)
def test_shell_snippets_sign_at_run_time(
    style: str, emitted: dict[str, str], server: EchoServer, tmp_path: Path
) -> None:
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    nonces = set()
    for name in CASES:
        script = tmp_path / f"{name}.sh"
        script.write_text(emitted[f"{style}/{name}.sh"], encoding="utf-8")
        run = subprocess.run(
            ["bash", str(script)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=env,
        )
        assert run.returncode == 0, (name, run.stderr[-2000:])
        record = server.requests[-1]
        assert record["path"] == f"/things/{name}", name
        seen = verify(name, record, server.url, real_clock=True)
        nonces.add(seen.get("nonce"))
    assert len(nonces) >= 4  # fresh randomness per run


def test_raw_http_style_says_what_to_set(emitted: dict[str, str]) -> None:
    text = emitted["http/awsv4.http"]
    first = text.splitlines()[0]
    assert first.startswith("# this raw message cannot compute awsv4 auth")
    assert "PMGEN_AUTHORIZATION" in first and "PMGEN_X_AMZ_DATE" in first
    assert "Authorization: {{$processEnv PMGEN_AUTHORIZATION}}" in text


def test_secrets_stay_out_of_snippets(server: EchoServer, tmp_path: Path) -> None:
    source = tmp_path / "collection.json"
    source.write_text(json.dumps(collection(server.url)), encoding="utf-8")
    files = snippets.emit(load(str(source)))
    secrets = [
        "top-secret",
        "c2VjcmV0LXNlY3JldA==",
        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    ]
    secrets += [rsa_key().splitlines()[1], ec_key().splitlines()[1]]
    for path, text in files.items():
        for secret in secrets:
            assert secret not in text, (path, secret[:8])
    assert "os.environ[" in files["python-httpx/edgegrid.py"]


def test_no_style_is_left_out(tmp_path: Path) -> None:
    """Digest over a URL with a run-time value (signed when the program runs), an auth type
    Postman has no handler for (sent without auth) and a wget body without a Content-Type
    (the program says how it differs): each has a program in every style."""
    doc = collection("http://127.0.0.1:9")
    doc["item"] = [
        {
            "name": "digest_dynamic",
            "request": {
                "method": "GET",
                "auth": {
                    "type": "digest",
                    "digest": [
                        {"key": "username", "value": "u"},
                        {"key": "password", "value": "p"},
                        {"key": "realm", "value": "r"},
                        {"key": "nonce", "value": "n"},
                    ],
                },
                "url": "http://127.0.0.1:9/items/{{$guid}}",
            },
        },
        {
            "name": "unknown_auth",
            "request": {
                "method": "GET",
                "auth": {"type": "mystery", "mystery": [{"key": "a", "value": "b"}]},
                "url": "http://127.0.0.1:9/x",
            },
        },
        {
            "name": "wget_untyped_body",
            "request": {
                "method": "POST",
                "url": "http://127.0.0.1:9/x",
                "body": {"mode": "raw", "raw": "plain"},
            },
            # Postman's own Content-Type switched off: it sends none
            "protocolProfileBehavior": {
                "disabledSystemHeaders": {"content-type": True}
            },
        },
    ]
    source = tmp_path / "collection.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    files = snippets.emit(load(str(source)), reveal_secrets=True)
    index = json.loads(files["index.json"])
    for request in index["requests"]:
        assert sorted(request["snippets"]) == sorted(snippets.DEFAULT_STYLES), request
    assert "sign_digest(" in files["python-requests/digest_dynamic.py"]
    assert "Authorization" not in files["curl/unknown_auth.sh"]
    assert "# Note: wget sends a Content-Type" in files["wget/wget_untyped_body.sh"]


FORM_AUTH = {
    "type": "oauth1",
    "oauth1": [
        {"key": "consumerKey", "value": "ck"},
        {"key": "consumerSecret", "value": "cs"},
        {"key": "token", "value": "tk"},
        {"key": "tokenSecret", "value": "ts"},
        {"key": "signatureMethod", "value": "HMAC-SHA512"},
        {"key": "addParamsToHeader", "value": False},
    ],
}


def _form_collection(base_url: str) -> dict[str, Any]:
    doc = collection(base_url)
    doc["item"] = [
        {
            "name": "oauth1_form",
            "request": {
                "method": "POST",
                "auth": FORM_AUTH,
                "url": f"{base_url}/form?q=a+b",
                "body": {
                    "mode": "urlencoded",
                    "urlencoded": [
                        {"key": "status", "value": "Hello Ladies + Gentlemen!"},
                        {"key": "n", "value": "1"},
                    ],
                },
            },
        }
    ]
    return doc


def _verify_form(record: Record, base: str) -> None:
    """OAuth 1 in a form body (POST): the parameters travel in the body, signed with the
    form's own fields and the query (oauthlib recomputes the HMAC-SHA512)."""
    assert "authorization" not in _headers(record)
    pairs = parse_qsl(_body(record).decode(), keep_blank_values=True)
    assert pairs[:2] == [("status", "Hello Ladies + Gentlemen!"), ("n", "1")]
    fields = dict(pairs[2:])
    signature = fields.pop("oauth_signature")
    uri = sig.base_string_uri(base + record["path"])
    collected = sig.collect_parameters(
        uri_query=record["query"], body=[*pairs[:2], *fields.items()]
    )
    base_string = sig.signature_base_string(
        "POST", uri, sig.normalize_parameters(collected)
    )

    class Client:
        client_secret, resource_owner_secret = "cs", "ts"

    assert signature == sig.sign_hmac_sha512_with_client(base_string, Client())


def test_oauth1_form_body_placement_client_and_snippets(tmp_path: Path) -> None:
    with EchoServer() as server:
        doc = _form_collection(server.url)
        generate(doc, tmp_path / "client", "form_cases", reveal=True)
        pkg = import_package(tmp_path / "client" / "project", "form_cases")
        with pkg.Client() as client:
            client.oauth1_form()
        _verify_form(server.requests[-1], server.url)
        source = tmp_path / "collection.json"
        source.write_text(json.dumps(doc), encoding="utf-8")
        files = snippets.emit(load(str(source)), reveal_secrets=True)
        env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
        for style in [*PYTHON_STYLES, *SHELL_STYLES]:
            ext = "py" if style in PYTHON_STYLES else "sh"
            script = tmp_path / f"{style}.{ext}"
            script.write_text(files[f"{style}/oauth1_form.{ext}"], encoding="utf-8")
            command = [sys.executable] if ext == "py" else ["bash"]
            run = subprocess.run(
                [*command, str(script)],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
                env=env,
            )
            assert run.returncode == 0, (style, run.stderr[-2000:])
            _verify_form(server.requests[-1], server.url)


def test_shell_jwt_uses_openssl_where_it_can(emitted: dict[str, str]) -> None:
    """HS/RS/PS tokens and EdgeGrid are signed by openssl (what is fixed is text, the
    rest made at run time); ES (a DER signature to re-encode) and the others by python3.
    """
    for style in SHELL_STYLES:
        for name in ("jwt_hs256", "jwt_hs512_b64_query", "jwt_rs256", "jwt_ps384"):
            text = emitted[f"{style}/{name}.sh"]
            assert "openssl dgst" in text and "python3" not in text, (style, name)
            head = text.split("set -euo pipefail", 1)[0]  # the first comment lines
            assert "is computed by openssl (requires openssl)" in " ".join(head.split())
        assert "python3 -" in emitted[f"{style}/jwt_es256.sh"]
        for name in ("edgegrid", "hawk", "hawk_payload", "awsv4", "oauth1_hmac_sha256"):
            assert "openssl dgst" in emitted[f"{style}/{name}.sh"]
            assert "python3" not in emitted[f"{style}/{name}.sh"]


def test_secrets_from_the_environment_sign_the_same(
    server: EchoServer, tmp_path: Path
) -> None:
    """Without --reveal-secrets every credential comes from an environment variable: the
    Python and shell programs read them when they run and sign with them."""
    source = tmp_path / "collection.json"
    source.write_text(json.dumps(collection(server.url)), encoding="utf-8")
    loaded = load(str(source))
    files = snippets.emit(loaded)
    path = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    for op in loaded.operations():
        name = op.name
        # each request's own values (requests of one auth type share the variable names)
        env = {
            **path,
            **{k: s.value for k, s in build_request(loaded, op).secrets.items()},
        }
        for style, command in (("python-httpx", sys.executable), ("curl", "bash")):
            ext = "py" if style.startswith("python") else "sh"
            script = tmp_path / f"{style}-{name}.{ext}"
            script.write_text(files[f"{style}/{name}.{ext}"], encoding="utf-8")
            run = subprocess.run(
                [command, str(script)],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
                env=env,
            )
            assert run.returncode == 0, (style, name, run.stderr[-2000:])
            verify(name, server.requests[-1], server.url, real_clock=True)
