"""A collection with one request per computed Postman auth type (and keys for them), for
the client and snippet tests."""

from __future__ import annotations

from functools import cache
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa


def _pem(key: Any) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


@cache
def rsa_key() -> str:
    return _pem(rsa.generate_private_key(public_exponent=65537, key_size=2048))


@cache
def ec_key(curve: str = "P-256") -> str:
    curves = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1()}
    return _pem(ec.generate_private_key(curves[curve]))


def public_pem(private_pem: str) -> bytes:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return key.public_key().public_bytes(  # type: ignore[union-attr]
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _auth(kind: str, **params: Any) -> dict[str, Any]:
    return {"type": kind, kind: [{"key": k, "value": v} for k, v in params.items()]}


def auths() -> dict[str, dict[str, Any]]:
    """name -> Postman auth object (secrets inline: reveal mode in tests)."""
    return {
        "edgegrid": _auth(
            "edgegrid",
            clientToken="akab-client-token",
            clientSecret="c2VjcmV0LXNlY3JldA==",
            accessToken="akab-access-token",
            headersToSign="X-Trace,x-other",
        ),
        "jwt_hs256": _auth(
            "jwt",
            algorithm="HS256",
            secret="top-secret",
            payload='{"sub": "42", "name": "Ada", "admin": true, "n": 1.0}',
            header='{"kid": "k1"}',
            addTokenTo="header",
            headerPrefix="Bearer",
        ),
        "jwt_hs512_b64_query": _auth(
            "jwt",
            algorithm="HS512",
            secret="c2VjcmV0LWJ5dGVz",
            isSecretBase64Encoded=True,
            payload='{"scope": "read"}',
            addTokenTo="queryParam",
            queryParamKey="jwt",
        ),
        "jwt_rs256": _auth(
            "jwt",
            algorithm="RS256",
            privateKey=rsa_key(),
            payload='{"iss": "pmgen"}',
            headerPrefix="JWT",
        ),
        "jwt_ps384": _auth(
            "jwt", algorithm="PS384", privateKey=rsa_key(), payload='{"iss": "pmgen"}'
        ),
        "jwt_es256": _auth(
            "jwt", algorithm="ES256", privateKey=ec_key(), payload='{"iss": "pmgen"}'
        ),
        "asap": _auth(
            "asap",
            alg="RS256",
            iss="pmgen-issuer",
            sub="pmgen-subject",
            aud="pmgen-audience",
            kid="pmgen-issuer/key1",
            privateKey=rsa_key(),
            exp="600",
            claims='{"scope": "all"}',
        ),
        "awsv4": _auth(
            "awsv4",
            accessKey="AKIDEXAMPLE",
            secretKey="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            region="eu-west-1",
            service="execute-api",
            sessionToken="session-token",
        ),
        "awsv4_s3_query": _auth(
            "awsv4",
            accessKey="AKIDEXAMPLE",
            secretKey="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            region="us-east-1",
            service="s3",
            addAuthDataToQuery=True,
        ),
        "oauth1_hmac_sha256": _auth(
            "oauth1",
            consumerKey="ck",
            consumerSecret="cs",
            token="tk",
            tokenSecret="ts",
            signatureMethod="HMAC-SHA256",
            addParamsToHeader=True,
            realm="photos",
        ),
        "oauth1_rsa_query": _auth(
            "oauth1",
            consumerKey="ck",
            privateKey=rsa_key(),
            signatureMethod="RSA-SHA1",
            addParamsToHeader=False,
        ),
        "hawk": _auth(
            "hawk",
            authId="dh37fgj492je",
            authKey="werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn",
            algorithm="sha256",
        ),
        "hawk_payload": _auth(
            "hawk",
            authId="dh37fgj492je",
            authKey="werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn",
            algorithm="sha256",
            includePayloadHash=True,
            extraData="app-data: v1",
        ),
    }


def collection(base_url: str) -> dict[str, Any]:
    items = []
    for name, auth in auths().items():
        body = {
            "mode": "raw",
            "raw": '{"hello": "world"}',
            "options": {"raw": {"language": "json"}},
        }
        items.append(
            {
                "name": name,
                "request": {
                    "method": "POST",
                    "auth": auth,
                    "header": [{"key": "X-Trace", "value": "abc  def"}],
                    "url": f"{base_url}/things/{name}?b=2&a=1",
                    "body": body,
                },
            }
        )
    return {
        "info": {
            "name": "Auth Cases",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": items,
    }
