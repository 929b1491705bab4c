"""Snippets of requests shaped by their pre-request scripts (`pmgen.script_effects`): a real
collection built here, `pmgen snippets` run on it, each snippet run for real against an
echo server on 127.0.0.1, what it sent checked against values computed here."""

from __future__ import annotations

import base64
import datetime
import email.utils
import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.echo_server import EchoServer

pytest.importorskip("quickjs")

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
SECRET = "s3cret-Signing-Key-0123456789"
API_KEY = "k3y-Api-Value-9876543210"
STYLES = ("python-requests", "python-httpx", "python-http.client", "curl", "wget")
PYTHON_STYLES = ("python-requests", "python-httpx", "python-http.client")

COLLECTION_SCRIPT = """
pm.request.headers.upsert({key: 'User-Agent', value: 'pmgen-test/1'});
pm.request.headers.remove('X-Drop');
pm.request.url.query.add({key: 'added', value: 'yes'});
pm.environment.set('region', pm.variables.get('base') + '-eu');
const ts = Date.now();
pm.environment.set('ts', ts);
pm.environment.set('ts_s', Math.floor(ts / 1000));
const message = ts + 'GET' + pm.request.url.getQueryString();
pm.environment.set('sig', CryptoJS.HmacSHA256(message, pm.variables.get('secret')).toString());
pm.environment.set('sig64', CryptoJS.enc.Base64.stringify(
    CryptoJS.HmacSHA512('v1:' + ts, pm.variables.get('secret'))));
pm.environment.set('nonce', Math.random().toString(36).slice(2));
pm.request.headers.add({key: 'X-Api-Key', value: pm.variables.get('api_key')});
const whole = new Date();
whole.setMilliseconds(0);
pm.request.headers.add({key: 'X-Date', value: new Date().toUTCString()});
pm.request.headers.add({key: 'X-Iso', value: new Date().toISOString()});
pm.request.headers.add({key: 'X-Iso-S', value: whole.toISOString()});
const moment = require('moment');
pm.environment.set('in_a_month', moment().add(30, 'day').format('YYYY-MM-DD'));
pm.request.headers.add({key: 'X-Fixed-Date', value: moment('2024-05-01').format('YYYY-MM-DD')});
"""


