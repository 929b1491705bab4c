"""The template context of one snippet: a `WireRequest` turned into ready-made code pieces
(Python expressions via `py`, bash words via `sh`) so templates hold no quoting logic.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pmgen.emitters.snippet_code import (
    Unsupported,
    py,
    py_imports,
    sh,
    urlencoded_body,
)
from pmgen.model import Collection, Operation
from pmgen.render import shquote
from pmgen.wire import (
    FilePart,
    TextPart,
    Value,
    WireRequest,
    build_request,
    http_message,
    is_literal,
    literal,
    path_and_query,
    signing,
)
from pmgen.wire.auth import RuntimeAuth
from pmgen.wire.values import env_var_name, join, text_value

SHELL_STYLES = {"curl", "httpie", "wget"}


def _httpie_key(name: str) -> str:
    return "".join("\\" + ch if ch in ":=@\\;" else ch for ch in name)


def _httpie_value(value: Value) -> Value:
    """HTTPie reads `Header:@file` from a file: a value starting with `@` is escaped."""
    if value and value[0].kind == "text" and value[0].text.startswith("@"):
        return join([text_value("\\"), value])
    return value


class _Lazy(dict[str, Any]):
    """Template pieces made when a template first asks for one: each style uses a few of
    them, and one operation's context serves every style."""

    def __init__(self, fixed: dict[str, Any], **makers: Callable[[], Any]) -> None:
        super().__init__(fixed)
        self.makers = makers

    def __missing__(self, key: str) -> Any:
        if key not in self.makers:
            raise KeyError(key)
        value = self[key] = self.makers[key]()
        return value


def _header(name: str, value: Value) -> dict[str, Any]:
    empty = not value
    return _Lazy(
        {"name": name},
        py=lambda: py(value),
        curl=lambda: (
            sh(text_value(name + ";"))
            if empty
            else sh(join([text_value(name + ": "), value]))
        ),
        colon_sh=lambda: sh(join([text_value(name + ": "), value])),
        httpie=lambda: (
            sh(text_value(_httpie_key(name) + ";"))
            if empty
            else sh(join([text_value(_httpie_key(name) + ":"), _httpie_value(value)]))
        ),
    )


def _words(part: TextPart | FilePart, more: dict[str, str]) -> dict[str, str]:
    """Bash words of a part's literal fields (for bodies built at run time: wget)."""
    fields = {"name": part.name, "type": part.content_type or "", **more}
    return {k: sh(text_value(v)) for k, v in fields.items()}


def _part(part: TextPart | FilePart) -> dict[str, Any]:
    if isinstance(part, FilePart):
        curl_spec = f'{part.name}=@"{part.src}";type={part.content_type};filename="{part.filename}"'
        words = {"filename": part.filename, "src": part.src}
        return {
            "file": True,
            "name": part.name,
            "filename": part.filename,
            "src": part.src,
            "content_type": part.content_type,
            "curl": sh(text_value(curl_spec)),
            "sh": _words(part, words),
            "httpie": sh(
                text_value(
                    f"{_httpie_key(part.name)}@{part.src};type={part.content_type}"
                )
            ),
        }
    return {
        "file": False,
        "name": part.name,
        "content_type": part.content_type,
        "py": py(part.value),
        "sh": {**_words(part, {}), "value": sh(part.value)},
        "curl": sh(join([text_value(part.name + "="), part.value])),
        "httpie": sh(join([text_value(_httpie_key(part.name) + "="), part.value])),
    }


def _check(wire: WireRequest, style: str) -> None:
    if wire.runtime_auth is not None:
        raise Unsupported(
            f"{wire.runtime_auth.type} auth is computed per request; this style does not compute it"
        )


