"""Secret detection: names, auth fields, token shapes, URL credentials, find_leaks, scrub."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from urllib.parse import quote

import pytest

from pmgen.model import (
    Auth,
    Body,
    Collection,
    EffectiveAuth,
    Environment,
    Example,
    Folder,
    Info,
    Item,
    KeyValue,
    Operation,
    RequestSpec,
    Url,
    Variable,
)
from pmgen.secrets import (
    SecretReport,
    find_leaks,
    is_secret_auth_field,
    is_secret_name,
    label,
    literal_part,
    looks_like_secret,
    mask,
    scrub,
    secret_forms,
    url_credentials,
)

SECRET_NAMES = [
    "password", "Password", "client_secret", "clientSecret", "bearer_token", "accessToken",
    "access_token", "refresh_token", "api_key", "apiKey", "APIKey", "x-api-key", "X-API-KEY",
    "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "Ocp-Apim-Subscription-Key",
    "X-Auth-Token", "session_id", "sessionId", "jwt", "private_key", "secret", "X-Amz-Signature",
    "sig", "passphrase", "WEBEX_TOKEN", "twilio_auth_token", "x-csrf-token",
]  # fmt: skip
PLAIN_NAMES = [
    "", "name", "passengers", "bypass", "compass", "username", "client_id", "clientId",
    "base_url", "token_url", "accessTokenUrl", "tokenType", "token_type", "addTokenTo",
    "headerPrefix", "grant_type", "Content-Type", "Accept", "limit", "sid", "keyword",
    "tokenName", "password_policy", "signatureMethod", "signature_algorithm",
]  # fmt: skip


@pytest.mark.parametrize("name", SECRET_NAMES)
def test_secret_names(name: str) -> None:
    assert is_secret_name(name)


@pytest.mark.parametrize("name", PLAIN_NAMES)
def test_plain_names(name: str) -> None:
    assert not is_secret_name(name)


def test_auth_fields() -> None:
    assert is_secret_auth_field("basic", "password")
    assert not is_secret_auth_field("basic", "username")
    assert is_secret_auth_field("apikey", "value")
    assert not is_secret_auth_field("apikey", "key")
    assert is_secret_auth_field("oauth2", "accessToken")
    assert not is_secret_auth_field("oauth2", "accessTokenUrl")
    assert is_secret_auth_field("awsv4", "secretKey")
    assert not is_secret_auth_field("awsv4", "region")
    assert is_secret_auth_field("new-type", "clientSecret")  # unknown types: by name


TOKENS = [
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "AKIA" + "ABCDEFGHIJKLMNOP",
    "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
    "ghp_" + "a" * 36,
    "xoxb-" + "1234567890-abcdefghij",
    "AIza" + "B" * 35,
    "SG." + "a" * 22 + "." + "b" * 43,
    "PMAK-" + "0" * 24 + "-" + "f" * 34,
    "-----BEGIN RSA PRIVATE KEY-----",
    "sk-ant-" + "x" * 40,
    "glpat-" + "x" * 20,
    "A21AA" + "z" * 60,
    "ya29." + "q" * 30,
]


@pytest.mark.parametrize("token", TOKENS)
def test_token_shapes(token: str) -> None:
    assert looks_like_secret(token)
    assert looks_like_secret(f"Bearer {token}")
    assert looks_like_secret(f"some text with {token} inside")


@pytest.mark.parametrize(
    "text", ["", "hello", "{{token}}", "AKIA", "eyJ.eyJ.", "sk_live_", "abc" * 40]
)
def test_not_tokens(text: str) -> None:
    assert not looks_like_secret(text)


def test_url_credentials_and_literal_part() -> None:
    assert url_credentials("https://bob:hunter22@example.com/x") == ("bob", "hunter22")
    assert url_credentials("bob:hunter22@example.com/x") == ("bob", "hunter22")
    assert url_credentials("https://example.com/x?email=a@b.c") is None
    assert url_credentials("{{base}}/users/me@x") is None
    assert url_credentials("") is None
    assert literal_part("Bearer {{token}}") == ""
    assert literal_part("Bearer abc123") == "abc123"
    assert literal_part("<your token here>") == ""
    assert literal_part("Basic {{user}}:{{pass}}") == ""


def test_mask_never_shows_the_middle() -> None:
    assert mask("short") == "*****"
    masked = mask("c1a2b3-example-token")
    assert "example" not in masked and masked.startswith("c1") and masked.endswith("en")
    assert mask("") == ""


@pytest.mark.parametrize(
    "secret",
    ["\x9f\x99abcdefgh(\x1b", "\u202eabcdefgh\u2066\n", "\x00\x00abcdefgh\r\x07"],
)
def test_mask_is_terminal_safe(secret: str) -> None:
    """Found by the fuzz run: a secret ending in ESC put a raw escape in the warning."""
    masked = mask(secret)
    assert masked.isprintable() and not set(masked) & set("\u202e\u2066"), repr(masked)
    assert len(masked) == len(mask("x" * len(secret)))


def test_label_is_terminal_safe() -> None:
    text = label("evil\x1b[2J\u202ename\nnext" + "x" * 200)
    assert "\x1b" not in text and "\u202e" not in text and "\n" not in text
    assert len(text) <= 62


def _op(
    name: str, request: RequestSpec, examples: list[Example] | None = None
) -> Operation:
    return Operation(
        id=name, name=name, identifier=name.lower(), key=name, request=request,
        auth=EffectiveAuth(auth=None, source="none"), examples=examples or [],
    )  # fmt: skip


def _model() -> Collection:
    ops: list[Item]
    jwt = TOKENS[0]
    ops = [
        _op(
            "Url creds",
            RequestSpec(method="GET", url=Url(raw="https://bob:pw-url-SECRET1@h.io/x")),
        ),
        _op(
            "Headers",
            RequestSpec(
                method="GET",
                url=Url(
                    raw="{{base}}/x", query=[KeyValue(key="api_key", value="q-SECRET2")]
                ),
                headers=[
                    KeyValue(key="Authorization", value="Bearer hdr-SECRET3"),
                    KeyValue(key="Cookie", value="sid=cookie-SECRET4"),
                    KeyValue(key="Accept", value="application/json"),
                    KeyValue(key="X-Other", value=jwt),
                    KeyValue(key="X-Token", value="Bearer {{var_tok}}"),
                ],
                auth=Auth(
                    type="apikey", params={"key": "X-Key", "value": "{{plain_name}}"}
                ),
            ),
            [
                Example(
                    name="ok",
                    headers=[KeyValue(key="Set-Cookie", value="s=example-SECRET5")],
                )
            ],
        ),
        _op(
            "Body",
            RequestSpec(
                method="POST",
                url=Url(raw="{{base}}/login"),
                body=Body(
                    mode="raw",
                    raw='{"user": "bob", "password": "body-SECRET6"}',
                    json_valid=True,
                    json_value={"user": "bob", "password": "body-SECRET6"},
                ),
            ),
        ),
    ]
    return Collection(
        info=Info(name="t", format="v2.1.0", description="call with body-SECRET6 please"),
        variables=[
            Variable(key="base", value="https://api.example.com"),
            Variable(key="plain_name", value="apikey-SECRET7"),
            Variable(key="anything", value="typed-SECRET8", type="secret"),
            Variable(key="var_tok", value="{{other}}"),
        ],
        environments=[
            Environment(name="prod", values=[Variable(key="password", value="env-SECRET9")])
        ],
        auth=Auth(type="basic", params={"username": "bob", "password": "basic-SECRET10"}),
        items=[Folder(id="f", name="F\x1b[2J", identifier="f", items=ops,
                      auth=Auth(type="bearer", params={"token": "folder-SECRET11"}))],
    )  # fmt: skip


def test_find_leaks_names_every_secret_position() -> None:
    report = SecretReport.of(_model())
    values = report.values
    for n in range(1, 12):
        assert any(v.endswith(f"SECRET{n}") for v in values), f"SECRET{n} not found"
    assert TOKENS[0] in values
    assert "https://api.example.com" not in values and "bob" not in values
    assert {
        "plain_name",
        "var_tok",
    } <= report.secret_variables  # used in secret positions
    wheres = [leak.where for leak in report.leaks]
    assert any(
        "description" in w for w in wheres
    )  # the body password repeated in a description
    assert any('example "ok": response header "Set-Cookie"' in w for w in wheres)
    assert (
        "cookie-SECRET4" in values and "example-SECRET5" in values
    )  # the cookie values alone


def test_warning_is_masked_and_terminal_safe() -> None:
    lines = SecretReport.of(_model()).warning_lines()
    text = "\n".join(lines)
    assert "SECRET" not in text and "\x1b" not in text
    assert lines[0].startswith("warning:") and "--reveal-secrets" in lines[0]
    assert all("\n" not in line for line in lines)
    assert "SECRET" not in repr(find_leaks(_model()))  # even a debug print masks


def test_scrub_escaped_forms_and_keeps_code_valid() -> None:
    secret = "q k'LEAK\\0016/+&="
    url = "https://x.io/?k=" + quote(secret, safe="")
    source = f"URL = {url!r}\nKEY = {secret!r}\nJ = {json.dumps(secret)}\n"
    out = scrub({"a.py": source}, [secret])["a.py"]
    assert not any(form in out for form in secret_forms(secret))
    compile(out, "a.py", "exec")  # the mask never breaks a literal


@pytest.mark.parametrize("secret", ['"+Pwned_Q()+"', "it's a secret", "$(touch x) ok"])
def test_scrub_keeps_quotes_around_a_secret(secret: str) -> None:
    """Found by the fuzz run: the shell-quoted form `'"+Pwned_Q()+"'` is also the Python
    repr; masking it with its quotes broke `_client.py`."""
    source = f"SECRETS = {{{secret!r}: 1}}\n"
    shell = f"curl -H {shlex.quote('Authorization: Bearer ' + secret)} x\n"
    out = scrub({"a.py": source, "b.sh": shell}, [secret], min_length=6)
    compile(out["a.py"], "a.py", "exec")
    assert out["a.py"].startswith("SECRETS = {") and secret not in out["a.py"]
    assert secret not in out["b.sh"] and shlex.split(out["b.sh"])[2].startswith(
        "Author"
    )


def test_scrub() -> None:
    files = {"a.py": "TOKEN = 'hdr-SECRET3'\nself.x = 1\n", "b.md": "nothing"}
    out = scrub(files, ["hdr-SECRET3", "self"])
    assert (
        "hdr-SECRET3" not in out["a.py"] and "self.x" in out["a.py"]
    )  # short values left alone
    assert out["b.md"] == "nothing"


def test_seed_canary_is_detected(seed_dir: Path) -> None:
    from pmgen.importer import load  # noqa: PLC0415

    collection = load(
        str(seed_dir / "carrierx" / "carrierx-core.postman_collection.json")
    )
    report = SecretReport.of(collection)
    assert "c1a2b3-example-token" in report.values
    assert "bearer_token" in report.secret_variables
    assert "c1a2b3-example-token" not in "\n".join(report.warning_lines())
