"""OAuth 1.0 signed inline by the Python styles: the signer each snippet carries gives the
signature of Twitter's documented example (fixed nonce and timestamp), and the snippet
sends a header of Postman's shape."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import pytest

from pmgen.emitters import snippets
from pmgen.formatting import black_changes, stable_paths
from pmgen.importer import load
from tests.helpers.echo_server import EchoServer

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
# https://developer.x.com/en/docs/authentication/oauth-1-0a/creating-a-signature
# (its result: hCtSmYh+iHYCEqBWrE7C7hYmtUk=)
TWITTER = {
    "consumerKey": "xvz1evFS4wEEPTGEFPHBog",
    "consumerSecret": "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
    "token": "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
    "tokenSecret": "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
    "signatureMethod": "HMAC-SHA1",
    "timestamp": "1318622958",
    "nonce": "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
    "version": "1.0",
    "addParamsToHeader": True,
}
STATUS = "Hello Ladies + Gentlemen, a signed OAuth request!"


def _emit(tmp_path: Path, url: str) -> dict[str, str]:
    doc = {
        "info": {"name": "OAuth1", "schema": SCHEMA},
        "item": [{
            "name": "update",
            "request": {
                "method": "POST",
                "url": url,
                "auth": {"type": "oauth1", "oauth1": [
                    {"key": k, "value": v} for k, v in TWITTER.items()
                ]},
                "body": {"mode": "urlencoded", "urlencoded": [
                    {"key": "status", "value": STATUS},
                ]},
            },
        }],
    }  # fmt: skip
    source = tmp_path / "c.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    files = snippets.emit(
        load(str(source)),
        styles=sorted(snippets.BLACK_STABLE_STYLES),
        reveal_secrets=True,
    )
    return dict(files) | {"stable": "\n".join(sorted(stable_paths(files)))}


@pytest.mark.parametrize("style", sorted(snippets.BLACK_STABLE_STYLES))
def test_signer_matches_the_documented_signature(tmp_path: Path, style: str) -> None:
    url = "https://api.twitter.com/1.1/statuses/update.json?include_entities=true"
    files = _emit(tmp_path, url)
    path = f"{style}/update.py"
    assert path in files["stable"].split("\n") and not black_changes(
        {path: files[path]}
    )
    source = files[path]
    prefix = source[: source.index("signed = sign_oauth1(")]
    namespace: dict[str, Any] = {}
    # the signer and its parameters, without sending the request
    exec(compile(prefix, path, "exec"), namespace)
    form = [("Content-Type", "application/x-www-form-urlencoded")]
    body = b"status=" + quote_plus(STATUS).encode()
    _, headers, _ = namespace["sign_oauth1"](
        namespace["auth_params"], "POST", url, form, body, None
    )
    header = dict(headers)["Authorization"]
    assert 'oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D"' in header
    assert header.startswith(
        'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog",oauth_token='
    )


def test_snippet_sends_the_signed_header(tmp_path: Path) -> None:
    with EchoServer() as server:
        files = _emit(tmp_path, f"{server.url}/update")
        for style in sorted(snippets.BLACK_STABLE_STYLES):
            script = tmp_path / "run.py"
            script.write_text(files[f"{style}/update.py"], encoding="utf-8")
            run = subprocess.run(
                [sys.executable, str(script)], capture_output=True, text=True,
                timeout=30, check=False,
            )  # fmt: skip
            assert run.returncode == 0, run.stderr
            auth = dict(server.requests[-1]["headers"])["Authorization"]
            assert auth.startswith("OAuth oauth_consumer_key="), style
