"""Postman's per-request auth signatures, as its runner computes them.

Standard library only (the asymmetric JWT/ASAP/OAuth 1 RSA algorithms load
`cryptography` when used). This file is shipped as is: the generated client's
`_signing.py` is this text, and the Python snippets inline the functions their auth
needs (`PARTS`), so one implementation is tested against the independent libraries and
used everywhere.

Every `sign_<kind>(params, method, url, headers, body, explicit)` returns the request as
Postman sends it: `(url, headers, body)`. `params` are the auth's resolved parameters,
`headers` the request's (name, value) pairs, `body` its bytes (None for multipart, whose
hash Postman does not compute) and `explicit` the lower-case names of the headers the
collection itself sets (Postman signs only those; None: all). The clock is `time.time()`
and fresh randomness `uuid.uuid4()`, nothing else varies.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import types
import typing
import urllib.parse
import uuid

Headers = list[tuple[str, str]]
Signed = tuple[str, Headers, "bytes | None"]


def param(params: dict[str, typing.Any], name: str, default: str = "") -> str:
    value = params.get(name)
    if value is None or value == "":
        return default
    return str(value)


def flag(params: dict[str, typing.Any], name: str) -> bool:
    """Postman's booleans arrive as booleans or as their text."""
    value = params.get(name)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1")
    return bool(value)


def without(headers: Headers, *names: str) -> Headers:
    return [(k, v) for k, v in headers if k.lower() not in names]


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def pct(text: str) -> str:
    """RFC 3986 encoding (JavaScript's encodeURIComponent plus ! ' ( ) *)."""
    return urllib.parse.quote(text, safe="-_.~")


