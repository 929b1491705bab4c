"""`pmgen.wire.signing` (the client's `_signing.py`, the snippets' inlined signer)
against independent implementations: same inputs, fixed clock and nonce, identical bytes.

Akamai's `edgegrid-python`, `PyJWT`, `oauthlib`, `mohawk`, `botocore`'s SigV4 signers and
`atlassian-jwt-auth` are test dependencies only. Where a scheme's own layout differs by
design (PyJWT sorts nothing the same way Postman's `jose` does, atlassian-jwt-auth adds
`nbf`), the signature over the same signing input is compared byte for byte and the
whole token is verified by the other library.
"""

from __future__ import annotations

import base64
import calendar
import datetime
import json
import time
import uuid
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import atlassian_jwt_auth
import httpx
import jwt
import mohawk
import pytest
import requests
from akamai.edgegrid import EdgeGridAuth
from botocore import auth as botoauth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from httpx._auth import _DigestAuthChallenge
from mohawk.base import EmptyValue
from oauthlib.oauth1.rfc5849 import signature as sig

from pmgen.wire import signing
from tests.auth.cases import ec_key, public_pem, rsa_key

NOW = calendar.timegm((2026, 1, 1, 0, 0, 0))
NONCE = uuid.UUID("4f0d3a51-7a9e-4b5c-9d12-0123456789ab")


def frozen_clock() -> SimpleNamespace:
    """The `time` the signer sees: its clock stopped at NOW (the process's is untouched)."""
    return SimpleNamespace(
        time=lambda: float(NOW), gmtime=time.gmtime, strftime=time.strftime
    )


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(signing, "time", frozen_clock())
    monkeypatch.setattr(signing, "uuid", SimpleNamespace(uuid4=lambda: NONCE))
    yield


def _header(headers: list[tuple[str, str]], name: str) -> str:
    return next(v for k, v in headers if k.lower() == name.lower())


# ---------------------------------------------------------------- recorded Newman vectors


def test_awsv4_matches_newman_recording_bytes() -> None:
    """Newman's own signatures (../shared/corpus/expected/bruno-awsv4, clock frozen at
    2026-01-01T00:00:00Z): the vector is copied here so the test runs without ../shared.
    """
    params = {
        "accessKey": "newAccessKey",
        "secretKey": "newSecretKey",
        "region": "us-east1",
        "service": "service_name",
        "sessionToken": "sessionToken",
    }
    _, headers, _ = signing.sign_awsv4(
        params, "GET", "http://127.0.0.1:18080/health", [], None, []
    )
    assert _header(headers, "Authorization") == (
        "AWS4-HMAC-SHA256 Credential=newAccessKey/20260101/us-east1/service_name/"
        "aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, "
        "Signature=82802c3a5ddc862b7d0158c79d3d622aabc8a98154c7b926037a3fc887db7b66"
    )
    assert _header(headers, "X-Amz-Date") == "20260101T000000Z"
    assert _header(headers, "X-Amz-Security-Token") == "sessionToken"


# ---------------------------------------------------------------- AWS SigV4 vs botocore


def _botocore_sign(  # noqa: PLR0917 (the request, then the signer)
    auth_class: str,
    method: str,
    url: str,
    headers: dict[str, str],
    body: bytes,
    service: str,
    region: str,
    token: str | None,
    monkeypatch: pytest.MonkeyPatch,
    **kw: Any,
) -> Any:

    fixed = datetime.datetime(2026, 1, 1, 0, 0, 0)
    monkeypatch.setattr(botoauth, "get_current_datetime", lambda: fixed)
    request = AWSRequest(method=method, url=url, data=body, headers=headers)
    signer = getattr(botoauth, auth_class)(
        Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token),
        service,
        region,
        **kw,
    )
    signer.add_auth(request)
    return request


AWS = {
    "accessKey": "AKIDEXAMPLE",
    "secretKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
}