def context(
    collection: Collection,
    operation: Operation,
    style: str,
    *,
    reveal_secrets: bool = False,
    files_dir: str | Path | None = None,
    wire: WireRequest | None = None,
) -> dict[str, Any]:
    """`wire`: the operation's `build_request` result when the caller has it (one per
    operation for all styles)."""
    if wire is None:
        wire = build_request(
            collection, operation, reveal_secrets=reveal_secrets, files_dir=files_dir
        )
    _check(wire, style)
    notes = list(wire.notes)
    if (
        style == "wget"
        and wire.body is not None
        and wire.body.mode != "formdata"
        and wire.header("content-type") is None
    ):  # the program still runs; its first lines say how it differs
        notes.insert(
            0,
            "wget sends a Content-Type (application/x-www-form-urlencoded) with every "
            "body; Postman sends none here",
        )
    values: list[Value] = [wire.url, *(v for _, v in wire.headers)]
    body: dict[str, Any] = {"mode": "none"}
    b = wire.body
    if b is not None:
        text: Value = (
            b.raw
            if b.mode == "raw"
            else urlencoded_body(b.fields) if b.mode == "urlencoded" else ()
        )
        values.append(text)
        values += [p.value for p in b.parts if isinstance(p, TextPart)]
        body = _Lazy(
            {"mode": b.mode, "file_src": b.file_src},
            text_py=lambda: py(text),
            text_sh=lambda: sh(text),
            file_src_sh=lambda: sh(text_value(b.file_src or "")),
            parts=lambda: [_part(p) for p in b.parts],
            fields=lambda: [
                {"httpie": sh(join([text_value(_httpie_key(k) + "="), v]))}
                for k, v in b.fields
            ],
        )
    if style == "http":
        fields = b.fields if b is not None else []
        body["http_text"] = http_message.render(wire, urlencoded_body(fields))
    has_files = b is not None and (
        bool(b.file_src) or any(isinstance(p, FilePart) for p in b.parts)
    )
    fixed = {
        "title": operation.key,
        "collection": collection.info.name,
        "secrets": [
            {"env_var": s.env_var, "description": s.description}
            for s in wire.secrets.values()
        ],
        "secrets_line": _secrets_line(wire),
        "notes": notes,
        "files": has_files,
        "method": wire.method,
        "headers": [_header(n, v) for n, v in wire.headers],
        "body": body,
        "http_text": body.get("http_text", ""),
        "follow_redirects": wire.follow_redirects,
        "max_redirects": wire.max_redirects,
        "timeout": wire.timeout,
        "verify": wire.verify_tls,
        "wire": wire,
    }
    return _Lazy(
        fixed,
        imports=lambda: sorted(py_imports(values)),
        method_sh=lambda: sh(text_value(wire.method)),
        url_py=lambda: py(wire.url),
        raw_target=lambda: _needs_raw_target(wire.url),
        url_sh=lambda: sh(wire.url),
    )


def _secrets_line(wire: WireRequest) -> str:
    """One line naming the environment variables the snippet reads secrets from, where
    the name alone does not say which value they hold ("" when it does:
    `PM_ACCESS_TOKEN` is the collection's `access_token`)."""
    unclear = [
        f"{s.env_var} ({s.description})"
        for s in wire.secrets.values()
        if env_var_name(s.description) != s.env_var
    ]
    if not unclear:
        return ""
    return "Read from the environment: " + ", ".join(unclear)


# what urllib3 (requests) sends unchanged in a request target; anything else it re-encodes
_URLLIB3_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?%"
)


def _needs_raw_target(url: Value) -> bool:

    _, target = path_and_query(url)
    return any(
        ch not in _URLLIB3_SAFE for p in target if p.kind == "text" for ch in p.text
    )


# How the signer prints each header for the tool that sends it.
_SHELL_HEADER = {
    "curl": 'print(f"{name}: {value}" if value else f"{name};")',
    "wget": 'print(f"{name}: {value}")',
    "httpie": (
        'key = "".join("\\\\" + c if c in ":=@\\\\;" else c for c in name)\n'
        '    print(f"{key}:{value}" if value else f"{key};")'
    ),
}