def _write(tmp_path: Path, items: list[dict[str, Any]], script: str) -> Path:
    doc = {
        "info": {"name": "Scripted", "schema": SCHEMA},
        "event": [{"listen": "prerequest", "script": {"exec": script.splitlines()}}],
        "variable": [
            {"key": "base", "value": "west"},
            {"key": "secret", "value": SECRET},
            {"key": "api_key", "value": API_KEY},
        ],
        "item": items,
    }
    path = tmp_path / "c.postman_collection.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _generate(collection: Path, out: Path, styles: tuple[str, ...] = STYLES) -> None:
    args = [sys.executable, "-m", "pmgen", "snippets", str(collection), "-o", str(out)]
    for style in styles:
        args += ["--style", style]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def _run(path: Path, env: dict[str, str], cwd: Path) -> None:
    command = (
        [sys.executable, str(path)] if path.suffix == ".py" else ["bash", str(path)]
    )
    done = subprocess.run(
        command,
        env={"PATH": os.environ["PATH"], **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _headers(record: dict[str, Any]) -> dict[str, str]:
    return {k.lower(): v for k, v in record["headers"]}


def _request(port: int) -> dict[str, Any]:
    return {
        "name": "Signed",
        "request": {
            "method": "GET",
            "url": f"http://127.0.0.1:{port}/v1/orders?symbol=ABC",
            "header": [
                {"key": "X-Drop", "value": "gone"},
                {"key": "X-Region", "value": "{{region}}"},
                {"key": "X-Ts", "value": "{{ts}}"},
                {"key": "X-Ts-S", "value": "{{ts_s}}"},
                {"key": "X-Sig", "value": "{{sig}}"},
                {"key": "X-Sig64", "value": "{{sig64}}"},
                {"key": "X-Nonce", "value": "{{nonce}}"},
                {"key": "X-Day", "value": "{{in_a_month}}"},
            ],
        },
    }


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The collection generated once in every style, its echo server kept running."""
    tmp = tmp_path_factory.mktemp("signed")
    with EchoServer() as server:
        source = _write(tmp, [_request(server.port)], COLLECTION_SCRIPT)
        _generate(source, tmp / "out")
        assert not server.requests  # generating sent nothing
        yield tmp / "out", server


@pytest.mark.parametrize("style", STYLES)
def test_script_effects_sent_as_postman_sends_them(
    signed: tuple[Path, EchoServer], style: str, tmp_path: Path
) -> None:
    out, server = signed
    ext = "py" if style.startswith("python") else "sh"
    snippet = out / style / f"signed.{ext}"
    text = snippet.read_text("utf-8")
    assert SECRET not in text and API_KEY not in text
    assert "PM_NONCE" in text  # random: read from the environment, named
    assert "2024-05-01" in text
    server.clear()
    before = int(time.time() * 1000)
    _run(
        snippet,
        {"PM_SECRET": SECRET, "PM_API_KEY": API_KEY, "PM_NONCE": "n0nce"},
        tmp_path,
    )
    after = int(time.time() * 1000)
    (record,) = server.requests
    headers = _headers(record)
    assert "x-drop" not in headers
    assert headers["user-agent"] == "pmgen-test/1"
    assert headers["x-region"] == "west-eu"
    assert headers["x-api-key"] == API_KEY
    assert headers["x-nonce"] == "n0nce"
    assert record["query"] == "symbol=ABC&added=yes"
    ts = int(headers["x-ts"])
    assert before - 1000 <= ts <= after  # computed when it ran, not when generated
    assert headers["x-ts-s"] == str(ts // 1000)
    moment = datetime.datetime.fromtimestamp(ts / 1000, datetime.timezone.utc)
    assert headers["x-date"] == email.utils.formatdate(ts // 1000, usegmt=True)
    assert (
        headers["x-iso"] == moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts % 1000:03d}Z"
    )
    assert headers["x-iso-s"] == moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    day = datetime.date.fromtimestamp(ts / 1000) + datetime.timedelta(days=30)
    assert headers["x-day"] == day.isoformat()
    assert headers["x-fixed-date"] == "2024-05-01"  # a constant date stays one
    message = f"{ts}GET{record['query']}".encode()
    assert (
        headers["x-sig"]
        == hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()
    )
    sig64 = hmac.new(SECRET.encode(), f"v1:{ts}".encode(), hashlib.sha512).digest()
    assert headers["x-sig64"] == base64.b64encode(sig64).decode()


def test_constant_effects_need_no_computation(tmp_path: Path) -> None:
    script = (
        "pm.request.headers.add({key: 'X-Client', value: 'acme ' + pm.variables.get('base')});"
        "pm.variables.set('path', 'v2');"
    )
    item = {
        "name": "Plain",
        "request": {
            "method": "POST",
            "url": "http://127.0.0.1:1/{{path}}/x",
            "body": {"mode": "raw", "raw": "{}"},
        },
    }
    source = _write(tmp_path, [item], script)
    _generate(source, tmp_path / "out", ("python-requests", "curl"))
    py = (tmp_path / "out" / "python-requests" / "plain.py").read_text("utf-8")
    sh = (tmp_path / "out" / "curl" / "plain.sh").read_text("utf-8")
    for text in (py, sh):
        assert "acme west" in text and "/v2/x" in text
        assert "time" not in text and "hmac" not in text and "pm_" not in text


HOSTILE = 'x\'"$(touch pwned)`touch pwned2`;"""\\ {{nope}} %s'


def test_hostile_script_values_stay_data(tmp_path: Path) -> None:
    script = (
        f"pm.request.headers.add({{key: 'X-Evil', value: {json.dumps(HOSTILE)}}});"
        f"pm.environment.set('evil', {json.dumps(HOSTILE)} + Date.now());"
    )
    with EchoServer() as server:
        item = {
            "name": "Evil",
            "request": {
                "method": "GET",
                "url": f"http://127.0.0.1:{server.port}/e",
                "header": [{"key": "X-Evil-Var", "value": "{{evil}}"}],
            },
        }
        source = _write(tmp_path, [item], script)
        out = tmp_path / "out"
        _generate(source, out, ("python-requests", "curl"))
        for path in (out / "python-requests" / "evil.py", out / "curl" / "evil.sh"):
            if path.suffix == ".sh":
                subprocess.run(["bash", "-n", str(path)], check=True)
            run_dir = tmp_path / f"run-{path.suffix[1:]}"
            run_dir.mkdir()
            server.clear()
            _run(path, {}, run_dir)
            assert list(run_dir.iterdir()) == []  # nothing ran but the request
            headers = _headers(server.requests[0])
            assert headers["x-evil"] == HOSTILE
            assert headers["x-evil-var"].startswith(HOSTILE)
            assert headers["x-evil-var"][len(HOSTILE) :].isdigit()  # the time, now


def test_send_request_never_reaches_the_network(tmp_path: Path) -> None:
    with EchoServer() as server:
        script = (
            f"pm.sendRequest('http://127.0.0.1:{server.port}/token', (err, res) => {{"
            "  pm.environment.set('token', err ? 'none' : res.text());"
            "  pm.request.headers.add({key: 'X-Session', value: err ? 'none' : 's'}); });"
        )
        item = {
            "name": "Uses token",
            "request": {
                "method": "GET",
                "url": f"http://127.0.0.1:{server.port}/me",
                "header": [{"key": "Authorization", "value": "Bearer {{token}}"}],
            },
        }
        source = _write(tmp_path, [item], script)
        out = tmp_path / "out"
        _generate(source, out, ("python-requests",))
        assert not server.requests
    text = (out / "python-requests" / "uses_token.py").read_text("utf-8")
    assert "none" not in text  # not the value the failed send left here
    assert 'os.environ["PM_TOKEN"]' in text
    assert '"X-Session": os.environ["PM_X_SESSION"]' in text  # its name kept


def test_endless_script_stops_at_its_limit_once(tmp_path: Path) -> None:
    items = [
        {
            "name": f"r{n}",
            "request": {"method": "GET", "url": f"http://127.0.0.1:1/x{n}"},
        }
        for n in range(5)
    ]
    source = _write(tmp_path, items, "while (true) {}")
    started = time.monotonic()
    _generate(source, tmp_path / "out", ("curl",))
    assert time.monotonic() - started < 30  # one chain run to the limit, not five
    for n in range(5):
        text = (tmp_path / "out" / "curl" / f"r{n}.sh").read_text("utf-8")
        assert "could not run here" in text
        assert f"/x{n}" in text  # each request as written, not the first one's


def test_values_derived_from_a_secret_are_not_inlined(tmp_path: Path) -> None:
    script = (
        "pm.request.headers.add({key: 'Authorization', value: 'Basic ' + "
        "btoa('alice:' + pm.variables.get('secret'))});"
        "pm.request.headers.add({key: 'X-Digest', value: "
        "CryptoJS.SHA256(pm.variables.get('secret')).toString()});"
    )
    with EchoServer() as server:
        item = {
            "name": "Derived",
            "request": {"method": "GET", "url": f"http://127.0.0.1:{server.port}/d"},
        }
        source = _write(tmp_path, [item], script)
        out = tmp_path / "out"
        _generate(source, out, ("python-requests", "curl"))
        basic = base64.b64encode(f"alice:{SECRET}".encode()).decode()
        digest = hashlib.sha256(SECRET.encode()).hexdigest()
        for path in (
            out / "python-requests" / "derived.py",
            out / "curl" / "derived.sh",
        ):
            text = path.read_text("utf-8")
            assert basic not in text and digest not in text and SECRET not in text
            server.clear()
            run_dir = tmp_path / f"run-{path.suffix[1:]}"
            run_dir.mkdir()
            _run(path, {"PM_AUTHORIZATION": "Basic x", "PM_X_DIGEST": "d"}, run_dir)
            headers = _headers(server.requests[0])
            assert headers["authorization"] == "Basic x"
            assert headers["x-digest"] == "d"
