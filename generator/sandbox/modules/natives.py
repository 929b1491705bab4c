"""Python helpers the JavaScript shims call (registered as ``__native_*`` callables).

Every helper takes only str/int/float/bool/None and returns a str. Bytes travel as hex text,
structures as JSON text. None of them touches files, the environment, sockets or Python
objects: a hash helper takes data, never a path. quickjs-ng cannot turn a Python exception
into a JavaScript one (the eval fails with SystemError), so every helper catches its own
errors and returns them as ``"!" + message``; the JS side (``callNative`` in
``__pmgen_bytes``) throws them. Hex results never start with ``!``. Strings going the other
way must be flat (quickjs-ng's binding cannot convert rope strings), which ``callNative``
ensures.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from typing import Any
from xml.parsers import expat

Native = Callable[..., str]

# Caps keep a single native call (which the engine's time limit cannot interrupt) short.
MAX_PBKDF2_ITERATIONS = 1_000_000
MAX_RANDOM_BYTES = 65_536
MAX_XML_CHARS = 20_000_000
MAX_XML_DEPTH = 256
MAX_RSA_BITS = 8192

_HASHES = {
    "md5": "md5",
    "sha1": "sha1",
    "sha224": "sha224",
    "sha256": "sha256",
    "sha384": "sha384",
    "sha512": "sha512",
    "sha3-224": "sha3_224",
    "sha3-256": "sha3_256",
    "sha3-384": "sha3_384",
    "sha3-512": "sha3_512",
}
_SCALARS = (str, int, float, bool, type(None))


class NativeError(Exception):
    """An error whose message the script may see."""


def _native(fn: Callable[..., str]) -> Native:
    @functools.wraps(fn)
    def wrapper(*args: Any) -> str:
        # A script can call a native directly with objects; quickjs hands those over as
        # Python proxies, which must never be touched.
        if not all(isinstance(a, _SCALARS) for a in args):
            return "!native helpers take only strings, numbers and booleans"
        try:
            return fn(*args)
        except NativeError as exc:
            return "!" + str(exc)
        except (ValueError, TypeError, OverflowError, UnicodeError) as exc:
            return f"!{fn.__name__.lstrip('_')}: {exc}"
        # any other failure: never let the engine see a Python error
        except Exception as exc:
            return f"!{fn.__name__.lstrip('_')} failed: {type(exc).__name__}"

    return wrapper


def _bytes(data: Any, enc: Any) -> bytes:
    if not isinstance(data, str):
        raise NativeError("expected a string")
    if enc == "hex":
        return bytes.fromhex(data)
    if enc == "utf8":
        return data.encode("utf-8", "surrogatepass")
    if enc == "latin1":
        return bytes(ord(c) & 0xFF for c in data)
    raise NativeError(f"unknown encoding {enc!r}")


def _hash_name(alg: Any) -> str:
    name = _HASHES.get(str(alg).lower().replace("_", "-"))
    if name is None:
        raise NativeError(f"unsupported hash algorithm {alg!r}")
    return name


def _digest(alg: str, data: str, enc: str) -> str:
    return hashlib.new(_hash_name(alg), _bytes(data, enc)).hexdigest()


def _hmac(alg: str, key: str, key_enc: str, data: str, data_enc: str) -> str:
    return hmac.new(
        _bytes(key, key_enc), _bytes(data, data_enc), _hash_name(alg)
    ).hexdigest()


def _random_hex(n: int) -> str:
    if not isinstance(n, (int, float)) or n < 0 or n > MAX_RANDOM_BYTES:
        raise NativeError(f"random byte count must be 0..{MAX_RANDOM_BYTES}")
    return secrets.token_hex(int(n))


def _pbkdf2(
    alg: str, password_hex: str, salt_hex: str, iterations: int, dklen: int
) -> str:
    iterations = int(iterations)
    dklen = int(dklen)
    if not 1 <= iterations <= MAX_PBKDF2_ITERATIONS:
        raise NativeError(f"PBKDF2 iterations must be 1..{MAX_PBKDF2_ITERATIONS}")
    if not 1 <= dklen <= 4096:
        raise NativeError("PBKDF2 key size must be 1..4096 bytes")
    return hashlib.pbkdf2_hmac(
        _hash_name(alg),
        bytes.fromhex(password_hex),
        bytes.fromhex(salt_hex),
        iterations,
        dklen,
    ).hex()


def _need_cryptography(what: str) -> None:
    try:
        import cryptography  # noqa: F401
    except ImportError:
        raise NativeError(
            f"{what} needs the Python package 'cryptography' (pip install cryptography)"
        ) from None


def _aes(op: str, mode: str, key_hex: str, iv_hex: str, data_hex: str) -> str:
    """Raw AES without padding (the JS side pads): op encrypt/decrypt, mode CBC/ECB/CTR/CFB/OFB."""
    _need_cryptography("AES")
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key = bytes.fromhex(key_hex)
    if len(key) not in (16, 24, 32):
        raise NativeError("AES key must be 128, 192 or 256 bits")
    iv = bytes.fromhex(iv_hex) if iv_hex else b""
    mode_obj: Any
    if mode == "ECB":
        mode_obj = modes.ECB()
    elif mode in ("CBC", "CFB", "OFB", "CTR"):
        if len(iv) != 16:
            raise NativeError("AES IV must be 128 bits")
        # getattr: touching CFB/OFB only when asked avoids cryptography's deprecation warnings.
        mode_obj = getattr(modes, mode)(iv)
    else:
        raise NativeError(f"unsupported AES mode {mode!r}")
    cipher = Cipher(algorithms.AES(key), mode_obj)
    ctx = cipher.encryptor() if op == "encrypt" else cipher.decryptor()
    data = bytes.fromhex(data_hex)
    if mode in ("CBC", "ECB") and len(data) % 16:
        raise NativeError(
            "AES-CBC/ECB data must be a multiple of 16 bytes (use a padding)"
        )
    return (ctx.update(data) + ctx.finalize()).hex()


_RSA_HASH = {
    "256": "SHA256",
    "384": "SHA384",
    "512": "SHA512",
    "1": "SHA1",
    "224": "SHA224",
}


def _load_private_key(pem: str, passphrase: Any) -> Any:
    _need_cryptography("RSA/EC signing (RS256, PS256, ES256)")
    return _cached_private_key(pem, passphrase if isinstance(passphrase, str) else None)


# Loading validates an RSA key (about 30 ms for 2048 bits); a collection signs every request
# with the same key, so the last few loaded keys are kept.
@functools.lru_cache(maxsize=8)
def _cached_private_key(pem: str, passphrase: str | None) -> Any:
    from cryptography.hazmat.primitives import serialization

    password = (
        passphrase.encode("utf-8")
        if isinstance(passphrase, str) and passphrase
        else None
    )
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"), password=password)
    except (ValueError, TypeError) as exc:
        raise NativeError(f"cannot read the private key: {exc}") from None
    _check_size(key)
    return key


def _check_size(key: Any) -> None:
    # Signing with a huge RSA key takes seconds that the engine's limits cannot interrupt.
    if getattr(key, "key_size", 0) > MAX_RSA_BITS:
        raise NativeError(f"keys larger than {MAX_RSA_BITS} bits are refused")


def _load_public_key(pem: str) -> Any:
    _need_cryptography("RSA/EC verification")
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    data = pem.encode("ascii")
    key: Any
    if b"CERTIFICATE" in data:
        key = x509.load_pem_x509_certificate(data).public_key()
    else:
        try:
            key = serialization.load_pem_public_key(data)
        except ValueError:
            return _load_private_key(pem, None).public_key()
    _check_size(key)
    return key


def _sig_parts(alg: str) -> tuple[str, Any]:
    from cryptography.hazmat.primitives import hashes

    kind, bits = alg[:2].upper(), alg[2:]
    if kind not in ("RS", "PS", "ES") or bits not in _RSA_HASH:
        raise NativeError(f"unsupported signature algorithm {alg!r}")
    return kind, getattr(hashes, _RSA_HASH[bits])()


def _pk_sign(alg: str, pem: str, passphrase: Any, data_hex: str) -> str:
    """Sign with a PEM private key: alg RS256/PS256/ES256 style; ES returns raw r||s."""
    key = _load_private_key(pem, passphrase)
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

    kind, digest = _sig_parts(alg)
    data = bytes.fromhex(data_hex)
    if kind in ("RS", "PS"):
        if not isinstance(key, rsa.RSAPrivateKey):
            raise NativeError(f"{alg} needs an RSA private key")
        pad: Any = (
            padding.PKCS1v15()
            if kind == "RS"
            else padding.PSS(mgf=padding.MGF1(digest), salt_length=digest.digest_size)
        )
        return key.sign(data, pad, digest).hex()
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise NativeError(f"{alg} needs an EC private key")
    r, s = utils.decode_dss_signature(key.sign(data, ec.ECDSA(digest)))
    size = (key.curve.key_size + 7) // 8
    return (r.to_bytes(size, "big") + s.to_bytes(size, "big")).hex()


def _pk_verify(alg: str, pem: str, data_hex: str, sig_hex: str) -> str:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

    key = _load_public_key(pem)
    kind, digest = _sig_parts(alg)
    data, sig = bytes.fromhex(data_hex), bytes.fromhex(sig_hex)
    try:
        if kind in ("RS", "PS") and isinstance(key, rsa.RSAPublicKey):
            pad: Any = (
                padding.PKCS1v15()
                if kind == "RS"
                else padding.PSS(
                    mgf=padding.MGF1(digest), salt_length=digest.digest_size
                )
            )
            key.verify(sig, data, pad, digest)
            return "1"
        if kind == "ES" and isinstance(key, ec.EllipticCurvePublicKey):
            size = (key.curve.key_size + 7) // 8
            der = utils.encode_dss_signature(
                int.from_bytes(sig[:size], "big"), int.from_bytes(sig[size:], "big")
            )
            key.verify(der, data, ec.ECDSA(digest))
            return "1"
    except InvalidSignature:
        return "0"
    raise NativeError(f"the key does not fit {alg}")


def _pem_info(pem: str, passphrase: Any) -> str:
    """What kind of key a PEM holds, for KEYUTIL.getKey: JSON {type, private, bits}."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if "PRIVATE KEY" in pem:
        key: Any = _load_private_key(pem, passphrase)
        private = True
    else:
        key = _load_public_key(pem)
        private = False
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        kind = "RSA"
    elif isinstance(key, (ec.EllipticCurvePrivateKey, ec.EllipticCurvePublicKey)):
        kind = "EC"
    else:
        raise NativeError("only RSA and EC keys are supported")
    return json.dumps({"type": kind, "private": private, "bits": key.key_size})


