"""Globals: crypto.subtle / getRandomValues / randomUUID against hmac/hashlib, TextEncoder and
TextDecoder against Python's codecs, atob/btoa and Buffer against base64/binascii."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .modhost import ModHost

HSET = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
UUID4 = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
)


@pytest.fixture(scope="module")
def host() -> ModHost:
    return ModHost()


def u8(data: bytes) -> str:
    return f"new Uint8Array({json.dumps(list(data))})"


HEX_OF = "(b => Array.from(new Uint8Array(b)).map(x => x.toString(16).padStart(2, '0')).join(''))"


@HSET
@given(
    key=st.binary(min_size=1, max_size=100),
    msg=st.binary(max_size=200),
    alg=st.sampled_from(["SHA-256", "SHA-384", "SHA-512", "SHA-1"]),
)
def test_subtle_hmac_sign_and_verify(
    host: ModHost, key: bytes, msg: bytes, alg: str
) -> None:
    want = hmac.new(key, msg, alg.replace("-", "").lower()).hexdigest()
    got = host.await_json(
        f"crypto.subtle.importKey('raw', {u8(key)}, {{ name: 'HMAC', hash: {{ name: '{alg}' }} }},"
        f" false, ['sign', 'verify']).then(k => crypto.subtle.sign('HMAC', k, {u8(msg)}.buffer))"
        f".then({HEX_OF})"
    )
    assert got == want
    ok, bad = host.await_json(
        f"crypto.subtle.importKey('raw', {u8(key)}, {{ name: 'HMAC', hash: '{alg}' }}, false,"
        f" ['verify']).then(k => Promise.all([crypto.subtle.verify('HMAC', k,"
        f" {u8(bytes.fromhex(want))}, {u8(msg)}), crypto.subtle.verify({{ name: 'HMAC' }}, k,"
        f" {u8(bytes(len(want) // 2))}, {u8(msg)})]))"
    )
    assert ok is True and bad is False


@HSET
@given(
    data=st.binary(max_size=300),
    alg=st.sampled_from(["SHA-1", "SHA-256", "SHA-384", "SHA-512"]),
)
def test_subtle_digest(host: ModHost, data: bytes, alg: str) -> None:
    got = host.await_json(f"crypto.subtle.digest('{alg}', {u8(data)}).then({HEX_OF})")
    assert got == hashlib.new(alg.replace("-", "").lower(), data).hexdigest()


def test_binance_style_signature(host: ModHost) -> None:
    """The exact calls Binance's collection-level script makes (TextEncoder + subtle HMAC)."""
    query = "symbol=BTCUSDT&timestamp=1700000000000"
    got = host.await_json(
        "(async () => { const enc = new TextEncoder();"
        " const key = await crypto.subtle.importKey('raw', enc.encode('s3cret'),"
        " { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);"
        f" const sig = await crypto.subtle.sign('HMAC', key, enc.encode({json.dumps(query)}));"
        " return Array.from(new Uint8Array(sig)).map(b => b.toString(16).padStart(2, '0')).join(''); })()"
    )
    assert got == hmac.new(b"s3cret", query.encode(), "sha256").hexdigest()


def test_subtle_errors_reject(host: ModHost) -> None:
    with pytest.raises(RuntimeError, match="NotSupportedError|Unrecognized"):
        host.await_json("crypto.subtle.digest('MD5', new Uint8Array(1))")
    with pytest.raises(RuntimeError, match="does not allow sign"):
        host.await_json(
            "crypto.subtle.importKey('raw', new Uint8Array(4), { name: 'HMAC', hash: 'SHA-256' },"
            " false, ['verify']).then(k => crypto.subtle.sign('HMAC', k, new Uint8Array(1)))"
        )


def test_subtle_export_and_generate(host: ModHost) -> None:
    got = host.await_json(
        "crypto.subtle.importKey('raw', new Uint8Array([1,2,3]), { name: 'HMAC', hash: 'SHA-256' },"
        " true, ['sign']).then(k => crypto.subtle.exportKey('raw', k)).then(b => Array.from(new Uint8Array(b)))"
    )
    assert got == [1, 2, 3]
    algo = host.await_json(
        "crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, false, ['sign']).then(k => k.algorithm)"
    )
    assert algo == {"name": "HMAC", "hash": {"name": "SHA-512"}, "length": 1024}