def host_of(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc.rsplit("@", 1)[-1]


def target_of(url: str) -> str:
    """The path and query as sent."""
    parts = urllib.parse.urlsplit(url)
    return (parts.path or "/") + ("?" + parts.query if parts.query else "")


def crypto() -> typing.Any:
    """`cryptography`'s primitives, or an error naming what to install."""
    try:
        # an optional dependency, imported only by the algorithms that need it
        from cryptography.hazmat.primitives import (  # noqa: PLC0415
            hashes,
            serialization,
        )
        from cryptography.hazmat.primitives.asymmetric import (  # noqa: PLC0415
            ec,
            padding,
            utils,
        )
    except ImportError:
        raise RuntimeError(
            "RSA/ECDSA signatures need the `cryptography` package: pip install "
            "cryptography (the generated client: pip install '<package>[crypto]')"
        ) from None
    return types.SimpleNamespace(
        hashes=hashes, serialization=serialization, ec=ec, padding=padding, utils=utils
    )


# ---------------------------------------------------------------- AWS Signature v4


def aws_path(path: str, service: str) -> str:
    """The canonical path as Postman's signer (npm `aws4`) writes it."""
    if path == "/":
        return path
    s3 = service == "s3"
    if not s3:
        path = re.sub("/{2,}", "/", path)
    pieces: list[str] = []
    for piece in path.split("/"):
        if not s3 and piece == "..":
            if pieces:
                pieces.pop()
        elif s3 or piece != ".":
            pieces.append(pct(urllib.parse.unquote_plus(piece) if s3 else piece))
    out = "/".join(pieces)
    out = out if out.startswith("/") else "/" + out
    return out.replace("%2F", "/") if s3 else out


def aws_query(query: str, service: str) -> str:
    """The canonical query: decoded, re-encoded, sorted (`aws4`'s rules)."""
    values: dict[str, list[str]] = {}
    for pair in query.split("&") if query else []:
        key, _, value = pair.partition("=")
        key = urllib.parse.unquote_plus(key)
        if key:
            values.setdefault(key, []).append(urllib.parse.unquote_plus(value))
    pieces = []
    for key in sorted(values, key=pct):
        vals = values[key][:1] if service == "s3" else values[key]
        pieces += [f"{pct(key)}={v}" for v in sorted(pct(v) for v in vals)]
    return "&".join(pieces)


def hmac256(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


AWS_QUERY_NAMES = (
    "X-Amz-Security-Token",
    "X-Amz-Date",
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-SignedHeaders",
    "X-Amz-Signature",
)
AWS_UNSIGNED = (
    "authorization",
    "connection",
    "x-amzn-trace-id",
    "user-agent",
    "expect",
    "presigned-expires",
    "range",
)


def sign_awsv4(  # noqa: PLR0917 (one signature for every scheme)
    params: dict[str, typing.Any],
    method: str,
    url: str,
    headers: Headers,
    body: bytes | None,
    explicit: list[str] | None = None,
) -> Signed:
    service = param(params, "service", "execute-api")
    service = "ses" if service == "email" else service  # as `aws4` renames it
    region = param(params, "region", "us-east-1")
    token = param(params, "sessionToken")
    in_query = flag(params, "addAuthDataToQuery")
    headers = without(
        headers,
        "authorization",
        "x-amz-date",
        "x-amz-security-token",
        "x-amz-content-sha256",
    )
    base, _, query = url.partition("?")
    kept = [
        p
        for p in query.split("&")
        if p and urllib.parse.unquote(p.split("=")[0]) not in AWS_QUERY_NAMES
    ]
    signing: dict[str, str] = {}
    for name, value in headers:
        if explicit is None or name.lower() in explicit:
            key = name.lower()
            signing[key] = f"{signing[key]},{value}" if key in signing else value
    signing.setdefault("host", host_of(url))
    amz_date = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(time.time()))
    scope = f"{amz_date[:8]}/{region}/{service}/aws4_request"
    added: Headers = []
    if in_query:
        auth_query: list[tuple[str, str]] = []
        if token:
            auth_query.append(("X-Amz-Security-Token", token))
        if service == "s3":
            auth_query.append(("X-Amz-Expires", "86400"))
        auth_query.append(("X-Amz-Date", amz_date))
        auth_query.append(("X-Amz-Algorithm", "AWS4-HMAC-SHA256"))
        auth_query.append(
            ("X-Amz-Credential", param(params, "accessKey") + "/" + scope)
        )
        payload = (
            "UNSIGNED-PAYLOAD" if service == "s3" else hashlib.sha256().hexdigest()
        )
    else:
        payload = hashlib.sha256(body or b"").hexdigest()
        if body:  # Postman hashes a body it has (not multipart) into the header
            added.append(("X-Amz-Content-Sha256", payload))
        if token:
            added.append(("X-Amz-Security-Token", token))
        if service == "s3" and not body:
            added.append(("X-Amz-Content-Sha256", payload))
        added.append(("X-Amz-Date", amz_date))
        signing.update((k.lower(), v) for k, v in added)
    names = sorted(n for n in signing if n not in AWS_UNSIGNED)
    signed_names = ";".join(names)
    if in_query:
        auth_query.append(("X-Amz-SignedHeaders", signed_names))
        present = {urllib.parse.unquote(p.split("=")[0]) for p in kept}
        extra = [f"{k}={pct(v)}" for k, v in auth_query if k not in present]
        kept += extra
    canonical = "\n".join(
        [
            method.upper(),
            aws_path(urllib.parse.urlsplit(url).path or "/", service),
            aws_query("&".join(kept), service),
            "".join(f"{n}:{' '.join(signing[n].split())}\n" for n in names),
            signed_names,
            payload,
        ]
    )
    to_sign = "\n".join(
        [
            "AWS4-HMAC-SHA256",
            amz_date,
            scope,
            hashlib.sha256(canonical.encode()).hexdigest(),
        ]
    )
    signing_key = ("AWS4" + param(params, "secretKey")).encode()
    for part in (amz_date[:8], region, service, "aws4_request"):
        signing_key = hmac256(signing_key, part)
    signature = hmac.new(signing_key, to_sign.encode(), hashlib.sha256).hexdigest()
    if in_query:
        kept.append("X-Amz-Signature=" + signature)
        return base + "?" + "&".join(kept), headers, body
    authorization = (
        f"AWS4-HMAC-SHA256 Credential={param(params, 'accessKey')}/{scope}, "
        f"SignedHeaders={signed_names}, Signature={signature}"
    )
    url = base + ("?" + query if query else "")
    return url, headers + added + [("Authorization", authorization)], body


# ---------------------------------------------------------------- Akamai EdgeGrid


def sign_edgegrid(  # noqa: PLR0917 (one signature for every scheme)
    params: dict[str, typing.Any],
    method: str,
    url: str,
    headers: Headers,
    body: bytes | None,
    explicit: list[str] | None = None,
) -> Signed:
    client_token = param(params, "clientToken")
    secret, access_token = param(params, "clientSecret"), param(params, "accessToken")
    if not (client_token and secret and access_token):
        return url, headers, body  # Postman signs nothing without the three
    headers = without(headers, "authorization")
    base_url = param(params, "baseURL")
    host = host_of(base_url) if base_url else host_of(url)
    stamp = time.strftime("%Y%m%dT%H:%M:%S+0000", time.gmtime(time.time()))
    timestamp = param(params, "timestamp") or stamp
    nonce = param(params, "nonce") or str(uuid.uuid4())
    max_body = int(param(params, "maxBodySize") or 131072)
    present: dict[str, list[str]] = {}
    for name, value in headers:
        if explicit is None or name.lower() in explicit:
            present.setdefault(name.lower(), []).append(value)
    canonical = []
    for name in param(params, "headersToSign").split(","):
        values = present.get(name.strip().lower(), [])
        if len(values) == 1 and values[0]:  # a repeated header is not signed
            canonical.append(f"{name.strip().lower()}:{' '.join(values[0].split())}")
    body_hash = ""
    if method.upper() == "POST" and body:
        hashed = body[:max_body] if max_body > 0 else b""
        body_hash = b64(hashlib.sha256(hashed).digest())
    auth = (
        f"EG1-HMAC-SHA256 client_token={client_token};access_token={access_token};"
        f"timestamp={timestamp};nonce={nonce};"
    )
    data = "\t".join(
        [
            method.upper(),
            urllib.parse.urlsplit(url).scheme,
            host,
            target_of(url),
            "\t".join(canonical),
            body_hash,
            auth,
        ]
    )
    key = b64(hmac256(secret.encode(), timestamp)).encode()
    signature = b64(hmac256(key, data))
    return url, [*headers, ("Authorization", auth + "signature=" + signature)], body


# ------------------------------------------------------------ JWT (JWT Bearer, ASAP)


def js_json(text: str) -> typing.Any:
    """JSON as JavaScript reads it: integral numbers are integers."""

    def number(value: str) -> int | float:
        parsed = float(value)
        return int(parsed) if parsed.is_integer() and abs(parsed) < 1e21 else parsed

    return json.loads(text, parse_float=number) if text.strip() else {}


def js_order(value: typing.Any) -> typing.Any:
    """JavaScript's key order: integer-like keys first, ascending."""
    if isinstance(value, list):
        return [js_order(v) for v in value]
    if not isinstance(value, dict):
        return value
    index = [k for k in value if re.fullmatch(r"0|[1-9][0-9]{0,8}", k)]
    keys = sorted(index, key=int) + [k for k in value if k not in index]
    return {k: js_order(value[k]) for k in keys}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def js_b64url(value: typing.Any) -> str:
    text = json.dumps(js_order(value), separators=(",", ":"), ensure_ascii=False)
    return b64url(text.encode())


def private_key(pem: str) -> typing.Any:
    """A PEM private key; without its line breaks (how Postman stores ASAP keys) too."""
    serialization = crypto().serialization
    match = re.fullmatch(
        r"\s*(-----BEGIN [A-Z ]+-----)(.*?)(-----END [A-Z ]+-----)\s*", pem, re.S
    )
    if match:
        lines = "\n".join(match.group(2).split())
        pem = f"{match.group(1)}\n{lines}\n{match.group(3)}\n"
    return serialization.load_pem_private_key(pem.encode(), password=None)


def jws_signature(alg: str, key: str | bytes, signing_input: bytes) -> bytes:
    """A JWS signature: HS (key: secret bytes), RS, PS, ES (key: PEM private key)."""
    digest = {"256": "SHA256", "384": "SHA384", "512": "SHA512"}[alg[2:]]
    if alg.startswith("HS"):
        assert isinstance(key, bytes)
        return hmac.new(key, signing_input, getattr(hashlib, digest.lower())).digest()
    lib = crypto()
    hashes, padding, ec, utils = lib.hashes, lib.padding, lib.ec, lib.utils
    signer = private_key(key if isinstance(key, str) else key.decode())
    algorithm = getattr(hashes, digest)()
    if alg.startswith("RS"):
        return bytes(signer.sign(signing_input, padding.PKCS1v15(), algorithm))
    if alg.startswith("PS"):
        pss = padding.PSS(padding.MGF1(algorithm), algorithm.digest_size)
        return bytes(signer.sign(signing_input, pss, algorithm))
    der = signer.sign(signing_input, ec.ECDSA(algorithm))
    r, s = utils.decode_dss_signature(der)
    size = (signer.curve.key_size + 7) // 8
    return bytes(r.to_bytes(size, "big") + s.to_bytes(size, "big"))


def jwt_encode(
    header: dict[str, typing.Any], payload: typing.Any, key: str | bytes
) -> str:
    signing_input = js_b64url(header) + "." + js_b64url(payload)
    signature = jws_signature(header["alg"], key, signing_input.encode())
    return signing_input + "." + b64url(signature)


JWT_ALGORITHMS = [f"{a}{n}" for a in ("HS", "RS", "PS", "ES") for n in (256, 384, 512)]


def jwt_token(params: dict[str, typing.Any]) -> str:
    alg = param(params, "algorithm", "HS256")
    if alg not in JWT_ALGORITHMS:
        raise ValueError(f"jwt: invalid algorithm {alg!r}")
    extra = params.get("header") or {}
    header = dict(js_json(extra) if isinstance(extra, str) else extra or {})
    header["alg"] = alg  # keeps the position of a given `alg`, else last
    payload = params.get("payload") or {}
    payload = js_json(payload) if isinstance(payload, str) else payload
    key: str | bytes
    if alg.startswith("HS"):
        secret = param(params, "secret")
        if not secret:
            raise ValueError("jwt: no secret to sign with")
        base64_secret = flag(params, "isSecretBase64Encoded")
        key = base64.b64decode(secret) if base64_secret else secret.encode()
    else:
        key = param(params, "privateKey")
        if not key:
            raise ValueError("jwt: no private key to sign with")
    return jwt_encode(header, payload, key)


def sign_jwt(  # noqa: PLR0917 (one signature for every scheme)
    params: dict[str, typing.Any],
    method: str,
    url: str,
    headers: Headers,
    body: bytes | None,
    explicit: list[str] | None = None,
) -> Signed:
    token = jwt_token(params)
    where = param(params, "addTokenTo", "header")
    if where == "header":
        prefix = params.get("headerPrefix")
        prefix = "Bearer" if prefix is None else str(prefix)
        value = f"{prefix} {token}" if prefix else token
        return url, [*without(headers, "authorization"), ("Authorization", value)], body
    if where == "queryParam":
        name = param(params, "queryParamKey", "token")
        base, _, query = url.partition("?")
        kept = [p for p in query.split("&") if p and p.split("=")[0] != name]
        return base + "?" + "&".join([*kept, f"{name}={token}"]), headers, body
    return url, headers, body


def asap_key(kid: str, key: str) -> str:
    """Postman's ASAP private key: PEM (line breaks optional) or a pkcs8 data URI."""
    key = re.sub(r'^"(.*)"$', r"\1", key.replace("\n", ""), flags=re.S)
    key = urllib.parse.unquote(key)
    if not key.startswith("data:"):
        return key
    match = re.fullmatch(
        r"data:application/pkcs8;kid=([\w.\-+/]+);base64,([A-Za-z0-9+/=]+)", key
    )
    if not match:
        raise ValueError("asap: malformed data URI private key")
    if match.group(1) != kid:
        raise ValueError("asap: the data URI's kid is not the kid")
    return f"-----BEGIN PRIVATE KEY-----\n{match.group(2)}\n-----END PRIVATE KEY-----"


def asap_token(params: dict[str, typing.Any]) -> str:
    claims = params.get("claims") or {}
    claims = dict(js_json(claims) if isinstance(claims, str) else claims)
    issuer = claims.get("iss") or param(params, "iss")
    subject = claims.get("sub") or param(params, "sub") or issuer
    audience = claims.get("aud") or param(params, "aud")
    kid = claims.get("kid") or param(params, "kid")
    alg = param(params, "alg", "RS256")
    key = param(params, "privateKey")
    if not (kid and issuer and audience and key):
        raise ValueError("asap: kid, issuer, audience and private key are required")
    if alg not in JWT_ALGORITHMS or alg.startswith("HS"):
        raise ValueError(f"asap: invalid algorithm {alg!r}")
    now = int(time.time())
    expiry = int(param(params, "exp") or 0) or 3600
    claims["iat"] = claims.get("iat") or now
    claims["iss"], claims["sub"] = issuer, subject
    claims["jti"] = claims.get("jti") or str(uuid.uuid4())
    claims["aud"] = audience
    claims["exp"] = int(claims.get("exp") or 0) or now + expiry
    return jwt_encode({"alg": alg, "kid": kid}, claims, asap_key(kid, key))


def sign_asap(  # noqa: PLR0917 (one signature for every scheme)
    params: dict[str, typing.Any],
    method: str,
    url: str,
    headers: Headers,
    body: bytes | None,
    explicit: list[str] | None = None,
) -> Signed:
    value = "Bearer " + asap_token(params)
    return url, [*without(headers, "authorization"), ("Authorization", value)], body


# ---------------------------------------------------------------- OAuth 1.0a


def oauth1_pairs(query: str) -> list[tuple[str, str | None]]:
    pairs: list[tuple[str, str | None]] = []
    for item in query.split("&") if query else []:
        if item:
            key, eq, value = item.partition("=")
            pairs.append(
                (
                    urllib.parse.unquote_plus(key),
                    urllib.parse.unquote_plus(value) if eq else None,
                )
            )
    return pairs


OAUTH1_NAMES = (
    "oauth_consumer_key",
    "oauth_token",
    "oauth_signature_method",
    "oauth_timestamp",
    "oauth_nonce",
    "oauth_version",
    "oauth_signature",
    "oauth_callback",
    "oauth_verifier",
    "oauth_body_hash",
)


def sign_oauth1(  # noqa: PLR0917 (one signature for every scheme)
    params: dict[str, typing.Any],
    method: str,
    url: str,
    headers: Headers,
    body: bytes | None,
    explicit: list[str] | None = None,
) -> Signed:
    p = {k: v for k, v in params.items() if v is not None}
    sign_empty = flag(p, "addEmptyParamsToSign")
    if not sign_empty:  # Postman drops blank parameters
        p = {k: v for k, v in p.items() if not (isinstance(v, str) and not v.strip())}
    method_name = param(p, "signatureMethod", "HMAC-SHA1")
    rsa = method_name.split("-")[0].upper() == "RSA"
    if not param(p, "consumerKey") or not param(
        p, "privateKey" if rsa else "consumerSecret"
    ):
        return url, headers, body  # Postman signs nothing then
    ctype = next((v for k, v in headers if k.lower() == "content-type"), "")
    form = body is not None and "application/x-www-form-urlencoded" in ctype.lower()
    form_pairs = (
        [(k, v or "") for k, v in oauth1_pairs(body.decode())] if form and body else []
    )
    form_pairs = [(k, v) for k, v in form_pairs if k not in OAUTH1_NAMES]
    headers = without(headers, "authorization")
    base, _, query = url.partition("?")
    query_pairs = [(k, v) for k, v in oauth1_pairs(query) if k not in OAUTH1_NAMES]
    oauth = [
        ("oauth_consumer_key", param(p, "consumerKey")),
        ("oauth_token", param(p, "token")),
        ("oauth_signature_method", method_name),
        ("oauth_timestamp", param(p, "timestamp") or str(int(time.time()))),
        ("oauth_nonce", param(p, "nonce") or uuid.uuid4().hex[:11]),
        ("oauth_version", param(p, "version")),
    ]
    algo = method_name.split("-")[1].lower() if "-" in method_name else ""
    if flag(p, "includeBodyHash") and algo in ("sha1", "sha256", "sha512") and not form:
        if body is not None:  # Postman hashes no multipart body
            oauth.append(("oauth_body_hash", b64(hashlib.new(algo, body).digest())))
    oauth += [
        ("oauth_callback", param(p, "callback")),
        ("oauth_verifier", param(p, "verifier")),
    ]
    oauth = [(k, v) for k, v in oauth if sign_empty or v]
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc.lower()
    if (parts.scheme.lower(), parts.port) in (("http", 80), ("https", 443)):
        netloc = netloc.rsplit(":", 1)[0]
    base_url = f"{parts.scheme.lower()}://{netloc}{parts.path or '/'}"
    everything = [(k, v or "") for k, v in query_pairs] + oauth + form_pairs
    normalized = "&".join(
        f"{k}={v}"
        for _, k, v in sorted(
            (f"{pct(k)} {pct(v)}", pct(k), pct(v)) for k, v in everything
        )
    )
    text = "&".join([pct(method.upper()), pct(base_url), pct(normalized)])
    key = pct(param(p, "consumerSecret")) + "&" + pct(param(p, "tokenSecret"))
    if method_name == "PLAINTEXT":
        signature = key
    elif rsa:
        hashes, padding = crypto().hashes, crypto().padding
        signer = private_key(param(p, "privateKey"))
        digest = getattr(hashes, algo.upper())()
        signature = b64(signer.sign(text.encode(), padding.PKCS1v15(), digest))
    else:
        signature = b64(hmac.new(key.encode(), text.encode(), algo or "sha1").digest())
    oauth.append(("oauth_signature", signature))
    raw = flag(p, "disableHeaderEncoding")
    query = "&".join(k if v is None else f"{pct(k)}={pct(v)}" for k, v in query_pairs)
    url = base + ("?" + query if query else "")
    if flag(p, "addParamsToHeader"):
        fields = []
        realm = param(p, "realm")
        if realm.strip():
            fields.append(f'realm="{realm if raw else pct(realm)}"')
        for k, v in oauth:
            if v:
                fields.append(f'{k}="{v.strip() if raw else pct(v.strip())}"')
        return url, [*headers, ("Authorization", "OAuth " + ",".join(fields))], body
    if method.upper() in ("POST", "PUT") and form:
        added = urllib.parse.urlencode(oauth)  # the form's own encoding
        return url, headers, (body + b"&" if body else b"") + added.encode()
    added = "&".join(f"{pct(k)}={pct(v)}" for k, v in oauth)
    return url + ("&" if query else "?") + added, headers, body


# ---------------------------------------------------------------- Hawk


def sign_hawk(  # noqa: PLR0917 (one signature for every scheme)
    params: dict[str, typing.Any],
    method: str,
    url: str,
    headers: Headers,
    body: bytes | None,
    explicit: list[str] | None = None,
) -> Signed:
    auth_id, key = param(params, "authId"), param(params, "authKey")
    if not (auth_id and key):
        return url, headers, body
    headers = without(headers, "authorization")
    algorithm = param(params, "algorithm", "sha256").lower()
    ts = param(params, "timestamp") or str(int(time.time()))
    nonce = param(params, "nonce") or uuid.uuid4().hex[:6]
    ext, app, dlg = (
        param(params, "extraData"),
        param(params, "app"),
        param(params, "delegation"),
    )
    payload_hash = ""
    if flag(params, "includePayloadHash") and body:
        ctype = next((v for k, v in headers if k.lower() == "content-type"), "")
        hashed = hashlib.new(algorithm)
        hashed.update(
            b"hawk.1.payload\n" + ctype.split(";")[0].strip().lower().encode()
        )
        hashed.update(b"\n" + body + b"\n")
        payload_hash = b64(hashed.digest())
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (80 if parts.scheme == "http" else 443)
    lines = [
        "hawk.1.header",
        ts,
        nonce,
        method.upper(),
        target_of(url),
        (parts.hostname or "").lower(),
        str(port),
        payload_hash,
        ext.replace("\\", "\\\\").replace("\n", "\\n"),
    ]
    if app:
        lines += [app, dlg]
    text = "\n".join(lines) + "\n"
    mac = b64(hmac.new(key.encode(), text.encode(), algorithm).digest())
    value = f'Hawk id="{auth_id}", ts="{ts}", nonce="{nonce}"'
    if payload_hash:
        value += f', hash="{payload_hash}"'
    if ext:
        value += ', ext="' + ext.replace("\\", "\\\\").replace('"', '\\"') + '"'
    value += f', mac="{mac}"'
    if app:
        value += f', app="{app}"' + (f', dlg="{dlg}"' if dlg else "")
    return url, [*headers, ("Authorization", value)], body


# ---------------------------------------------------------------- Digest


def sign_digest(  # noqa: PLR0917 (one signature for every scheme)
    params: dict[str, typing.Any],
    method: str,
    url: str,
    headers: Headers,
    body: bytes | None,
    explicit: list[str] | None = None,
) -> Signed:
    """Digest from the auth's own realm and nonce (Postman waits for no challenge);
    used when the URL has run-time parts (else the header is made when generating)."""

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    user, realm, password = (
        param(params, n) for n in ("username", "realm", "password")
    )
    nonce, qop, opaque = (param(params, n) for n in ("nonce", "qop", "opaque"))
    algorithm = param(params, "algorithm", "MD5")
    nc, cnonce = param(params, "nonceCount", "00000001"), param(params, "clientNonce")
    uri = target_of(url)
    ha1 = md5(f"{user}:{realm}:{password}")
    if algorithm.upper() == "MD5-SESS":
        ha1 = md5(f"{ha1}:{nonce}:{cnonce}")
    ha2 = md5(f"{method}:{uri}")
    if qop == "auth-int":
        ha2 = md5(f"{method}:{uri}:{md5((body or b'').decode())}")
    if qop:
        response = md5(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}")
    else:
        response = md5(f"{ha1}:{nonce}:{ha2}")
    fields = [f'username="{user}"', f'realm="{realm}"', f'nonce="{nonce}"']
    fields += [f'uri="{uri}"', f'algorithm="{algorithm}"']
    if qop:
        fields += [f"qop={qop}", f"nc={nc}", f'cnonce="{cnonce}"']
    fields.append(f'response="{response}"')
    if opaque:
        fields.append(f'opaque="{opaque}"')
    value = "Digest " + ", ".join(fields)
    return url, [*without(headers, "authorization"), ("Authorization", value)], body


SIGNERS = {
    "digest": sign_digest,
    "awsv4": sign_awsv4,
    "edgegrid": sign_edgegrid,
    "akamai": sign_edgegrid,
    "jwt": sign_jwt,
    "asap": sign_asap,
    "oauth1": sign_oauth1,
    "hawk": sign_hawk,
}

# What a snippet inlines for each kind: the helpers, then the signer (see module doc).
_COMMON = [
    "Headers",
    "Signed",
    "param",
    "flag",
    "without",
    "b64",
    "pct",
    "host_of",
    "target_of",
]
_JWT = ["crypto", "js_json", "js_order", "b64url", "js_b64url", "private_key"]
_JWT += ["jws_signature", "jwt_encode", "JWT_ALGORITHMS"]
PARTS: dict[str, list[str]] = {
    "awsv4": [
        *_COMMON,
        "aws_path",
        "aws_query",
        "hmac256",
        "AWS_QUERY_NAMES",
        "AWS_UNSIGNED",
        "sign_awsv4",
    ],
    "edgegrid": [*_COMMON, "hmac256", "sign_edgegrid"],
    "jwt": [*_COMMON, *_JWT, "jwt_token", "sign_jwt"],
    "asap": [*_COMMON, *_JWT, "asap_key", "asap_token", "sign_asap"],
    "oauth1": [
        *_COMMON,
        "crypto",
        "private_key",
        "oauth1_pairs",
        "OAUTH1_NAMES",
        "sign_oauth1",
    ],
    "hawk": [*_COMMON, "sign_hawk"],
    "digest": [*_COMMON, "sign_digest"],
}
PARTS["akamai"] = PARTS["edgegrid"]
# `cryptography` is needed only for these (the snippet says to install it)
ASYMMETRIC = ("RS", "PS", "ES")