@pytest.mark.parametrize(
    ("method", "url", "body", "token"),
    [
        ("GET", "http://example.amazonaws.com/a/b?z=1&a=2&a=1", b"", None),
        ("POST", "http://example.amazonaws.com/things/1", b'{"x": 1}', "tok/en=="),
        ("PUT", "http://127.0.0.1:8080/x%20y/%C3%A9", b"body", None),
        ("GET", "http://example.amazonaws.com/a/./b/../c//d/?x=%20y&b", b"", None),
    ],
)
def test_awsv4_header_signature_equals_botocore(
    method: str,
    url: str,
    body: bytes,
    token: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    params = {**AWS, "service": "execute-api", "region": "eu-west-1"}
    if token:
        params["sessionToken"] = token
    explicit_headers = [("X-Trace", "a  b"), ("Content-Type", "application/json")]
    _, headers, _ = signing.sign_awsv4(
        params, method, url, explicit_headers, body or None, ["x-trace", "content-type"]
    )
    # botocore signs every header it is given: give it what Postman signed
    given = dict(explicit_headers)
    if body:
        given["X-Amz-Content-Sha256"] = _header(headers, "X-Amz-Content-Sha256")
        assert given["X-Amz-Content-Sha256"] == signing.hashlib.sha256(body).hexdigest()
    request = _botocore_sign(
        "SigV4Auth",
        method,
        url,
        given,
        body,
        "execute-api",
        "eu-west-1",
        token,
        monkeypatch,
    )
    assert _header(headers, "Authorization") == request.headers["Authorization"]
    assert _header(headers, "X-Amz-Date") == request.headers["X-Amz-Date"]


def test_awsv4_s3_header_and_query_equal_botocore(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    params = {**AWS, "service": "s3", "region": "us-east-1"}
    url = "http://bucket.s3.amazonaws.com/key%20name.txt"
    _, headers, _ = signing.sign_awsv4(params, "PUT", url, [], b"data", [])
    request = _botocore_sign(
        "S3SigV4Auth",
        "PUT",
        url,
        {"X-Amz-Content-Sha256": _header(headers, "X-Amz-Content-Sha256")},
        b"data",
        "s3",
        "us-east-1",
        None,
        monkeypatch,
    )
    assert _header(headers, "Authorization") == request.headers["Authorization"]
    # the signature in the query (presigned): aws4's 86400 s for s3, as botocore is told
    signed_url, headers, _ = signing.sign_awsv4(
        {**params, "addAuthDataToQuery": True}, "GET", url, [], None, []
    )
    assert not [h for h in headers if h[0].lower() == "authorization"]
    request = _botocore_sign(
        "S3SigV4QueryAuth",
        "GET",
        url,
        {},
        b"",
        "s3",
        "us-east-1",
        None,
        monkeypatch,
        expires=86400,
    )
    ours = dict(parse_qsl(urlsplit(signed_url).query))
    theirs = dict(parse_qsl(urlsplit(request.url).query))
    assert ours == theirs
    assert ours["X-Amz-Signature"]


# ---------------------------------------------------------------- EdgeGrid vs edgegrid-python


@pytest.mark.parametrize(
    ("method", "url", "body", "max_body"),
    [
        (
            "GET",
            "https://akab-host.luna.akamaiapis.net/papi/v1/groups?b=2&a=1",
            b"",
            "131072",
        ),
        (
            "POST",
            "https://akab-host.luna.akamaiapis.net/ccu/v3/invalidate",
            b'{"objects": [1]}',
            "",
        ),
        ("POST", "http://127.0.0.1:8123/x", b"0123456789" * 20, "64"),
    ],
)
def test_edgegrid_equals_edgegrid_python(
    method: str, url: str, body: bytes, max_body: str
) -> None:

    params = {
        "clientToken": "akab-client-token-xxx",
        "clientSecret": "SOMESECRET/base64+==",
        "accessToken": "akab-access-token-xxx",
        "headersToSign": "X-Test1, x-test2",
        "maxBodySize": max_body,
    }
    headers = [
        ("X-Test1", "one  two "),
        ("X-Test2", "2"),
        ("Content-Type", "application/json"),
    ]
    _, signed, _ = signing.sign_edgegrid(
        params,
        method,
        url,
        headers,
        body or None,
        ["x-test1", "x-test2", "content-type"],
    )
    auth = EdgeGridAuth(
        params["clientToken"],
        params["clientSecret"],
        params["accessToken"],
        headers_to_sign=("X-Test1", "x-test2"),
        max_body=int(max_body or 131072),
    )
    prepared = requests.Request(
        method, url, headers=dict(headers), data=body or None
    ).prepare()
    theirs = auth.ah.make_auth_header(prepared, "20260101T00:00:00+0000", str(NONCE))
    assert _header(signed, "Authorization") == theirs


def test_edgegrid_base_url_and_fixed_nonce() -> None:
    params = {
        "clientToken": "ct",
        "clientSecret": "cs",
        "accessToken": "at",
        "baseURL": "https://akab-real.luna.akamaiapis.net",
        "nonce": "fixed-nonce",
        "timestamp": "20200101T00:00:00+0000",
    }
    _, a, _ = signing.sign_edgegrid(
        params, "GET", "https://127.0.0.1:9/x", [], None, []
    )
    _, b, _ = signing.sign_edgegrid(
        params, "GET", "https://akab-real.luna.akamaiapis.net/x", [], None, []
    )
    assert _header(a, "Authorization") == _header(b, "Authorization")
    assert "nonce=fixed-nonce;" in _header(a, "Authorization")


# ---------------------------------------------------------------- JWT Bearer vs PyJWT


def _jwt_parts(token: str) -> tuple[dict[str, Any], dict[str, Any], bytes]:
    head, body, sig = token.split(".")
    pad = lambda s: s + "=" * (-len(s) % 4)  # noqa: E731
    return (
        json.loads(base64.urlsafe_b64decode(pad(head))),
        json.loads(base64.urlsafe_b64decode(pad(body))),
        base64.urlsafe_b64decode(pad(sig)),
    )


@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512"])
def test_jwt_deterministic_algorithms_equal_pyjwt_bytes(alg: str) -> None:

    payload = {"sub": "42", "name": "Ada", "admin": True, "n": 1}
    params: dict[str, Any] = {
        "algorithm": alg,
        "payload": '{"sub": "42", "name": "Ada", "admin": true, "n": 1.0}',
        "header": '{"alg": "none", "kid": "k1"}',  # alg keeps its place, value replaced
    }
    key: Any
    if alg.startswith("HS"):
        params["secret"] = key = "top-secret"
    else:
        params["privateKey"] = key = rsa_key()
    _, headers, _ = signing.sign_jwt(params, "GET", "http://h/x", [], None, [])
    token = _header(headers, "Authorization").removeprefix("Bearer ")
    theirs = jwt.encode(
        payload,
        key,
        algorithm=alg,
        headers={"typ": None, "kid": "k1"},
        sort_headers=False,
    )
    assert token == theirs


@pytest.mark.parametrize(
    ("alg", "key"),
    [
        ("PS256", "rsa"),
        ("PS384", "rsa"),
        ("PS512", "rsa"),
        ("ES256", "P-256"),
        ("ES384", "P-384"),
        ("ES512", "P-521"),
    ],
)
def test_jwt_randomized_algorithms_verify_with_pyjwt(alg: str, key: str) -> None:

    pem = rsa_key() if key == "rsa" else ec_key(key)
    params = {"algorithm": alg, "privateKey": pem, "payload": '{"iss": "pmgen"}'}
    _, headers, _ = signing.sign_jwt(params, "GET", "http://h/x", [], None, [])
    token = _header(headers, "Authorization").removeprefix("Bearer ")
    assert jwt.decode(token, public_pem(pem), algorithms=[alg]) == {"iss": "pmgen"}
    assert jwt.get_unverified_header(token) == {"alg": alg}
    assert len(_jwt_parts(token)[2]) in (256, 64, 96, 132)  # raw r||s for ES, not DER


def test_jwt_base64_secret_prefix_and_query_placement() -> None:

    params = {
        "algorithm": "HS256",
        "secret": base64.b64encode(b"\x00\xffbinary").decode(),
        "isSecretBase64Encoded": "true",
        "payload": '{"a": 1}',
        "addTokenTo": "queryParam",
        "queryParamKey": "jwt",
    }
    url, headers, _ = signing.sign_jwt(
        params, "GET", "http://h/x?jwt=old&b=1", [], None, []
    )
    assert headers == []
    query = dict(parse_qsl(urlsplit(url).query))
    assert query["b"] == "1"
    assert jwt.decode(query["jwt"], b"\x00\xffbinary", algorithms=["HS256"]) == {"a": 1}
    params = {"algorithm": "HS256", "secret": "s", "headerPrefix": ""}
    _, headers, _ = signing.sign_jwt(
        params, "GET", "http://h/x", [("authorization", "x")], None, []
    )
    assert headers == [("Authorization", jwt.encode({}, "s", headers={"typ": None}))]


# ---------------------------------------------------------------- ASAP vs atlassian-jwt-auth


def test_asap_verifies_with_atlassian_jwt_auth_and_signature_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    pem = rsa_key()
    params = {
        "alg": "RS256",
        "iss": "pmgen-issuer",
        "sub": "pmgen-subject",
        "aud": "pmgen-audience",
        "kid": "pmgen-issuer/key1",
        "privateKey": pem.replace("\n", ""),  # Postman stores the key on one line
        "exp": "600",
        "claims": '{"scope": "all"}',
    }
    _, headers, _ = signing.sign_asap(params, "GET", "http://h/x", [], None, [])
    token = _header(headers, "Authorization").removeprefix("Bearer ")
    head, claims, signature = _jwt_parts(token)
    assert head == {"alg": "RS256", "kid": "pmgen-issuer/key1"}
    assert claims == {
        "scope": "all",
        "iat": NOW,
        "iss": "pmgen-issuer",
        "sub": "pmgen-subject",
        "jti": str(NONCE),
        "aud": "pmgen-audience",
        "exp": NOW + 600,
    }
    # the signature over the same bytes, by PyJWT's RS256
    signing_input = token.rsplit(".", 1)[0].encode()
    rs256 = jwt.algorithms.RSAAlgorithm(jwt.algorithms.RSAAlgorithm.SHA256)
    assert rs256.sign(signing_input, rs256.prepare_key(pem)) == signature

    class Keys:
        def retrieve(self, kid: str, **kwargs: Any) -> bytes:
            assert kid.key_id == "pmgen-issuer/key1"
            return public_pem(pem)

    # ASAP lets a subject differ from its issuer (Postman sends both); the library checks
    # they match unless told
    verifier = atlassian_jwt_auth.JWTAuthVerifier(
        Keys(), subject_should_match_issuer=False
    )
    # the library checks the token against the real clock: sign one now
    monkeypatch.setattr(signing, "time", time)
    _, headers, _ = signing.sign_asap(params, "GET", "http://h/x", [], None, [])
    fresh = _header(headers, "Authorization").removeprefix("Bearer ")
    verified = verifier.verify_jwt(fresh, "pmgen-audience")
    assert verified["sub"] == "pmgen-subject" and verified["scope"] == "all"


def test_asap_data_uri_key() -> None:
    pem = rsa_key()
    der = "".join(pem.strip().splitlines()[1:-1])
    uri = f"data:application/pkcs8;kid=iss%2Fk1;base64,{der}"
    params = {"iss": "iss", "aud": "aud", "kid": "iss/k1", "privateKey": uri}
    _, headers, _ = signing.sign_asap(params, "GET", "http://h/x", [], None, [])

    token = _header(headers, "Authorization").removeprefix("Bearer ")
    options = {"verify_exp": False, "verify_iat": False}  # signed at the frozen clock
    claims = jwt.decode(
        token, public_pem(pem), ["RS256"], options=options, audience="aud"
    )
    assert claims["iss"] == "iss" and claims["sub"] == "iss"


# ---------------------------------------------------------------- OAuth 1 vs oauthlib


def _oauthlib_signature(
    method_name: str,
    http_method: str,
    url: str,
    params: list[tuple[str, str]],
    **keys: str,
) -> str:

    uri = sig.base_string_uri(url)
    normalized = sig.normalize_parameters(
        sig.collect_parameters(
            uri_query=urlsplit(url).query, body=params, exclude_oauth_signature=True
        )
    )
    base = sig.signature_base_string(http_method, uri, normalized)
    if method_name.startswith("HMAC"):

        class Secrets:
            client_secret = keys["consumer_secret"]
            resource_owner_secret = keys.get("token_secret", "")

        fn = {
            "HMAC-SHA1": sig.sign_hmac_sha1_with_client,
            "HMAC-SHA256": sig.sign_hmac_sha256_with_client,
            "HMAC-SHA512": sig.sign_hmac_sha512_with_client,
        }[method_name]
        return str(fn(base, Secrets()))
    if method_name == "PLAINTEXT":
        return str(
            sig.sign_plaintext(keys["consumer_secret"], keys.get("token_secret", ""))
        )
    fn = {
        "RSA-SHA1": sig.sign_rsa_sha1_with_client,
        "RSA-SHA256": sig.sign_rsa_sha256_with_client,
    }
    fn["RSA-SHA512"] = sig.sign_rsa_sha512_with_client

    class Client:
        rsa_key = keys["rsa_key"]

    return str(fn[method_name](base, Client()))


def _oauth_fields(value: str) -> dict[str, str]:

    out = {}
    for item in value.removeprefix("OAuth ").split(","):
        k, _, v = item.partition("=")
        out[k] = unquote(v.strip('"'))
    return out


@pytest.mark.parametrize(
    "method_name",
    [
        "HMAC-SHA1",
        "HMAC-SHA256",
        "HMAC-SHA512",
        "PLAINTEXT",
        "RSA-SHA1",
        "RSA-SHA256",
        "RSA-SHA512",
    ],
)
def test_oauth1_header_signature_equals_oauthlib(method_name: str) -> None:
    params = {
        "consumerKey": "ck",
        "consumerSecret": "c s&",
        "token": "tk",
        "tokenSecret": "t~s",
        "signatureMethod": method_name,
        "privateKey": rsa_key(),
        "addParamsToHeader": True,
        "realm": "Photos here",
        "includeBodyHash": True,
    }
    url = "http://Example.COM:80/r%20v/x?b5=%3D%253D&a3=a&c%40=&a2=r%20b"
    body = b'{"json": true}'
    new_url, headers, new_body = signing.sign_oauth1(
        params, "POST", url, [("Content-Type", "application/json")], body, None
    )
    fields = _oauth_fields(_header(headers, "Authorization"))
    assert fields["realm"] == "Photos here"
    assert fields["oauth_nonce"] == NONCE.hex[:11] and fields["oauth_timestamp"] == str(
        NOW
    )
    oauth = [
        (k, v)
        for k, v in fields.items()
        if k.startswith("oauth_") and k != "oauth_signature"
    ]
    if method_name != "PLAINTEXT":
        algo = method_name.split("-")[1].lower()
        digest = signing.hashlib.new(algo, body).digest()
        assert fields["oauth_body_hash"] == base64.b64encode(digest).decode()
    else:
        assert "oauth_body_hash" not in fields
    expected = _oauthlib_signature(
        method_name,
        "POST",
        new_url,
        oauth,
        consumer_secret="c s&",
        token_secret="t~s",
        rsa_key=rsa_key(),
    )
    assert fields["oauth_signature"] == expected
    assert new_body == body


def test_oauth1_query_and_form_body_placement_equal_oauthlib() -> None:
    params = {
        "consumerKey": "ck",
        "consumerSecret": "cs",
        "signatureMethod": "HMAC-SHA1",
    }
    url, headers, _ = signing.sign_oauth1(
        params, "GET", "http://h.test/p?q=1", [], None, None
    )
    assert headers == []
    query = parse_qsl(urlsplit(url).query)
    oauth = [
        (k, v) for k, v in query if k.startswith("oauth_") and k != "oauth_signature"
    ]
    expected = _oauthlib_signature(
        "HMAC-SHA1", "GET", "http://h.test/p?q=1", oauth, consumer_secret="cs"
    )
    assert dict(query)["oauth_signature"] == expected
    # POST with a form body: the parameters go in the body, the form is signed too
    form = [("Content-Type", "application/x-www-form-urlencoded")]
    url, headers, body = signing.sign_oauth1(
        params, "POST", "http://h.test/p", form, b"a=1+2&b=%21", None
    )
    assert url == "http://h.test/p" and body is not None
    pairs = parse_qsl(body.decode())
    assert pairs[:2] == [("a", "1 2"), ("b", "!")]
    oauth = [(k, v) for k, v in pairs[2:] if k != "oauth_signature"]
    expected = _oauthlib_signature(
        "HMAC-SHA1",
        "POST",
        "http://h.test/p",
        [("a", "1 2"), ("b", "!"), *oauth],
        consumer_secret="cs",
    )
    assert dict(pairs)["oauth_signature"] == expected


# ---------------------------------------------------------------- Hawk vs mohawk


@pytest.mark.parametrize("payload", [False, True])
def test_hawk_verifies_with_mohawk_and_mac_bytes(payload: bool) -> None:

    credentials = {
        "id": "dh37fgj492je",
        "key": "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn",
        "algorithm": "sha256",
    }
    params = {
        "authId": credentials["id"],
        "authKey": credentials["key"],
        "algorithm": "sha256",
        "extraData": "some-app-data",
        "includePayloadHash": payload,
    }
    url = "http://example.com:8000/resource/1?b=1&a=2"
    body = b"Thank you for flying Hawk"
    headers = [("Content-Type", "text/plain; charset=utf-8")]
    _, signed, _ = signing.sign_hawk(params, "POST", url, headers, body, None)
    value = _header(signed, "Authorization")

    sender = mohawk.Sender(
        credentials,
        url,
        "POST",
        content=body if payload else EmptyValue,
        content_type="text/plain; charset=utf-8" if payload else EmptyValue,
        always_hash_content=payload,
        nonce=NONCE.hex[:6],
        ext="some-app-data",
        _timestamp=NOW,
    )
    theirs = dict(
        (k.strip(), v.strip('"'))
        for k, v in (
            p.split("=", 1)
            for p in sender.request_header.removeprefix("Hawk ").split(", ")
        )
    )
    ours = dict(
        (k.strip(), v.strip('"'))
        for k, v in (p.split("=", 1) for p in value.removeprefix("Hawk ").split(", "))
    )
    assert ours == theirs
    receiver_kw: dict[str, Any] = {
        "content": body,
        "content_type": "text/plain; charset=utf-8",
    }
    if not payload:
        receiver_kw["accept_untrusted_content"] = True
    mohawk.Receiver(
        lambda _id: credentials,
        value,
        url,
        "POST",
        timestamp_skew_in_seconds=10**9,  # signed at the frozen clock
        **receiver_kw,
    )


# ---------------------------------------------------------------- Digest vs httpx


@pytest.mark.parametrize(
    ("algorithm", "qop"), [("MD5", "auth"), ("MD5", ""), ("MD5-sess", "auth")]
)
def test_digest_response_equals_httpx(algorithm: str, qop: str) -> None:

    params = {
        "username": "Mufasa",
        "password": "Circle of Life",
        "realm": "http-auth@example.org",
        "nonce": "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
        "opaque": "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
        "algorithm": algorithm,
        "qop": qop,
        "nonceCount": "00000001",
        "clientNonce": "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
    }
    url = "http://www.example.org/dir/index.html?x=1"
    _, headers, _ = signing.sign_digest(params, "GET", url, [], None, None)
    ours = _oauth_fields(
        _header(headers, "Authorization").replace("Digest ", "OAuth ", 1)
    )
    auth = httpx.DigestAuth("Mufasa", "Circle of Life")
    auth._get_client_nonce = lambda count, nonce: params["clientNonce"].encode()  # type: ignore[method-assign]
    challenge = _DigestAuthChallenge(
        params["realm"].encode(),
        params["nonce"].encode(),
        algorithm,
        params["opaque"].encode(),
        qop.encode() or None,
    )
    theirs = auth._build_auth_header(httpx.Request("GET", url), challenge)
    assert ours == _oauth_fields(theirs.replace("Digest ", "OAuth ", 1))


def test_awsv4_email_service_is_signed_as_ses(monkeypatch: pytest.MonkeyPatch) -> None:
    params = {**AWS, "service": "email", "region": "us-east-1"}
    url = "http://email.us-east-1.amazonaws.com/"
    _, headers, _ = signing.sign_awsv4(params, "POST", url, [], b"Action=x", [])
    request = _botocore_sign(
        "SigV4Auth",
        "POST",
        url,
        {"X-Amz-Content-Sha256": _header(headers, "X-Amz-Content-Sha256")},
        b"Action=x",
        "ses",
        "us-east-1",
        None,
        monkeypatch,
    )
    assert _header(headers, "Authorization") == request.headers["Authorization"]
    assert "/us-east-1/ses/aws4_request" in _header(headers, "Authorization")