def test_get_random_values_and_uuid(host: ModHost) -> None:
    a, b = host.json(
        "[Array.from(crypto.getRandomValues(new Uint8Array(32))),"
        " Array.from(crypto.getRandomValues(new Uint32Array(4)))]"
    )
    assert len(a) == 32 and len(b) == 4 and len(set(a)) > 1
    ids = host.json("[crypto.randomUUID(), crypto.randomUUID()]")
    assert all(UUID4.match(i) for i in ids) and ids[0] != ids[1]
    msg = host.eval(
        "try { crypto.getRandomValues(new Uint8Array(70000)); '' } catch (e) { e.name }"
    )
    assert msg == "QuotaExceededError"


@HSET
@given(text=st.text(max_size=200))
def test_text_encoder_decoder(host: ModHost, text: str) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")
    assert host.json(
        f"Array.from(new TextEncoder().encode({json.dumps(text)}))"
    ) == list(text.encode())
    assert (
        host.json(
            f"new TextDecoder().decode(new TextEncoder().encode({json.dumps(text)}))"
        )
        == text
    )


@HSET
@given(data=st.binary(max_size=60))
def test_text_decoder_replaces_like_python(host: ModHost, data: bytes) -> None:
    # Python's UTF-8 decoder and WHATWG's both replace each maximal invalid subpart by U+FFFD.
    want = data.decode("utf-8", "replace")
    if want.startswith("\ufeff"):
        want = want[1:]
    assert host.json(f"new TextDecoder('utf-8').decode({u8(data)})") == want


def test_text_decoder_fatal_and_labels(host: ModHost) -> None:
    assert (
        host.eval(
            "try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); 'ok' }"
            " catch (e) { e.name }"
        )
        == "TypeError"
    )
    assert (
        host.eval("try { new TextDecoder('latin1'); 'ok' } catch (e) { e.name }")
        == "RangeError"
    )
    assert host.json(
        "new TextEncoder().encodeInto('h\u00e9llo', new Uint8Array(3))"
    ) == {
        "read": 2,
        "written": 3,
    }


@HSET
@given(data=st.binary(max_size=100))
def test_atob_btoa(host: ModHost, data: bytes) -> None:
    latin = data.decode("latin-1")
    assert host.eval(f"btoa({json.dumps(latin)})") == base64.b64encode(data).decode()
    assert host.json(f"atob({json.dumps(base64.b64encode(data).decode())})") == latin


def test_atob_btoa_are_lenient_like_postman(host: ModHost) -> None:
    # Postman's btoa keeps each character's low byte; atob skips stray characters.
    assert host.eval("btoa('\u0100A')") == base64.b64encode(b"\x00A").decode()
    assert host.eval("atob('aGV sbG8')") == "hello"
    assert host.eval("require('btoa')('hi') + require('atob')('aGk=')") == "aGk=hi"


@HSET
@given(data=st.binary(max_size=100))
def test_buffer_encodings(host: ModHost, data: bytes) -> None:
    b = f"Buffer.from({json.dumps(list(data))})"
    assert host.eval(f"{b}.toString('hex')") == data.hex()
    assert host.eval(f"{b}.toString('base64')") == base64.b64encode(data).decode()
    assert host.eval(f"{b}.toString('base64url')") == (
        base64.urlsafe_b64encode(data).decode().rstrip("=")
    )
    assert host.json(f"{b}.toString('latin1')") == data.decode("latin-1")
    assert host.json(f"{b}.toString()") == data.decode("utf-8", "replace")
    for enc, text in [
        ("hex", data.hex()),
        ("base64", base64.b64encode(data).decode()),
        ("base64url", base64.urlsafe_b64encode(data).decode()),
        ("latin1", data.decode("latin-1")),
        ("binary", data.decode("latin-1")),
    ]:
        assert host.json(
            f"Array.from(Buffer.from({json.dumps(text)}, '{enc}'))"
        ) == list(data), enc


