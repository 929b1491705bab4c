"""Per-call cost of the sandbox library shims (not a timed test).

Runs in a bare quickjs-ng context set up as the modules contract says (natives registered,
``require`` over ``module_sources()``, ``globals_source()``), once with the Python natives and
once with a time limit set (quickjs-ng then refuses calls into Python, so the shims use their
plain-JavaScript fallback). Usage: ``python -m benchmarks.sandbox_modules [--calls N]``.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import time

import quickjs

from pmgen.sandbox.modules import globals_source, module_sources, native_functions

_LOADER = """
(function () {
  var cache = {}, sources = %s;
  globalThis.require = function (name) {
    if (name in cache) return cache[name].exports;
    var module = { exports: {} };
    cache[name] = module;
    new Function('module', 'exports', 'require', sources[name]).call(module.exports, module, module.exports, require);
    return module.exports;
  };
})();
"""
MESSAGE = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=0.1&recvWindow=5000&timestamp=1700000000000"
KEY = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
CASES = {
    "CryptoJS.HmacSHA256(msg, key).toString()": "CryptoJS.HmacSHA256(msg, key).toString()",
    "CryptoJS.enc.Base64.stringify(CryptoJS.HmacSHA512(msg, key))": (
        "CryptoJS.enc.Base64.stringify(CryptoJS.HmacSHA512(msg, key))"
    ),
    "CryptoJS.SHA256(msg).toString()": "CryptoJS.SHA256(msg).toString()",
    "KJUR.crypto.Util.sha256(msg)": "require('jsrsasign').KJUR.crypto.Util.sha256(msg)",
}


def _context(time_limit: float | None) -> tuple[quickjs.Context, float]:
    start = time.perf_counter()
    ctx = quickjs.Context()
    for name, fn in native_functions().items():
        ctx.add_callable(name, fn)
    ctx.eval(_LOADER % json.dumps(module_sources()))
    ctx.eval(globals_source())
    ctx.eval(
        f"var msg = {json.dumps(MESSAGE)}, key = {json.dumps(KEY)}; CryptoJS.MD5('');"
    )
    if time_limit is not None:
        ctx.set_time_limit(time_limit)
    return ctx, time.perf_counter() - start


def _per_call(ctx: quickjs.Context, expr: str, calls: int) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        ctx.eval(f"for (var i = 0; i < {calls}; i++) {expr};")
        best = min(best, time.perf_counter() - start)
    return best / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=1000)
    args = parser.parse_args()
    out: dict[str, object] = {"calls": args.calls}
    for label, limit in [("natives", None), ("js_fallback", 600.0)]:
        ctx, setup = _context(limit)
        calls = args.calls if limit is None else max(args.calls // 10, 10)
        out[label] = {
            "context_setup_ms": round(setup * 1e3, 2),
            **{k: round(_per_call(ctx, v, calls) * 1e6, 1) for k, v in CASES.items()},
        }
    start = time.perf_counter()
    for _ in range(args.calls):
        hmac.new(KEY.encode(), MESSAGE.encode(), hashlib.sha256).hexdigest()
    out["python_hmac_sha256_us"] = round(
        (time.perf_counter() - start) / args.calls * 1e6, 2
    )
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
