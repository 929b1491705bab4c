"""jsrsasign shim: JWS HS* against PyJWT and hmac, RS*/PS*/ES* verified with cryptography."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

from .modhost import ModHost


def b64u_decode(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def host() -> ModHost:
    h = ModHost()
    h.eval(
        "var jsrsasign = require('npm:jsrsasign@11.1.0'); var KJUR = jsrsasign.KJUR,"
        " KEYUTIL = jsrsasign.KEYUTIL;"
    )
    return h


def pem_of(
    key: object, fmt: serialization.PrivateFormat, password: bytes | None = None
) -> str:
    enc = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    return key.private_bytes(serialization.Encoding.PEM, fmt, enc).decode()  # type: ignore[attr-defined]


@pytest.mark.parametrize("bits", ["256", "384", "512"])
def test_hs_jws_matches_pyjwt(host: ModHost, bits: str) -> None:
    secret = "a-very-long-shared-secret-of-64-bytes-for-the-strongest-hs512-alg"
    header = {"alg": f"HS{bits}", "typ": "JWT"}
    payload = {"sub": "1234", "name": "Jos\u00e9", "iat": 1700000000}
    tok = host.eval(
        f"KJUR.jws.JWS.sign('HS{bits}', JSON.stringify({json.dumps(header)}),"
        f" JSON.stringify({json.dumps(payload)}), {{ utf8: {json.dumps(secret)} }})"
    )
    assert jwt.decode(tok, secret, algorithms=[f"HS{bits}"]) == payload
    h64, p64, s64 = tok.split(".")
    assert json.loads(b64u_decode(h64)) == header
    want = hmac.new(secret.encode(), f"{h64}.{p64}".encode(), f"sha{bits}").digest()
    assert b64u_decode(s64) == want


def test_hs_key_string_forms(host: ModHost) -> None:
    """A hex string key is hex; any other string is its raw characters (jsrsasign's rule)."""
    for key_js, key_bytes in [
        ("'616161'", b"aaa"),
        ("'secret!'", b"secret!"),
        ("{ hex: '00ff' }", b"\x00\xff"),
        ("{ b64u: 'AP8' }", b"\x00\xff"),
        ("{ rstr: '\\u00ff' }", b"\xff"),
    ]:
        tok = host.eval(f"KJUR.jws.JWS.sign(null, {{ alg: 'HS256' }}, 'aaa', {key_js})")
        h64, p64, s64 = tok.split(".")
        assert (
            b64u_decode(s64)
            == hmac.new(key_bytes, f"{h64}.{p64}".encode(), "sha256").digest()
        )
        assert b64u_decode(p64) == b"aaa"


@pytest.mark.parametrize(
    "fmt",
    [serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL],
)
@pytest.mark.parametrize("bits", ["256", "384", "512"])
def test_rs_jws_verifies_with_cryptography(
    host: ModHost,
    rsa_key: rsa.RSAPrivateKey,
    fmt: serialization.PrivateFormat,
    bits: str,
) -> None:
    pem = pem_of(rsa_key, fmt)
    payload = {
        "iss": "ik",
        "sub": "u",
        "aud": "account-d.docusign.com",
        "scope": "signature",
    }
    tok = host.eval(
        f"KJUR.jws.JWS.sign('RS{bits}', JSON.stringify({{ typ: 'JWT', alg: 'RS{bits}' }}),"
        f" JSON.stringify({json.dumps(payload)}), KEYUTIL.getKey({json.dumps(pem)}))"
    )
    h64, p64, s64 = tok.split(".")
    digest = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}[
        bits
    ]
    rsa_key.public_key().verify(
        b64u_decode(s64), f"{h64}.{p64}".encode(), padding.PKCS1v15(), digest
    )
    assert (
        jwt.decode(
            tok, rsa_key.public_key(), algorithms=[f"RS{bits}"], audience=payload["aud"]
        )
        == payload
    )
    pub = (
        rsa_key.public_key()
        .public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        .decode()
    )
    assert (
        host.eval(
            f"KJUR.jws.JWS.verify({json.dumps(tok)}, KEYUTIL.getKey({json.dumps(pub)}), ['RS{bits}'])"
        )
        is True
    )
    bad = tok[:-4] + ("AAAA" if not tok.endswith("AAAA") else "BBBB")
    assert (
        host.eval(f"KJUR.jws.JWS.verify({json.dumps(bad)}, {json.dumps(pub)})") is False
    )


def test_encrypted_key_and_ps256(host: ModHost, rsa_key: rsa.RSAPrivateKey) -> None:
    pem = pem_of(rsa_key, serialization.PrivateFormat.PKCS8, b"pass phrase")
    tok = host.eval(
        f"KJUR.jws.JWS.sign('PS256', {{ alg: 'PS256' }}, {{ a: 1 }}, KEYUTIL.getKey({json.dumps(pem)}, 'pass phrase'))"
    )
    h64, p64, s64 = tok.split(".")
    rsa_key.public_key().verify(
        b64u_decode(s64),
        f"{h64}.{p64}".encode(),
        padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
        hashes.SHA256(),
    )
    msg = host.eval(
        f"try {{ KEYUTIL.getKey({json.dumps(pem)}, 'wrong'); '' }} catch (e) {{ e.message }}"
    )
    assert "cannot read the private key" in msg