def test_buffer_api_used_by_collections(host: ModHost) -> None:
    # aps-model-derivative: Buffer.from(id + ':' + secret, 'utf8').toString('base64')
    assert host.eval("Buffer.from('id:s\u00e9cret', 'utf8').toString('base64')") == (
        base64.b64encode("id:s\u00e9cret".encode()).decode()
    )
    # webex-messaging: Buffer.from(id, 'base64').toString().substring(23)
    person = base64.b64encode(b"ciscospark://us/PEOPLE/1234-abcd").decode()
    assert (
        host.eval(f"Buffer.from('{person}', 'base64').toString().substring(23)")
        == "1234-abcd"
    )
    got = host.json(
        "(function () { var a = Buffer.from('ab'), b = Buffer.alloc(2, 'c'), c = Buffer.concat([a, b]);"
        " return [c.toString(), c.length, Buffer.isBuffer(c), c.slice(1, 3).toString(),"
        " a.equals(Buffer.from('ab')), c.toJSON(), Buffer.byteLength('\u00e9'), c.readUInt16BE(0),"
        " require('buffer').Buffer === Buffer]; })()"
    )
    assert got == [
        "abcc",
        4,
        True,
        "bc",
        True,
        {"type": "Buffer", "data": [97, 98, 99, 99]},
        2,
        0x6162,
        True,
    ]


def _der(key: object, private: bool) -> bytes:
    from cryptography.hazmat.primitives import serialization

    if private:
        return key.private_bytes(  # type: ignore[attr-defined]
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    return key.public_key().public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@pytest.mark.parametrize("name", ["RSASSA-PKCS1-v1_5", "RSA-PSS"])
def test_subtle_rsa_sign_verified_by_cryptography(host: ModHost, name: str) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    alg = "{ name: '%s', saltLength: 32 }" % name if name == "RSA-PSS" else f"'{name}'"
    sig = host.await_json(
        f"crypto.subtle.importKey('pkcs8', {u8(_der(key, True))}, {{ name: '{name}', hash: 'SHA-256' }},"
        f" false, ['sign']).then(k => crypto.subtle.sign({alg}, k, new TextEncoder().encode('payload')))"
        f".then({HEX_OF})"
    )
    pad = (
        padding.PKCS1v15()
        if name == "RSASSA-PKCS1-v1_5"
        else padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
    )
    key.public_key().verify(bytes.fromhex(sig), b"payload", pad, hashes.SHA256())
    ok = host.await_json(
        f"crypto.subtle.importKey('spki', {u8(_der(key, False))}, {{ name: '{name}', hash: 'SHA-256' }},"
        f" false, ['verify']).then(k => Promise.all([crypto.subtle.verify({alg}, k, {u8(bytes.fromhex(sig))},"
        f" new TextEncoder().encode('payload')), crypto.subtle.verify({alg}, k, {u8(bytes.fromhex(sig))},"
        " new TextEncoder().encode('other'))]))"
    )
    assert ok == [True, False]


def test_subtle_ecdsa_p256(host: ModHost) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, utils

    key = ec.generate_private_key(ec.SECP256R1())
    sig = host.await_json(
        f"crypto.subtle.importKey('pkcs8', {u8(_der(key, True))}, {{ name: 'ECDSA', namedCurve: 'P-256' }},"
        " false, ['sign']).then(k => crypto.subtle.sign({ name: 'ECDSA', hash: { name: 'SHA-256' } }, k,"
        f" new TextEncoder().encode('payload'))).then({HEX_OF})"
    )
    raw = bytes.fromhex(sig)
    assert len(raw) == 64  # WebCrypto's IEEE P1363 r||s
    der = utils.encode_dss_signature(
        int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
    )
    key.public_key().verify(der, b"payload", ec.ECDSA(hashes.SHA256()))
    with pytest.raises(RuntimeError, match="DataError|does not fit"):
        host.await_json(
            f"crypto.subtle.importKey('pkcs8', {u8(_der(key, True))}, {{ name: 'RSA-PSS', hash: 'SHA-256' }},"
            " false, ['sign'])"
        )