def _xml_parse(text: str) -> str:
    """Parse XML into a JSON tree for the xml2js shim: each element is
    [qualified name, [[attr, value], ...], [child, ...]] and each text run is
    {"t": text, "c": is_cdata}. Names keep their prefixes (xml2js does not resolve
    namespaces). Documents with a DTD are refused, so no entity can expand."""
    if not isinstance(text, str):
        raise NativeError("xml must be a string")
    if len(text) > MAX_XML_CHARS:
        raise NativeError("xml document too large")
    parser = expat.ParserCreate()
    parser.ordered_attributes = True
    root: list[Any] = ["#document", [], []]
    stack: list[list[Any]] = [root]
    in_cdata = [False]

    def start(name: str, attrs: list[str]) -> None:
        if len(stack) > MAX_XML_DEPTH:
            raise NativeError(f"XML nested deeper than {MAX_XML_DEPTH} levels")
        node = [name, [[attrs[i], attrs[i + 1]] for i in range(0, len(attrs), 2)], []]
        stack[-1][2].append(node)
        stack.append(node)

    def end(_name: str) -> None:
        stack.pop()

    def chars(data: str) -> None:
        kids = stack[-1][2]
        if kids and isinstance(kids[-1], dict) and kids[-1]["c"] == in_cdata[0]:
            kids[-1]["t"] += data
        else:
            kids.append({"t": data, "c": in_cdata[0]})

    def doctype(*_args: Any) -> None:
        raise NativeError("XML with a DOCTYPE is refused (no DTDs or entities)")

    def start_cdata() -> None:
        in_cdata[0] = True

    def end_cdata() -> None:
        in_cdata[0] = False

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartCdataSectionHandler = start_cdata
    parser.EndCdataSectionHandler = end_cdata
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise NativeError(f"invalid XML: {exc}") from None
    elements = [k for k in root[2] if isinstance(k, list)]
    if len(elements) != 1:
        raise NativeError("invalid XML: no root element")
    return json.dumps(elements[0], ensure_ascii=False)


def native_functions() -> dict[str, Native]:
    return {
        "__native_digest": _native(_digest),
        "__native_hmac": _native(_hmac),
        "__native_random_hex": _native(_random_hex),
        "__native_pbkdf2": _native(_pbkdf2),
        "__native_aes": _native(_aes),
        "__native_pk_sign": _native(_pk_sign),
        "__native_pk_verify": _native(_pk_verify),
        "__native_pem_info": _native(_pem_info),
        "__native_xml_parse": _native(_xml_parse),
    }
