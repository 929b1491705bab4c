"""With a time limit set, quickjs-ng refuses calls into Python, so the shims fall back to their
plain-JavaScript digests/HMAC/PBKDF2: results must still equal hashlib/hmac."""

from __future__ import annotations

import hashlib
import hmac
import json

import jwt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .modhost import ModHost

ALGS = ["MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512"]
HSET = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def host() -> ModHost:
    return ModHost(time_limit=5)


def test_natives_are_really_refused(host: ModHost) -> None:
    msg = host.eval(
        "try { __native_digest('md5', '', 'utf8'); 'called' } catch (e) { e.message }"
    )
    assert "time limit" in msg


@HSET
@given(
    data=st.binary(max_size=300), key=st.binary(max_size=150), alg=st.sampled_from(ALGS)
)
def test_js_digests_and_hmacs_match_hashlib(
    host: ModHost, data: bytes, key: bytes, alg: str
) -> None:
    d, k = json.dumps(data.hex()), json.dumps(key.hex())
    got = host.json(
        f"[CryptoJS.{alg}(CryptoJS.enc.Hex.parse({d})).toString(),"
        f" CryptoJS.Hmac{alg}(CryptoJS.enc.Hex.parse({d}), CryptoJS.enc.Hex.parse({k})).toString()]"
    )
    assert got == [
        hashlib.new(alg.lower(), data).hexdigest(),
        hmac.new(key, data, alg.lower()).hexdigest(),
    ]


def test_padding_boundaries(host: ModHost) -> None:
    # Lengths around the 56/64 and 112/128 byte padding boundaries.
    for n in [0, 55, 56, 57, 63, 64, 65, 111, 112, 113, 127, 128, 129, 1000]:
        data = bytes(range(256)) * 4
        data = data[:n]
        for alg in ALGS:
            got = host.eval(
                f"CryptoJS.{alg}(CryptoJS.enc.Hex.parse('{data.hex()}')).toString()"
            )
            assert got == hashlib.new(alg.lower(), data).hexdigest(), (alg, n)


def test_other_users_of_the_fallback(host: ModHost) -> None:
    assert (
        host.eval("CryptoJS.SHA256('h\u00e9llo').toString()")
        == hashlib.sha256("h\u00e9llo".encode()).hexdigest()
    )
    got = host.eval(
        "CryptoJS.PBKDF2('pw', 'salt', { keySize: 8, iterations: 50, hasher: CryptoJS.algo.SHA256 }).toString()"
    )
    assert got == hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 50, 32).hex()
    got = host.await_json(
        "crypto.subtle.importKey('raw', new TextEncoder().encode('k'), { name: 'HMAC', hash: 'SHA-512' }, false, ['sign'])"
        ".then(k => crypto.subtle.sign('HMAC', k, new TextEncoder().encode('m')))"
        ".then(b => Array.from(new Uint8Array(b)).map(x => x.toString(16).padStart(2, '0')).join(''))"
    )
    assert got == hmac.new(b"k", b"m", "sha512").hexdigest()
    tok = host.eval(
        "require('jsrsasign').KJUR.jws.JWS.sign('HS256', {alg: 'HS256'}, {a: 1}, {utf8: 'a-secret-of-at-least-thirty-two-bytes!!'})"
    )
    assert jwt.decode(
        tok, "a-secret-of-at-least-thirty-two-bytes!!", algorithms=["HS256"]
    ) == {"a": 1}
    assert (
        len(host.json("Array.from(crypto.getRandomValues(new Uint8Array(16)))")) == 16
    )
    assert host.eval("require('uuid').v4().length") == 36


def test_time_limit_still_stops_scripts() -> None:
    import quickjs

    host = ModHost(time_limit=0.3)
    with pytest.raises(quickjs.JSException, match="interrupted"):
        host.eval("while (true) {}")
    assert host.eval("CryptoJS.MD5('').toString()") == hashlib.md5(b"").hexdigest()


def test_no_fallback_for_aes_says_why(host: ModHost) -> None:
    msg = host.eval(
        "try { CryptoJS.AES.encrypt('x', CryptoJS.enc.Hex.parse('00'.repeat(16)), { iv: CryptoJS.enc.Hex.parse('00'.repeat(16)) }); '' } catch (e) { e.message }"
    )
    assert "time limit" in msg