def shell_signer(
    signer: dict[str, Any], ctx: dict[str, Any], style: str
) -> dict[str, Any]:
    """The run-time signing step of a shell snippet: pmgen's signer (the Python styles'
    code) run by python3 on the request as built, printing the URL, the body (changed
    only by OAuth 1 in a form body) and the headers as the tool takes them."""
    imports = sorted(signer["imports"] | {"os", "sys"})
    params = (
        "auth_params = {\n" + "\n".join(signer["params"]) + "\n}"
        if signer["params"]
        else "auth_params: dict[str, str] = {}"
    )
    program = "\n".join(
        [
            *(f"import {m}" for m in imports),
            "",
            "",
            signer["code"],
            "",
            "",
            params,
            signer["explicit"],
            "method, url, mode, value = sys.argv[1:5]",
            "body = None",
            'if mode != "none":',
            '    body = os.fsencode(value) if mode == "text" else open(value, "rb").read()',
            'headers = [tuple(h.split(": ", 1)) for h in sys.argv[5:]]',
            f"url, headers, new = {signer['function']}(",
            "    auth_params, method, url, headers, body, explicit",
            ")",
            "print(url)",
            'print("=" + new.decode() if new is not None and new != body else "-")',
            "for name, value in headers:",
            "    " + _SHELL_HEADER[style],
        ]
    )
    body = ctx["body"]
    mode = body["mode"]
    if mode in ("raw", "urlencoded"):
        body_args = '"text" "$body"'
    elif mode == "file":
        body_args = '"file" ' + body["file_src_sh"]
    else:
        body_args = '"none" ""'
    return {
        "program": program,
        "body_args": body_args,
        "headers": [h["colon_sh"] for h in ctx["headers"]],
        "kind": signer["kind"],
        "cryptography": signer["cryptography"],
        "openssl": _openssl_jwt(signer["auth"], ctx, style)
        or _openssl_edgegrid(signer["auth"], ctx, style)
        or _openssl_hawk(signer["auth"], ctx, style)
        or _openssl_awsv4(signer["auth"], ctx, style)
        or _openssl_oauth1(signer["auth"], ctx, style),
    }


_TOOL_HEADER = {"curl": ("--header ", "curl"), "wget": ("--header=", "colon_sh")}
_TOOL_HEADER["httpie"] = ("", "httpie")
_PSS = "-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest"


def _openssl_jwt(
    auth: RuntimeAuth, ctx: dict[str, Any], style: str
) -> dict[str, Any] | None:
    """JWT Bearer signed with openssl (HS/RS/PS): the header and payload are fixed text
    (their base64url made here), only the signature is computed when the program runs.
    None when something is known only at run time (then python3 signs, as for the rest).
    """

    if auth.type != "jwt":
        return None

    def text(name: str, default: str = "") -> str | None:
        value = auth.params.get(name)
        if value is None:
            return default
        return literal(value) if is_literal(value) else None

    alg, where = text("algorithm", "HS256"), text("addTokenTo", "header")
    header, payload = text("header", ""), text("payload", "")
    prefix, key_name = text("headerPrefix", "Bearer"), text("queryParamKey", "token")
    base64_secret = text("isSecretBase64Encoded", "")
    if None in (alg, where, header, payload, prefix, key_name, base64_secret):
        return None
    assert alg is not None and header is not None and payload is not None
    assert base64_secret is not None and key_name is not None
    if alg[:2] not in ("HS", "RS", "PS") or alg not in signing.JWT_ALGORITHMS:
        return None
    if where not in ("header", "queryParam"):
        return None
    url_text = "".join(p.text for p in ctx["wire"].url if p.kind == "text")
    if where == "queryParam" and f"{key_name}=" in url_text:
        return None  # Postman replaces the parameter: python3 does that
    try:
        head = signing.js_json(header) if header.strip() else {}
        claims = signing.js_json(payload)
    except ValueError:
        return None
    head = {**head, "alg": alg} if isinstance(head, dict) else {"alg": alg}
    signing_input = signing.js_b64url(head) + "." + signing.js_b64url(claims)
    digest = "-sha" + alg[2:]
    if alg.startswith("HS"):
        secret = sh(auth.params.get("secret") or text_value(""))
        decode = (
            " | openssl base64 -d -A" if base64_secret.strip().lower() == "true" else ""
        )
        hex_key = f"$(printf '%s' {secret}{decode} | od -An -v -tx1 | tr -d ' \\n')"
        sign = f'openssl dgst {digest} -mac HMAC -macopt "hexkey:{hex_key}" -binary'
    else:
        key = sh(auth.params.get("privateKey") or text_value(""))
        pss = f" {_PSS}" if alg.startswith("PS") else ""
        sign = f"openssl dgst {digest} -sign <(printf '%s\\n' {key}){pss} -binary"
    flag, word = _TOOL_HEADER[style]
    headers = [
        flag + h[word] for h in ctx["headers"] if h["name"].lower() != "authorization"
    ]
    value = f"{prefix} " if prefix else ""
    separator = ":" if style == "httpie" else ": "
    sep = "&" if "?" in url_text else "?"
    return {
        "kind": "jwt",
        "input": shquote(signing_input),
        "sign": sign,
        "headers": headers,
        "authorization": (
            flag + shquote("Authorization" + separator + value) + '"$jwt_token"'
            if where == "header"
            else None
        ),
        "query": (
            None
            if where == "header"
            else shquote(sep + key_name + "=") + '"$jwt_token"'
        ),
    }