def test_es256_jws_and_signature_class(host: ModHost) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    pem = pem_of(key, serialization.PrivateFormat.PKCS8)
    tok = host.eval(
        f"KJUR.jws.JWS.sign('ES256', {{ alg: 'ES256' }}, 'data', {json.dumps(pem)})"
    )
    h64, p64, s64 = tok.split(".")
    raw = b64u_decode(s64)
    assert len(raw) == 64
    der = utils.encode_dss_signature(
        int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
    )
    key.public_key().verify(der, f"{h64}.{p64}".encode(), ec.ECDSA(hashes.SHA256()))
    # KJUR.crypto.Signature returns DER for ECDSA, as jsrsasign does.
    sig_hex = host.eval(
        f"(function () {{ var s = new KJUR.crypto.Signature({{ alg: 'SHA256withECDSA' }});"
        f" s.init({json.dumps(pem)}); s.updateString('hello'); return s.sign(); }})()"
    )
    key.public_key().verify(bytes.fromhex(sig_hex), b"hello", ec.ECDSA(hashes.SHA256()))


def test_signature_class_rsa(host: ModHost, rsa_key: rsa.RSAPrivateKey) -> None:
    pem = pem_of(rsa_key, serialization.PrivateFormat.PKCS8)
    sig_hex = host.eval(
        f"(function () {{ var s = new KJUR.crypto.Signature({{ alg: 'SHA256withRSA' }});"
        f" s.init(KEYUTIL.getKey({json.dumps(pem)})); s.updateString('h\u00e9'); return s.sign(); }})()"
    )
    rsa_key.public_key().verify(
        bytes.fromhex(sig_hex), "h\u00e9".encode(), padding.PKCS1v15(), hashes.SHA256()
    )


def test_util_digests_and_mac(host: ModHost) -> None:
    assert (
        host.eval("KJUR.crypto.Util.sha256('h\u00e9llo')")
        == hashlib.sha256("h\u00e9llo".encode()).hexdigest()
    )
    assert host.eval("KJUR.crypto.Util.sha1('')") == hashlib.sha1(b"").hexdigest()
    assert host.eval("KJUR.crypto.Util.md5('a')") == hashlib.md5(b"a").hexdigest()
    assert (
        host.eval("KJUR.crypto.Util.hashHex('00ff', 'sha512')")
        == hashlib.sha512(b"\x00\xff").hexdigest()
    )
    assert (
        host.eval(
            "new KJUR.crypto.MessageDigest({ alg: 'sha384' }).digestString('abc')"
        )
        == hashlib.sha384(b"abc").hexdigest()
    )
    assert (
        host.eval(
            "new KJUR.crypto.Mac({ alg: 'HmacSHA256', pass: { utf8: 'k' } }).doFinalString('m')"
        )
        == hmac.new(b"k", b"m", "sha256").hexdigest()
    )


def test_docusign_pkce_pattern(host: ModHost) -> None:
    """docusign-click: sha256 hex -> bytes -> btoa -> base64url."""
    got = host.eval(
        "(function () { var hex = KJUR.crypto.Util.sha256('verifier');"
        " var raw = String.fromCharCode.apply(null, hex.match(/.{2}/g).map(function (x) { return parseInt(x, 16); }));"
        " return btoa(raw).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, ''); })()"
    )
    assert got == base64.urlsafe_b64encode(
        hashlib.sha256(b"verifier").digest()
    ).decode().rstrip("=")


def test_converters(host: ModHost) -> None:
    s = "h\u00e9llo \U0001f600"
    assert host.eval(f"jsrsasign.utf8tob64u({json.dumps(s)})") == (
        base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")
    )
    assert (
        host.eval(f"jsrsasign.b64utoutf8(jsrsasign.utf8tob64u({json.dumps(s)}))") == s
    )
    assert (
        host.eval("jsrsasign.hextob64('00ff10')")
        == base64.b64encode(b"\x00\xff\x10").decode()
    )
    assert host.eval("jsrsasign.b64tohex('AP8Q')") == "00ff10"
    assert host.eval("jsrsasign.hextob64u('fbff')") == "-_8"
    assert host.eval(f"jsrsasign.utf8tohex({json.dumps(s)})") == s.encode().hex()
    assert host.eval("jsrsasign.b64utob64('-_8')") == "+/8="


def test_read_safe_json_and_intdate(host: ModHost) -> None:
    assert host.json("KJUR.jws.JWS.readSafeJSONString('{\"a\": 1}')") == {"a": 1}
    assert host.json(
        "[KJUR.jws.JWS.readSafeJSONString('[1]'), KJUR.jws.JWS.readSafeJSONString('{bad')]"
    ) == [None, None]
    now = int(time.time())
    got = host.json(
        "[KJUR.jws.IntDate.get('now'), KJUR.jws.IntDate.get('now + 1hour'), KJUR.jws.IntDate.get('now + 1day'),"
        " KJUR.jws.IntDate.get('20240315102030Z'), KJUR.jws.IntDate.get('1234')]"
    )
    assert (
        abs(got[0] - now) <= 2 and got[1] - got[0] == 3600 and got[2] - got[0] == 86400
    )
    assert got[3:] == [1710498030, 1234]
    parsed = host.json(
        "KJUR.jws.JWS.parse(KJUR.jws.JWS.sign('HS256', {alg: 'HS256'}, {x: 1}, '6b'))"
    )
    assert parsed["headerObj"] == {"alg": "HS256"} and parsed["payloadObj"] == {"x": 1}


def test_sign_checks_alg_and_key(host: ModHost) -> None:
    msg = host.eval(
        "try { KJUR.jws.JWS.sign('HS256', {alg: 'HS512'}, 'x', '6b'); '' } catch (e) { e.message }"
    )
    assert "doesn't match" in msg
    msg = host.eval("try { KEYUTIL.getKey('not a pem'); '' } catch (e) { e.message }")
    assert "PEM" in msg
