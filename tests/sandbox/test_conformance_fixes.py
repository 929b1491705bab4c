"""Sandbox behaviours found missing by the conformance runs (each as Postman's sandbox does)."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from pmgen.sandbox import Sandbox, ScriptError, VariableScopes

from .helpers import console_values, run


def test_long_concatenated_values_come_back(sandbox: Sandbox) -> None:
    # Two long strings joined make a rope string in QuickJS; the results must still be read.
    scopes = VariableScopes()
    run(
        sandbox,
        "const a = 'x'.repeat(40000), b = 'y'.repeat(40000);"
        "pm.environment.set('k', `${a}${b}`); pm.variables.set('l', a + b);",
        scopes=scopes,
    )
    assert scopes.environment["k"] == "x" * 40000 + "y" * 40000
    assert scopes.local["l"] == scopes.environment["k"]


def test_legacy_request_name_is_the_items_own_name(sandbox: Sandbox) -> None:
    # `request.name` (legacy) and pm.info.requestName: the item's name, not its folder path
    result = run(
        sandbox,
        "console.log(request.name + '|' + pm.info.requestName);",
        info={
            "requestName": "GetHotelAvailRQ CSL",
            "requestId": "Folder / GetHotelAvailRQ CSL",
        },
    )
    assert console_values(result)[-1] == "GetHotelAvailRQ CSL|GetHotelAvailRQ CSL"


def test_query_assigned_as_a_string_becomes_params(sandbox: Sandbox) -> None:
    result = run(
        sandbox,
        "pm.request.url.query = 'x=1&sig=a%2Fb';"
        "const h = pm.request.headers.find((h) => h.key === 'A'); h.value = 'changed';"
        "console.log(pm.request.url.query.get('sig'));",
    )
    assert console_values(result)[-1] == "a%2Fb"
    assert result.request["url"]["query"] == [
        {"key": "x", "value": "1", "disabled": False},
        {"key": "sig", "value": "a%2Fb", "disabled": False},
    ]
    assert result.request["header"] == [
        {"key": "A", "value": "changed", "disabled": False}
    ]


def test_cryptojs_missing_message_and_key_as_crypto_js(sandbox: Sandbox) -> None:
    # crypto-js hashes nothing for a missing message, and its HMAC fails on a missing key
    # (a collection signing with an unset secret sends its header unresolved in Newman)
    empty = hashlib.sha256(b"").hexdigest()
    result = run(
        sandbox,
        "console.log(CryptoJS.SHA256(pm.request.body.raw).toString());"
        "console.log(CryptoJS.HmacSHA256(undefined, 'k').toString());",
    )
    assert console_values(result) == [
        empty,
        hmac.new(b"k", b"", hashlib.sha256).hexdigest(),
    ]
    for key in ("undefined", "null", "5"):
        with pytest.raises(ScriptError, match="TypeError"):
            run(sandbox, f"CryptoJS.HmacSHA256('abc', {key});")
    with pytest.raises(ScriptError, match="TypeError"):
        run(sandbox, "CryptoJS.algo.HMAC.create(CryptoJS.algo.SHA256, undefined);")


def test_require_postman_collection(sandbox: Sandbox) -> None:
    result = run(
        sandbox,
        "const sdk = require('postman-collection');"
        "const url = new sdk.Url('HTTPS://API.Example.com:443/v1/a b?x=1&y');"
        "console.log(url.getPathWithQuery());"
        "console.log(url.getOAuth1BaseUrl());"
        "console.log(JSON.stringify(sdk.QueryParam.parse('?a=1&b').map((p) => [p.key, p.value])));"
        "console.log(new sdk.Header('X-A: 1').toString());",
    )
    assert console_values(result) == [
        "/v1/a b?x=1&y",
        "https://api.example.com/v1/a b",
        '[["a","1"],["b",null]]',
        "X-A: 1",
    ]


def test_undefined_values_come_back_as_postman_substitutes_them(
    sandbox: Sandbox,
) -> None:
    # an environment value set to undefined is substituted "null", a local one ""
    scopes = VariableScopes()
    run(
        sandbox,
        "const d = {}; pm.environment.set('e', d.missing); pm.variables.set('l', d.missing);"
        "pm.variables.set('n', null);",
        scopes=scopes,
    )
    assert scopes.environment["e"] is None
    assert scopes.local["l"] == ""
    assert scopes.local["n"] is None


def test_moment_of_undefined_with_a_format_is_invalid(sandbox: Sandbox) -> None:
    result = run(
        sandbox,
        "const moment = require('moment'); const env = {};"
        "console.log(moment(env.missing, 'YYYY-MM-DD').add(1, 'day').format('YYYY-MM-DD'));"
        "console.log(moment(undefined).isValid());",
    )
    assert console_values(result) == ["Invalid date", "true"]