def _openssl_edgegrid(
    auth: RuntimeAuth, ctx: dict[str, Any], style: str
) -> dict[str, Any] | None:
    """Akamai EdgeGrid signed with openssl: the URL, the headers to sign and the settings
    fixed text; the timestamp, nonce, body hash and signature computed when it runs.
    None when the URL or a signed header has run-time parts (python3 signs then)."""
    if auth.type not in ("edgegrid", "akamai"):
        return None
    if not _present(auth, "clientToken", "clientSecret", "accessToken"):
        return None  # (Postman signs nothing then: python3 keeps that rule)
    wire = ctx["wire"]

    def text(name: str) -> str | None:
        value = auth.params.get(name)
        if value is None:
            return ""
        return literal(value) if is_literal(value) else None

    fixed = [text(n) for n in ("baseURL", "headersToSign", "maxBodySize")]
    fixed += [text(n) for n in ("timestamp", "nonce")]
    if any(t is None for t in fixed) or not is_literal(wire.url):
        return None
    base_url, to_sign, max_body_text, timestamp, nonce = (t or "" for t in fixed)
    try:
        max_body = int(max_body_text or 131072)
    except ValueError:
        return None
    url = literal(wire.url)
    present: dict[str, list[Value]] = {}
    for name, value in wire.headers:
        if name.lower() in wire.explicit_headers:
            present.setdefault(name.lower(), []).append(value)
    canonical = []
    for name in to_sign.split(","):
        values = present.get(name.strip().lower(), [])
        if len(values) == 1 and values[0]:
            if not is_literal(values[0]):
                return None
            canonical.append(
                f"{name.strip().lower()}:{' '.join(literal(values[0]).split())}"
            )
    host = signing.host_of(base_url) if base_url else signing.host_of(url)
    body = ctx["body"]
    hashed = ""
    if wire.method == "POST" and body["mode"] in ("raw", "urlencoded", "file"):
        source = (
            "printf '%s' \"$body\""
            if body["mode"] != "file"
            else "cat -- " + body["file_src_sh"]
        )
        limit = f"head -c {max_body}" if max_body > 0 else "head -c 0"
        hashed = (
            f"$({source} | {limit} | openssl dgst -sha256 -binary | openssl base64 -A)"
        )
    flag, word = _TOOL_HEADER[style]
    headers = [
        flag + h[word] for h in ctx["headers"] if h["name"].lower() != "authorization"
    ]
    word_of = {
        k: sh(auth.params.get(k) or text_value(""))
        for k in ("clientToken", "accessToken", "clientSecret")
    }
    fields = [wire.method, urlsplit(url).scheme, host, signing.target_of(url)]
    return {
        "kind": "edgegrid",
        "timestamp": (
            shquote(timestamp) if timestamp else '"$(date -u +%Y%m%dT%H:%M:%S+0000)"'
        ),
        "nonce": shquote(nonce) if nonce else '"$(openssl rand -hex 16)"',
        "client_token": word_of["clientToken"],
        "access_token": word_of["accessToken"],
        "client_secret": word_of["clientSecret"],
        "data_head": shquote("\t".join(fields) + "\t" + "\t".join(canonical) + "\t"),
        "body_hash": f'"{hashed}"' if hashed else "''",
        "headers": headers,
        "authorization": flag
        + shquote("Authorization" + (":" if style == "httpie" else ": ")),
    }


