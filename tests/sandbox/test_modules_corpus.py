"""Real collection scripts that use the libraries, run in the module harness with a small
permissive ``pm`` stand-in: every distinct script in the shared corpora that requires a module
or uses CryptoJS, crypto.subtle, xml2Json, Buffer, atob/btoa, moment or lodash must evaluate
its library calls without a ReferenceError (or a shim method missing)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from .modhost import ModHost

USES_LIBRARY = re.compile(
    r"require\(|CryptoJS|crypto\.subtle|crypto\.getRandomValues|xml2Json|Buffer\.|\batob\(|\bbtoa\("
    r"|\bmoment\b|\b_\.[a-zA-Z]+\(|TextEncoder|KJUR|KEYUTIL"
)
CORPORA = ["corpus2", "corpus", "seed-collections"]

PM_STANDIN = r"""
(function () {
  var g = globalThis;
  g.__console = [];
  function scope(init) {
    var m = Object.assign({}, init);
    return {
      // Unknown names read as a placeholder value so scripts get as far as their library calls.
      get: function (k) { return k in m ? m[k] : (k === 'forgeJS' ? undefined : 'value-of-' + k); },
      set: function (k, v) { m[k] = v; }, has: function (k) { return k in m; },
      unset: function (k) { delete m[k]; }, clear: function () { m = {}; },
      toObject: function () { return Object.assign({}, m); },
      replaceIn: function (s) { return String(s).replace(/\{\{([^}]+)\}\}/g, function (a, k) { return k in m ? m[k] : 'value-of-' + k; }); }
    };
  }
  function List(items) { this.members = items || []; }
  List.prototype.each = function (f) { this.members.forEach(f); };
  List.prototype.forEach = List.prototype.each;
  List.prototype.find = function (f) { return this.members.find(f); };
  List.prototype.filter = function (f) { return this.members.filter(f); };
  List.prototype.map = function (f) { return this.members.map(f); };
  List.prototype.all = function () { return this.members.slice(); };
  List.prototype.toJSON = function () { return this.members.slice(); };
  List.prototype.count = function () { return this.members.length; };
  List.prototype.has = function (k) { return this.members.some(function (x) { return x.key === k; }); };
  List.prototype.get = function (k) { var x = this.members.find(function (x) { return String(x.key).toLowerCase() === String(k).toLowerCase(); }); return x && x.value; };
  List.prototype.add = function (x) { this.members.push(x); };
  List.prototype.upsert = function (x) { var e = this.members.find(function (y) { return y.key === x.key; }); if (e) e.value = x.value; else this.add(x); };
  List.prototype.remove = function (k) { this.members = this.members.filter(function (x) { return x.key !== k; }); };
  List.prototype.clear = function () { this.members = []; };
  List.prototype.toObject = function () { var o = {}; this.members.forEach(function (x) { o[x.key] = x.value; }); return o; };
  List.prototype.toString = function () { return this.members.map(function (x) { return x.key + '=' + x.value; }).join('&'); };
  var query = new List([{ key: 'symbol', value: 'BTCUSDT' }, { key: 'signature', value: '' }]);
  var url = {
    protocol: 'https', host: ['api', 'example', 'com'], path: ['v1', 'items'], query: query,
    getQueryString: function () { return query.toString(); }, getPathWithQuery: function () { return '/v1/items?' + query; },
    getOAuth1BaseUrl: function () { return 'https://api.example.com/v1/items'; }, getHost: function () { return 'api.example.com'; },
    getRemote: function () { return 'api.example.com'; }, toString: function () { return 'https://api.example.com/v1/items?' + query; }
  };
  var headers = new List([{ key: 'Content-Type', value: 'application/json' }]);
  var body = { mode: 'raw', raw: '{"a": 1}', urlencoded: new List([]), update: function () {}, toString: function () { return this.raw; } };
  var request = {
    url: url, method: 'POST', headers: headers, body: body, auth: undefined,
    addHeader: function (h) { headers.add(h); }, upsertHeader: function (h) { headers.upsert(h); },
    removeHeader: function (k) { headers.remove(k); }, getHeaders: function () { return headers.toObject(); }
  };
  var responseBody = g.__responseBody;
  var expectProxy = new Proxy(function () {}, { get: function () { return expectProxy; }, apply: function () { return expectProxy; } });
  g.pm = {
    environment: scope({ environment: 'production', 'api-key': 'k', 'api-secret': 's3cret', api_key: 'k', secretKey: 'sk',
                         'bybit-api-key': 'bk', 'bybit-api-secret': 'bs', recvWindow: 5000, client_id: 'cid', client_secret: 'cs',
                         start_date: '2024-05-01', end_date: '2024-05-20', in_between_date: '2024-05-10', collection_tries: '1',
                         consumer_key: 'ck', consumer_secret: 'cs', access_token: 'at', token_secret: 'ts' }),
    collectionVariables: scope({ projectApiSecret: 'ps', projectApiKey: 'pk', accountApiSecret: 'as', accountApiKey: 'ak', jti: 'j-1' }),
    globals: scope({}), variables: scope({ prod_url: 'https://api.example.com', 'shared-key': 'sh', 'secret-key': 'sk' }),
    iterationData: scope({}), request: request,
    response: { code: 200, status: 'OK', headers: new List([{ key: 'Content-Type', value: 'application/xml' }]), responseTime: 1,
                json: function () { return JSON.parse(responseBody); }, text: function () { return responseBody; },
                to: expectProxy },
    info: { requestName: 'SessionCreateRQ', eventName: 'prerequest', iteration: 0 },
    test: function (name, fn) { try { fn(); } catch (e) { g.__console.push('test failed: ' + name); } },
    expect: expectProxy,
    sendRequest: function (req, cb) {
      var err = new Error('offline in this test');
      if (typeof cb === 'function') { Promise.resolve().then(function () { cb(err, null); }); return undefined; }
      return Promise.reject(err);
    },
    require: function (name) { return require(name); },
    execution: { skipRequest: function () {}, setNextRequest: function () {} }
  };
  g.postman = {
    setEnvironmentVariable: pm.environment.set, getEnvironmentVariable: pm.environment.get,
    setGlobalVariable: pm.globals.set, getGlobalVariable: pm.globals.get, clearEnvironmentVariable: pm.environment.unset,
    getResponseHeader: function () { return 'application/xml'; }, setNextRequest: function () {}
  };
  g.responseBody = responseBody;
  g.responseCode = { code: 200, name: 'OK' };
  g.tests = {};
  g.request = { name: '_SessionCreateRQ x', url: 'https://api.example.com/v1/items', method: 'POST', headers: {}, data: {} };
  g.environment = {}; g.globals = {}; g.data = {}; g.iteration = 0;
  g.console = { log: function () { g.__console.push(Array.from(arguments).map(String).join(' ')); } };
  g.console.info = g.console.warn = g.console.error = g.console.debug = g.console.log;
  g.setTimeout = function (f) { Promise.resolve().then(f); return 0; };
  g.clearTimeout = function () {};
})();
"""

SOAP = (
    '<soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/"><soap-env:Header>'
    '<wsse:Security xmlns:wsse="urn:w"><wsse:BinarySecurityToken valueType="String">T-1</wsse:BinarySecurityToken>'
    "</wsse:Security></soap-env:Header><soap-env:Body><Result><id>7</id></Result></soap-env:Body></soap-env:Envelope>"
)


def _scripts(shared: Path) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            script = node.get("script")
            if node.get("listen") in ("prerequest", "test") and isinstance(
                script, dict
            ):
                exec_ = script.get("exec")
                text = "\n".join(exec_) if isinstance(exec_, list) else str(exec_ or "")
                if USES_LIBRARY.search(text):
                    seen.setdefault(text, f"{where} ({node['listen']})")
            for v in node.values():
                walk(v, where)
        elif isinstance(node, list):
            for v in node:
                walk(v, where)

    for corpus in CORPORA:
        for path in sorted((shared / corpus).glob("*.json")):
            if path.name.endswith(".postman_environment.json"):
                continue
            try:
                walk(
                    json.loads(path.read_text(encoding="utf-8")),
                    f"{corpus}/{path.name}",
                )
            except (OSError, ValueError):
                continue
    return [(where, text) for text, where in seen.items()]


def run_script(text: str, response_body: str = SOAP) -> tuple[str, list[str]]:
    host = ModHost()
    host.eval(f"globalThis.__responseBody = {json.dumps(response_body)};")
    host.eval(PM_STANDIN)
    host.eval(
        "globalThis.__outcome = 'pending';"
        f"(async function () {{\n{text}\n}})().then(function () {{ __outcome = 'ok'; }},"
        " function (e) { __outcome = (e && e.name || 'Error') + ': ' + (e && e.message); });"
    )
    host.run_jobs()
    return host.eval("__outcome"), host.json("__console")


# A failure that comes from the script or the stand-in's placeholder data is fine; one that
# shows a missing global or a missing method is not.
def _is_shim_gap(outcome: str) -> bool:
    # quickjs names no function in "not a function": any such error counts as a gap (of a
    # shim or of the stand-in), as does a missing global.
    return outcome.startswith("ReferenceError") or "not a function" in outcome


# Pre-request scripts that cannot finish outside Postman's own sandbox, and why.
NEEDS_MORE_THAN_SHIMS = {
    "postman-collection": "Cannot find module 'postman-collection'",
}


def test_corpus_library_scripts_run(shared_dir: Path) -> None:
    scripts = _scripts(shared_dir)
    assert len(scripts) >= 40, "expected the corpora's library-using scripts"
    outcomes = []
    for where, text in scripts:
        outcome, _console = run_script(text)
        outcomes.append((where, text, outcome))
    gaps = [(w, t[:80], o) for w, t, o in outcomes if _is_shim_gap(o)]
    assert not gaps, json.dumps(gaps, indent=1)
    # Pre-request scripts run against the request, not a response: each must finish, unless it
    # needs a module no shim provides.
    unfinished = [
        (w, t[:80], o)
        for w, t, o in outcomes
        if "(prerequest)" in w
        and o != "ok"
        and not any(msg in o for msg in NEEDS_MORE_THAN_SHIMS.values())
    ]
    assert not unfinished, json.dumps(unfinished, indent=1)
    finished = sum(1 for _w, _t, o in outcomes if o == "ok")
    assert finished >= 25


def test_signing_scripts_compute_expected_values(shared_dir: Path) -> None:
    """The HMAC-signing scripts produce the signature Python computes for the same input."""
    import hashlib
    import hmac

    bybit = [
        t
        for w, t in _scripts(shared_dir)
        if "bybit" in w and "cryptoJS.HmacSHA256" in t
    ]
    if not bybit:
        pytest.skip("bybit script not in the corpus")
    host = ModHost()
    host.eval(f"globalThis.__responseBody = {json.dumps(SOAP)};")
    host.eval(PM_STANDIN)
    host.eval(f"(async function () {{\n{bybit[0]}\n}})();")
    host.run_jobs()
    ts = host.eval("String(pm.variables.get('timestamp'))")
    signed = host.eval("pm.variables.get('signed')")
    message = ts + "k" + "1000000" + '{"a": 1}'  # recvWindow is 1000000 in the script
    assert signed == hmac.new(b"sk", message.encode(), hashlib.sha256).hexdigest()
