"""crypto-js shim against hashlib/hmac/base64/binascii and cryptography, over random inputs."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .modhost import ModHost

ALGS = ["MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512"]
HSET = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def host() -> ModHost:
    return ModHost()


def js(value: object) -> str:
    return json.dumps(value)


def wa(data: bytes) -> str:
    """A JS expression building a WordArray of these bytes (through Hex.parse)."""
    return f"CryptoJS.enc.Hex.parse({js(data.hex())})"


@HSET
@given(data=st.binary(max_size=300), alg=st.sampled_from(ALGS))
def test_hash_of_bytes_matches_hashlib(host: ModHost, data: bytes, alg: str) -> None:
    got = host.eval(f"CryptoJS.{alg}({wa(data)}).toString()")
    assert got == hashlib.new(alg.lower(), data).hexdigest()


@HSET
@given(text=st.text(max_size=200), alg=st.sampled_from(ALGS))
def test_hash_of_string_is_of_its_utf8(host: ModHost, text: str, alg: str) -> None:
    # Lone surrogates cannot cross into JS as text; crypto-js would throw on them anyway.
    text = text.encode("utf-8", "replace").decode("utf-8")
    # NUL and astral characters travel to Python as hex, the rest as text: both must agree.
    got = host.eval(f"CryptoJS.{alg}({js(text)}).toString(CryptoJS.enc.Hex)")
    assert got == hashlib.new(alg.lower(), text.encode()).hexdigest()


@HSET
@given(
    key=st.binary(max_size=200),
    msg=st.binary(max_size=300),
    alg=st.sampled_from(ALGS),
    key_as_text=st.booleans(),
)
def test_hmac_matches_python(
    host: ModHost, key: bytes, msg: bytes, alg: str, key_as_text: bool
) -> None:
    if key_as_text:
        text_key = key.decode("latin-1")
        expr = f"CryptoJS.Hmac{alg}({wa(msg)}, {js(text_key)})"
        key = text_key.encode("utf-8")
    else:
        expr = f"CryptoJS.Hmac{alg}({wa(msg)}, {wa(key)})"
    assert (
        host.eval(f"{expr}.toString()") == hmac.new(key, msg, alg.lower()).hexdigest()
    )
    b64 = host.eval(f"CryptoJS.enc.Base64.stringify({expr})")
    assert b64 == base64.b64encode(hmac.new(key, msg, alg.lower()).digest()).decode()


@HSET
@given(chunks=st.lists(st.binary(max_size=50), max_size=6), key=st.text(max_size=30))
def test_progressive_hasher_and_hmac(
    host: ModHost, chunks: list[bytes], key: str
) -> None:
    key = key.encode("utf-8", "replace").decode("utf-8")
    updates = "".join(f".update({wa(c)})" for c in chunks)
    whole = b"".join(chunks)
    got = host.eval(f"CryptoJS.algo.SHA256.create(){updates}.finalize().toString()")
    assert got == hashlib.sha256(whole).hexdigest()
    got = host.eval(
        f"CryptoJS.algo.HMAC.create(CryptoJS.algo.SHA512, {js(key)}){updates}.finalize().toString()"
    )
    assert got == hmac.new(key.encode(), whole, "sha512").hexdigest()


@HSET
@given(data=st.binary(max_size=200))
def test_encoders_round_trip_and_match_python(host: ModHost, data: bytes) -> None:
    host.eval(f"var w = {wa(data)};")
    assert host.eval("w.sigBytes") == len(data)
    assert (
        host.eval("CryptoJS.enc.Base64.stringify(w)") == base64.b64encode(data).decode()
    )
    assert host.eval("CryptoJS.enc.Base64url.stringify(w)") == (
        base64.urlsafe_b64encode(data).decode().rstrip("=")
    )
    # JSON: quickjs-ng cannot return a string holding NUL to Python.
    assert host.json("w.toString(CryptoJS.enc.Latin1)") == data.decode("latin-1")
    for enc, text in [
        ("Base64", base64.b64encode(data).decode()),
        ("Base64url", base64.urlsafe_b64encode(data).decode().rstrip("=")),
        ("Latin1", data.decode("latin-1")),
        ("Hex", data.hex().upper()),
    ]:
        assert (
            host.eval(f"CryptoJS.enc.{enc}.parse({js(text)}).toString()") == data.hex()
        ), enc
    even = data[: len(data) // 2 * 2]
    assert host.json(f"CryptoJS.enc.Utf16LE.stringify({wa(even)})") == even.decode(
        "utf-16-le", "surrogatepass"
    )


@HSET
@given(text=st.text(max_size=100))
def test_utf8_round_trip(host: ModHost, text: str) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")
    assert (
        host.eval(f"CryptoJS.enc.Utf8.parse({js(text)}).toString()")
        == text.encode().hex()
    )
    assert (
        host.json(f"CryptoJS.enc.Utf8.stringify(CryptoJS.enc.Utf8.parse({js(text)}))")
        == text
    )


def test_utf8_stringify_rejects_malformed(host: ModHost) -> None:
    msg = host.eval(
        "try { CryptoJS.enc.Utf8.stringify(CryptoJS.enc.Hex.parse('c328')); 'no error' }"
        " catch (e) { e.message }"
    )
    assert msg == "Malformed UTF-8 data"


@HSET
@given(a=st.binary(max_size=40), b=st.binary(max_size=40))
def test_wordarray_concat_clamp_clone(host: ModHost, a: bytes, b: bytes) -> None:
    got = host.json(
        f"(function () {{ var x = {wa(a)}, c = x.clone(); x.concat({wa(b)});"
        " c.concat(CryptoJS.lib.WordArray.create([0x01020304], 2)); c.clamp();"
        " return [x.toString(), x.sigBytes, c.toString(), c.words.length]; })()"
    )
    assert got == [
        (a + b).hex(),
        len(a + b),
        (a + b"\x01\x02").hex(),
        (len(a) + 2 + 3) // 4,
    ]


def test_wordarray_create_and_random(host: ModHost) -> None:
    assert host.eval(
        "CryptoJS.lib.WordArray.create([0x61626364, 0x65000000], 5).toString()"
    ) == ("6162636465")
    assert host.eval(
        "CryptoJS.lib.WordArray.create(new Uint8Array([1,2,255])).toString()"
    ) == ("0102ff")
    assert host.eval("CryptoJS.lib.WordArray.create([1, 2]).sigBytes") == 8
    r1, r2, n = host.json(
        "(function () { var a = CryptoJS.lib.WordArray.random(16), b = CryptoJS.lib.WordArray.random(16);"
        " return [a.toString(), b.toString(), a.sigBytes]; })()"
    )
    assert n == 16 and len(r1) == 32 and r1 != r2


def test_pbkdf2_matches_hashlib(host: ModHost) -> None:
    got = host.eval(
        "CryptoJS.PBKDF2('password', 'salt', { keySize: 256 / 32, iterations: 1000,"
        " hasher: CryptoJS.algo.SHA1 }).toString()"
    )
    assert got == hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 1000, 32).hex()
    # crypto-js 4.2 defaults: SHA256, 250000 iterations, 128-bit key.
    got = host.eval("CryptoJS.PBKDF2('pw', CryptoJS.enc.Hex.parse('0001')).toString()")
    assert got == hashlib.pbkdf2_hmac("sha256", b"pw", b"\x00\x01", 250000, 16).hex()


def test_pbkdf2_caps_iterations(host: ModHost) -> None:
    msg = host.eval(
        "try { CryptoJS.PBKDF2('p', 's', { iterations: 1e9 }); 'ran' } catch (e) { e.message }"
    )
    assert "iterations" in msg


def _pkcs7(data: bytes) -> bytes:
    n = 16 - len(data) % 16
    return data + bytes([n]) * n


@HSET
@given(
    plain=st.binary(max_size=100),
    key=st.binary(min_size=32, max_size=32),
    iv=st.binary(min_size=16, max_size=16),
)
def test_aes_cbc_pkcs7_with_key_and_iv(
    host: ModHost, plain: bytes, key: bytes, iv: bytes
) -> None:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    want = enc.update(_pkcs7(plain)) + enc.finalize()
    got = host.eval(
        f"CryptoJS.AES.encrypt({wa(plain)}, {wa(key)}, {{ iv: {wa(iv)},"
        " mode: CryptoJS.mode.CBC, padding: CryptoJS.pad.Pkcs7 }).toString()"
    )
    assert got == base64.b64encode(want).decode()
    back = host.eval(
        f"CryptoJS.AES.decrypt({js(base64.b64encode(want).decode())}, {wa(key)},"
        f" {{ iv: {wa(iv)} }}).toString()"
    )
    assert back == plain.hex()


def _evp_bytes_to_key(password: bytes, salt: bytes) -> tuple[bytes, bytes]:
    out, block = b"", b""
    while len(out) < 48:
        block = hashlib.md5(block + password + salt).digest()
        out += block
    return out[:32], out[32:48]


def test_aes_passphrase_is_openssl_compatible(host: ModHost) -> None:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    salt = os.urandom(8)
    key, iv = _evp_bytes_to_key(b"secret pass", salt)
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    blob = b"Salted__" + salt + enc.update(_pkcs7(b"hello world")) + enc.finalize()
    got = host.eval(
        f"CryptoJS.AES.decrypt({js(base64.b64encode(blob).decode())}, 'secret pass')"
        ".toString(CryptoJS.enc.Utf8)"
    )
    assert got == "hello world"
    out = host.eval("CryptoJS.AES.encrypt('round trip', 'pw').toString()")
    raw = base64.b64decode(out)
    assert raw[:8] == b"Salted__"
    key, iv = _evp_bytes_to_key(b"pw", raw[8:16])
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    assert (dec.update(raw[16:]) + dec.finalize())[:10] == b"round trip"


def test_natives_refuse_objects_and_report_errors(host: ModHost) -> None:
    assert host.eval("__native_digest({}, 'x', 'utf8')").startswith("!")
    assert host.eval("__native_digest('nope', 'x', 'utf8')").startswith("!")
    assert host.eval("__native_hmac('sha256', 'zz', 'hex', '', 'hex')").startswith("!")
    # The context stays usable after a failed native.
    assert host.eval("CryptoJS.MD5('').toString()") == hashlib.md5(b"").hexdigest()


def test_strings_with_nul_and_lone_surrogates_hash_correctly(host: ModHost) -> None:
    # quickjs-ng cannot pass such strings to Python as text; they go as hex instead.
    assert host.eval(r"CryptoJS.SHA256('a\u0000b').toString()") == (
        hashlib.sha256(b"a\x00b").hexdigest()
    )
    assert host.eval(r"CryptoJS.HmacSHA1('x', 'k\u0000').toString()") == (
        hmac.new(b"k\x00", b"x", "sha1").hexdigest()
    )
    assert host.eval(r"CryptoJS.MD5('\ud800').toString()") == (
        hashlib.md5("\ufffd".encode()).hexdigest()
    )


@HSET
@given(data=st.binary(max_size=300), bits=st.sampled_from([224, 256, 384, 512]))
def test_keccak_permutation_matches_fips_sha3(
    host: ModHost, data: bytes, bits: int
) -> None:
    # With FIPS 202 padding (0x06) the sponge must equal hashlib's SHA-3; crypto-js's SHA3 is
    # the same sponge with the original Keccak padding byte (0x01).
    got = host.eval(
        f"require('__pmgen_hashes').keccak(require('__pmgen_bytes').hexToBytes('{data.hex()}'), {bits}, 6)"
    )
    assert got == hashlib.new(f"sha3_{bits}", data).hexdigest()


def test_cryptojs_sha3_is_original_keccak(host: ModHost) -> None:
    # Published Keccak-256/-512 digests of the empty string (pre-FIPS padding).
    assert host.eval("CryptoJS.SHA3('', { outputLength: 256 }).toString()") == (
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    )
    assert host.eval("CryptoJS.SHA3('').toString()") == (
        "0eab42de4c3ceb9235fc91acffe746b29c29a8c366b7c60e4e67c466f36a4304"
        "c00fa9caf9d87976ba469bcbe06713b435f091ef2769fb160cdab33d3670680e"
    )
    assert host.eval(
        "CryptoJS.algo.SHA3.create({ outputLength: 256 }).update('').finalize().toString()"
    ) == ("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")


def test_hmac_sha3_construction(host: ModHost) -> None:
    """HmacSHA3 is RFC 2104 over Keccak (block = rate): rebuilt here from the verified sponge."""

    def keccak(data: bytes, bits: int) -> bytes:
        return bytes.fromhex(
            host.eval(
                f"require('__pmgen_hashes').keccak(require('__pmgen_bytes').hexToBytes('{data.hex()}'), {bits}, 1)"
            )
        )

    for bits, key in [(512, b"key"), (256, b"k" * 200)]:
        rate = 200 - bits // 4
        k = keccak(key, bits) if len(key) > rate else key
        k = k.ljust(rate, b"\0")
        inner = keccak(bytes(b ^ 0x36 for b in k) + b"message", bits)
        want = keccak(bytes(b ^ 0x5C for b in k) + inner, bits).hex()
        got = host.eval(
            f"CryptoJS.HmacSHA3('message', CryptoJS.enc.Hex.parse('{key.hex()}'), {{ outputLength: {bits} }}).toString()"
        )
        assert got == want


def test_long_concatenated_strings_reach_the_natives(host: ModHost) -> None:
    """quickjs-ng keeps long concatenations as ropes, which its Python binding cannot convert;
    the shims flatten every string they pass to a native."""
    host.eval(
        "var part = 'x'.repeat(50000); var rope = part + 'yy' + part;"
        " var built = ''; for (var i = 0; i < 20000; i++) built += 'abcdefgh'; 0"
    )
    rope = "x" * 50000 + "yy" + "x" * 50000
    assert (
        host.eval("CryptoJS.SHA256(rope).toString()")
        == hashlib.sha256(rope.encode()).hexdigest()
    )
    assert host.eval("CryptoJS.HmacSHA512(built, rope).toString()") == (
        hmac.new(rope.encode(), b"abcdefgh" * 20000, "sha512").hexdigest()
    )
    assert host.eval("CryptoJS.MD5(CryptoJS.enc.Latin1.parse(built)).toString()") == (
        hashlib.md5(b"abcdefgh" * 20000).hexdigest()
    )
    got = host.json(
        "(function () { var xml = '<r>'; for (var i = 0; i < 3000; i++) xml += '<i>' + i + '</i>';"
        " xml += '</r>'; return xml2Json(xml).r.i.length; })()"
    )
    assert got == 3000