def _openssl_hawk(
    auth: RuntimeAuth, ctx: dict[str, Any], style: str
) -> dict[str, Any] | None:
    """Hawk signed with openssl: the URL and settings fixed text; the timestamp, nonce,
    payload hash and MAC computed when it runs (None: python3 signs)."""
    if auth.type != "hawk" or not _present(auth, "authId", "authKey"):
        return None  # (without both Postman signs nothing: python3 keeps that rule)
    wire = ctx["wire"]
    names = ("algorithm", "extraData", "app", "delegation", "timestamp", "nonce")
    values = [auth.params.get(n) for n in (*names, "includePayloadHash")]
    if not all(v is None or is_literal(v) for v in values) or not is_literal(wire.url):
        return None
    algorithm, ext, app, dlg, ts, nonce, with_hash = (
        literal(v) if v is not None else "" for v in values
    )
    algorithm = (algorithm or "sha256").lower()
    if algorithm not in ("sha1", "sha256"):
        return None
    url = literal(wire.url)
    parts = urlsplit(url)
    port = parts.port or (80 if parts.scheme == "http" else 443)
    body = ctx["body"]
    payload = ""
    if with_hash.strip().lower() == "true" and body["mode"] in (
        "raw",
        "urlencoded",
        "file",
    ):
        ctype = wire.header("content-type")
        if ctype is not None and not is_literal(ctype):
            return None
        kind = literal(ctype).split(";")[0].strip().lower() if ctype else ""
        head = shquote(f"hawk.1.payload\n{kind}\n")
        content = (
            "printf '%s' \"$body\""
            if body["mode"] != "file"
            else "cat -- " + body["file_src_sh"]
        )
        payload = (
            f"$({{ printf '%s' {head}; {content}; printf '\\n'; }}"
            f" | openssl dgst -{algorithm} -binary | openssl base64 -A)"
        )
    escaped = ext.replace("\\", "\\\\").replace("\n", "\\n")
    fixed = [
        wire.method,
        signing.target_of(url),
        (parts.hostname or "").lower(),
        str(port),
    ]
    tail = escaped + "\n" + (f"{app}\n{dlg}\n" if app else "")
    value_ext = (
        ', ext="' + ext.replace("\\", "\\\\").replace('"', '\\"') + '"' if ext else ""
    )
    value_app = (f', app="{app}"' + (f', dlg="{dlg}"' if dlg else "")) if app else ""
    flag, word = _TOOL_HEADER[style]
    return {
        "kind": "hawk",
        "timestamp": shquote(ts) if ts else '"$(date +%s)"',
        "nonce": shquote(nonce) if nonce else '"$(openssl rand -hex 3)"',
        "fixed": shquote("\n".join(fixed) + "\n"),
        "payload": f'"{payload}"' if payload else "''",
        "tail": shquote(tail),
        "algorithm": algorithm,
        "key": sh(auth.params.get("authKey") or text_value("")),
        "id": sh(auth.params.get("authId") or text_value("")),
        "ext": shquote(value_ext),
        "app": shquote(value_app),
        "headers": [
            flag + h[word]
            for h in ctx["headers"]
            if h["name"].lower() != "authorization"
        ],
        "authorization": flag
        + shquote("Authorization" + (":" if style == "httpie" else ": ")),
    }


