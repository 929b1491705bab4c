# ruff: noqa: E501  (a hand-written collection fixture reads better unwrapped)
"""Without --reveal-secrets no credential from the collection reaches any generated file
(client, snippets, docs, manifest, kept model), and pmgen names the leaks, masked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmgen.importer import load
from pmgen.secrets import SecretReport, secret_forms
from tests.conftest import slow_unless
from tests.security.cli import read_tree, run_pmgen

CANARY = "c1a2b3-example-token"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFreS1qd3QtMDAxIn0.c2lnbmF0dXJlLWxlYWt5LWp3dA"
SECRETS = {
    "collection_basic": "basicpw-LEAK-0001",
    "folder_bearer": "folder-bearer-LEAK-0002",
    "var_token": "var-token-LEAK-0003",
    "typed_secret": "typed-secret-LEAK-0004",
    "url_password": "urlpw-LEAK-0005",
    "query_key": "query-apikey-LEAK-0006",
    "auth_header": "hdr-bearer-LEAK-0007",
    "cookie": "cookie-sid-LEAK-0008",
    "example_cookie": "example-setcookie-LEAK-0009",
    "example_auth": "example-auth-LEAK-0010",
    "env_secret": "env-secret-LEAK-0011",
    "apikey_auth": "apikey-value-LEAK-0012",
    "oauth2": "oauth2-access-LEAK-0013",
    "form_secret": "form-clientsecret-LEAK-0014",
    "jwt": JWT,
    # Escaped on the way out (percent-encoding, repr, shell quoting): a plain text search
    # of the output, or a plain `scrub`, would miss them.
    "query_special": "q k'LEAK\\0016/+&=",
    "password_special": 'pw "LEAK" \\0017 $x',
}


def leaky_collection() -> dict[str, object]:
    s = SECRETS
    request = {
        "method": "GET",
        "header": [
            {"key": "Authorization", "value": f"Bearer {s['auth_header']}"},
            {"key": "Cookie", "value": f"session={s['cookie']}"},
            {"key": "X-Trace", "value": s["jwt"]},
            {"key": "X-Api-Key", "value": "{{plainly_named}}"},
        ],
        "url": {
            "raw": f"https://bob:{s['url_password']}@api.example.com/v1/things?api_key={s['query_key']}",
            "protocol": "https",
            "auth": {"user": "bob", "password": s["url_password"]},
            "host": ["api", "example", "com"],
            "path": ["v1", "things"],
            "query": [
                {"key": "api_key", "value": s["query_key"]},
                {"key": "access_token", "value": s["query_special"]},
            ],
        },
    }
    return {
        "info": {
            "name": "Leaky API",
            "description": "Try it with the token {{var_token}}",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "auth": {"type": "basic", "basic": [{"key": "username", "value": "bob"},
                                            {"key": "password", "value": s["collection_basic"]}]},
        "variable": [
            {"key": "token", "value": s["var_token"]},
            {"key": "plainly_named", "value": s["typed_secret"], "type": "secret"},
            {"key": "base", "value": "https://api.example.com"},
        ],
        "item": [
            {
                "name": "Folder",
                "auth": {"type": "bearer", "bearer": [{"key": "token", "value": s["folder_bearer"]}]},
                "item": [
                    {
                        "name": "Get things",
                        "request": request,
                        "response": [
                            {
                                "name": "OK",
                                "originalRequest": {
                                    **request,
                                    "header": [{"key": "Authorization", "value": s["example_auth"]}],
                                },
                                "code": 200,
                                "status": "OK",
                                "header": [{"key": "Set-Cookie", "value": f"sid={s['example_cookie']}; HttpOnly"}],
                                "body": "{\"ok\": true}",
                            }
                        ],
                    },
                    {
                        "name": "Api key auth",
                        "request": {
                            "method": "POST",
                            "url": "{{base}}/v1/login",
                            "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "X-Key"},
                                                                  {"key": "value", "value": s["apikey_auth"]}]},
                            "body": {"mode": "formdata", "formdata": [
                                {"key": "client_secret", "value": s["form_secret"], "type": "text"}]},
                        },
                    },
                    {
                        "name": "OAuth2",
                        "request": {
                            "method": "GET",
                            "url": "{{base}}/v1/me",
                            "header": [{"key": "X-Password", "value": s["password_special"]}],
                            "auth": {"type": "oauth2", "oauth2": [
                                {"key": "accessToken", "value": s["oauth2"]},
                                {"key": "addTokenTo", "value": "header"}]},
                        },
                    },
                ],
            }
        ],
    }  # fmt: skip


def leaky_environment() -> dict[str, object]:
    return {
        "name": "Production",
        "values": [
            {"key": "region", "value": "eu", "enabled": True},
            {
                "key": "opaque",
                "value": SECRETS["env_secret"],
                "type": "secret",
                "enabled": True,
            },
        ],
    }


def _leaks(files: dict[str, str], secrets: set[str]) -> list[str]:
    forms = {form: secret for secret in secrets for form in secret_forms(secret)}
    found = {
        f"{path}: {secret[:6]}…"
        for path, text in files.items()
        for form, secret in forms.items()
        if form in text
    }
    return sorted(found)


@pytest.fixture(scope="module")
def leaky(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("leaky")
    (root / "leaky.json").write_text(json.dumps(leaky_collection()), encoding="utf-8")
    (root / "prod.json").write_text(json.dumps(leaky_environment()), encoding="utf-8")
    return root / "leaky.json", root / "prod.json"


def test_detector_finds_every_planted_secret(leaky: tuple[Path, Path]) -> None:
    collection = load(str(leaky[0]), env_files=[str(leaky[1])])
    found = SecretReport.of(collection).values
    missing = sorted(name for name, value in SECRETS.items() if value not in found)
    assert not missing


def test_generate_writes_no_secret(leaky: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_pmgen(
        "generate", str(leaky[0]), "--env", str(leaky[1]), "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    files = read_tree(out)
    assert any(p.endswith(".py") for p in files) and any(
        p.endswith(".md") for p in files
    )
    assert not _leaks(files, set(SECRETS.values()))
    # ...and says where the collection leaks them, masked, on stderr only.
    assert "bearer_token" not in result.stdout
    assert not _leaks(
        {"stderr": result.stderr, "stdout": result.stdout}, set(SECRETS.values())
    )
    assert "warning" in result.stderr and "--reveal-secrets" in result.stderr
    assert (
        'header "Authorization"' in result.stderr and "URL credentials" in result.stderr
    )


def test_reveal_secrets_is_the_only_way_in(
    leaky: tuple[Path, Path], tmp_path: Path
) -> None:
    """Positive control: the same scan finds them when the user asks for them."""
    out = tmp_path / "out"
    result = run_pmgen(
        "generate",
        str(leaky[0]),
        "--env",
        str(leaky[1]),
        "-o",
        str(out),
        "--reveal-secrets",
    )
    assert result.returncode == 0, result.stderr
    assert _leaks(read_tree(out), {SECRETS["auth_header"], SECRETS["collection_basic"]})


def test_seed_canary_never_in_output(seed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    source = seed_dir / "carrierx" / "carrierx-core.postman_collection.json"
    result = run_pmgen("generate", str(source), "-o", str(out), "--site", "mkdocs")
    assert result.returncode == 0, result.stderr
    files = read_tree(out)
    assert len(files) > 20
    assert not _leaks(files, {CANARY}), "the carrierx canary reached the output"
    assert CANARY not in result.stdout + result.stderr
    assert "bearer_token" in result.stderr  # the warning names where it leaks


SMALL = {"postman-collection-v2-draft", "bruno-oauth2-grants"}  # the default run
SAMPLE = slow_unless(
    [*sorted(SMALL), "paypal-partner", "newman-echo-v2", "salesforce",
     "webex-calling-provisioning", "pcg-http-v2.0", "bruno-awsv4", "bruno-ntlm"],
    lambda name: name in SMALL,
)


@pytest.mark.parametrize("name", SAMPLE)
def test_corpus_secrets_not_in_output(
    corpus_dir: Path, tmp_path: Path, name: str
) -> None:
    """Real collections that leak credentials: none of them in the generated tree."""
    source = corpus_dir / f"{name}.postman_collection.json"
    env = corpus_dir / f"{name}.postman_environment.json"
    args = ["generate", str(source), "-o", str(tmp_path / "out")]
    if env.exists():
        args += ["--env", str(env)]
    collection = load(str(source), env_files=[str(env)] if env.exists() else [])
    # Short or dictionary-word values ("password") also occur as ordinary words.
    secrets = {
        v for v in SecretReport.of(collection).values if len(v) >= 8 and not v.isalpha()
    }
    result = run_pmgen(*args)
    assert result.returncode == 0, result.stderr[-2000:]
    assert not _leaks(read_tree(tmp_path / "out"), secrets)


@pytest.mark.parametrize("command", ["client", "snippets", "docs"])
def test_each_command_writes_no_secret(
    leaky: tuple[Path, Path], tmp_path: Path, command: str
) -> None:
    out = tmp_path / "out"
    result = run_pmgen(command, str(leaky[0]), "--env", str(leaky[1]), "-o", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    assert read_tree(out), "nothing written"
    assert not _leaks(read_tree(out), set(SECRETS.values()))
    assert not _leaks(
        {"stdout": result.stdout, "stderr": result.stderr}, set(SECRETS.values())
    )


@pytest.mark.parametrize("style", ["curl", "python-requests", "httpie", "http"])
def test_single_snippet_on_stdout_has_no_secret(
    leaky: tuple[Path, Path], style: str
) -> None:
    result = run_pmgen(
        "snippets",
        str(leaky[0]),
        "--env",
        str(leaky[1]),
        "--request",
        "Folder / Get things",
        "--style",
        style,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip(), "no snippet printed"
    assert not _leaks(
        {"stdout": result.stdout, "stderr": result.stderr}, set(SECRETS.values())
    )