def _openssl_awsv4(
    auth: RuntimeAuth, ctx: dict[str, Any], style: str
) -> dict[str, Any] | None:
    """AWS SigV4 (signature in the headers) with openssl: the canonical path, query and
    fixed headers made here; the date, body hash, key chain and signature when it runs.
    None for the signature in the query, or run-time parts in the URL or a signed header
    (python3 signs then)."""
    if auth.type != "awsv4":
        return None
    wire = ctx["wire"]
    names = ("service", "region", "addAuthDataToQuery")
    values = [auth.params.get(n) for n in names]
    if not all(v is None or is_literal(v) for v in values) or not is_literal(wire.url):
        return None
    service, region, in_query = (literal(v) if v is not None else "" for v in values)
    if in_query.strip().lower() in ("true", "1"):
        return None
    service = {"": "execute-api", "email": "ses"}.get(service, service)
    region = region or "us-east-1"
    url = literal(wire.url)
    dropped = (
        "authorization",
        "x-amz-date",
        "x-amz-security-token",
        "x-amz-content-sha256",
    )
    signed: dict[str, str] = {}
    for name, value in wire.headers:
        key = name.lower()
        if key in wire.explicit_headers and key not in dropped:
            if not is_literal(value):
                return None
            text = literal(value)
            signed[key] = f"{signed[key]},{text}" if key in signed else text
    signed.setdefault("host", signing.host_of(url))
    body = ctx["body"]
    has_body = body["mode"] in ("file",) or (
        body["mode"] in ("raw", "urlencoded") and body["text_sh"] != "''"
    )
    token = auth.params.get("sessionToken")
    runtime = {"x-amz-date": '"$amz_date"'}
    if has_body or service == "s3":
        runtime["x-amz-content-sha256"] = '"$amz_payload"'
    if token:
        runtime["x-amz-security-token"] = sh(token)
    all_names = sorted(n for n in {*signed, *runtime} if n not in signing.AWS_UNSIGNED)
    lines, args = [], []
    for n in all_names:
        if n in runtime:
            lines.append(f"{n}:%s")
            args.append(runtime[n])
        else:
            lines.append(_printf_text(f"{n}:{' '.join(signed[n].split())}"))
    query = url.partition("?")[2]
    head = "\n".join(
        [
            wire.method,
            signing.aws_path(urlsplit(url).path or "/", service),
            signing.aws_query(query, service),
        ]
    )
    canonical_format = shquote(
        _printf_text(head)
        + "\n"
        + "\n".join(lines)
        + "\n\n"
        + ";".join(all_names)
        + "\n"
    )
    if body["mode"] == "file":
        payload = f"$(openssl dgst -sha256 -r < {body['file_src_sh']} | cut -d' ' -f1)"
    elif has_body:
        payload = "$(printf '%s' \"$body\" | openssl dgst -sha256 -r | cut -d' ' -f1)"
    else:
        payload = signing.hashlib.sha256().hexdigest()
    flag, word = _TOOL_HEADER[style]
    separator = ":" if style == "httpie" else ": "
    headers = [
        flag + h[word] for h in ctx["headers"] if h["name"].lower() not in dropped
    ]
    added = []
    if has_body:
        added.append(
            flag + shquote("X-Amz-Content-Sha256" + separator) + '"$amz_payload"'
        )
    if token:
        added.append(flag + shquote("X-Amz-Security-Token" + separator) + sh(token))
    if service == "s3" and not has_body:
        added.append(
            flag + shquote("X-Amz-Content-Sha256" + separator) + '"$amz_payload"'
        )
    added.append(flag + shquote("X-Amz-Date" + separator) + '"$amz_date"')
    return {
        "kind": "awsv4",
        "payload": f'"{payload}"',
        "canonical_format": canonical_format,
        "canonical_args": " ".join(args),
        "scope_tail": shquote(f"/{region}/{service}/aws4_request"),
        "region": shquote(region),
        "service": shquote(service),
        "secret": sh(auth.params.get("secretKey") or text_value("")),
        "access": sh(auth.params.get("accessKey") or text_value("")),
        "signed_names": shquote(";".join(all_names)),
        "headers": headers + added,
        "authorization": flag + shquote("Authorization" + separator),
    }


def _printf_text(text: str) -> str:
    """Text that printf's format prints as is (its escapes and conversions doubled)."""
    return text.replace("\\", "\\\\").replace("%", "%%")


def _present(auth: RuntimeAuth, *names: str) -> bool:
    """Every parameter given and not empty text (an environment variable counts)."""
    for name in names:
        value = auth.params.get(name)
        if not value or (is_literal(value) and not literal(value)):
            return False
    return True


def signs(auth: RuntimeAuth) -> bool:
    """Whether Postman signs at all with these parameters (it skips Hawk, EdgeGrid and
    OAuth 1 without their credentials and sends the request as it is)."""
    if auth.type == "hawk":
        return _present(auth, "authId", "authKey")
    if auth.type in ("edgegrid", "akamai"):
        return _present(auth, "clientToken", "clientSecret", "accessToken")
    if auth.type == "oauth1":
        method = auth.params.get("signatureMethod")
        rsa = method is not None and (
            not is_literal(method) or literal(method).upper().startswith("RSA")
        )
        return _present(auth, "consumerKey", "privateKey" if rsa else "consumerSecret")
    return True


_OAUTH1_FIXED: tuple[str, ...] = (
    "signatureMethod",
    "version",
    "callback",
    "verifier",
    "realm",
    "timestamp",
    "nonce",
    "addParamsToHeader",
    "includeBodyHash",
    "addEmptyParamsToSign",
    "disableHeaderEncoding",
)


def _openssl_oauth1(
    auth: RuntimeAuth, ctx: dict[str, Any], style: str
) -> dict[str, Any] | None:
    """OAuth 1.0a HMAC-SHA1/256/512 or PLAINTEXT in the Authorization header with openssl:
    the parameter order and fixed values made here; the timestamp, nonce, the credentials'
    encoding (`pct`) and the HMAC when it runs. None otherwise (python3 signs)."""
    if auth.type != "oauth1" or not signs(auth):
        return None
    wire = ctx["wire"]
    values = {n: auth.params.get(n) for n in _OAUTH1_FIXED}
    if not all(v is None or is_literal(v) for v in values.values()):
        return None
    fixed = {n: (literal(v) if v is not None else "") for n, v in values.items()}
    flags = {n: fixed[n].strip().lower() in ("true", "1") for n in _OAUTH1_FIXED[-4:]}
    method = fixed["signatureMethod"] or "HMAC-SHA1"
    if method not in ("HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "PLAINTEXT"):
        return None
    if not flags["addParamsToHeader"] or flags["addEmptyParamsToSign"]:
        return None
    if flags["disableHeaderEncoding"] or not is_literal(wire.url):
        return None
    if flags["includeBodyHash"] and method != "PLAINTEXT":
        return None
    if ctx["body"]["mode"] == "urlencoded":
        return None  # the form's fields are signed too: python3 does that
    url = literal(wire.url)
    parts = urlsplit(url)
    netloc = parts.netloc.lower()
    if (parts.scheme.lower(), parts.port) in (("http", 80), ("https", 443)):
        netloc = netloc.rsplit(":", 1)[0]
    base_url = f"{parts.scheme.lower()}://{netloc}{parts.path or '/'}"
    query = [
        (k, v or "")
        for k, v in signing.oauth1_pairs(parts.query)
        if k not in signing.OAUTH1_NAMES
    ]
    if any(v is None for _, v in signing.oauth1_pairs(parts.query)):
        return None  # a key without `=`: Postman re-encodes the URL then (python3 does)
    # (name, bash word of the value, literal value or None when known only at run time)
    oauth: list[tuple[str, str, str | None]] = []
    for name, key in (("oauth_consumer_key", "consumerKey"), ("oauth_token", "token")):
        value = auth.params.get(key)
        if not value or (is_literal(value) and not literal(value).strip()):
            continue
        oauth.append((name, sh(value), literal(value) if is_literal(value) else None))
    oauth.append(("oauth_signature_method", shquote(method), method))
    oauth.append(("oauth_timestamp", '"$oauth_timestamp"', None))
    oauth.append(("oauth_nonce", '"$oauth_nonce"', None))
    for name, key in (
        ("oauth_version", "version"),
        ("oauth_callback", "callback"),
        ("oauth_verifier", "verifier"),
    ):
        if fixed[key].strip():
            oauth.append((name, shquote(fixed[key]), fixed[key]))
    entries = [(k, shquote(v), v) for k, v in query] + oauth
    # sorted as Postman sorts: by encoded name, then encoded value (run-time values are
    # the oauth_* ones, whose names are unique)
    entries.sort(key=lambda e: f"{signing.pct(e[0])} {signing.pct(e[2] or '')}")
    normalized = []
    for name, word, text in entries:
        piece = shquote(signing.pct(text)) if text is not None else f'"$(pct {word})"'
        normalized.append((shquote(signing.pct(name) + "="), piece))
    header = []
    realm = fixed["realm"]
    if realm.strip():
        header.append(shquote(f'realm="{signing.pct(realm)}",'))
    for name, word, text in oauth:
        if text is not None:
            header.append(shquote(f'{name}="{signing.pct(text.strip())}",'))
        else:
            header.append(shquote(f'{name}="') + f'"$(pct {word})"' + shquote('",'))
    flag, word_key = _TOOL_HEADER[style]
    return {
        "kind": "oauth1",
        "method": shquote(wire.method.upper()),
        "base_url": shquote(signing.pct(base_url)),
        "normalized": "'&'".join(n + v for n, v in normalized),
        "plaintext": method == "PLAINTEXT",
        "digest": "-" + method.split("-")[-1].lower(),
        "consumer_secret": sh(auth.params.get("consumerSecret") or text_value("")),
        "token_secret": sh(auth.params.get("tokenSecret") or text_value("")),
        "header": "".join(header),
        "headers": [
            flag + h[word_key]
            for h in ctx["headers"]
            if h["name"].lower() != "authorization"
        ],
        "authorization": flag
        + shquote("Authorization" + (":" if style == "httpie" else ": ")),
    }
