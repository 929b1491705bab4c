"""A minimal host doing exactly what the modules contract says, until the sandbox core lands:
register the natives, define ``require`` over ``module_sources()`` (each source is the body of
``function (module, exports, require)``, run once, ``module.exports`` cached), then run
``globals_source()``."""

from __future__ import annotations

import json
from typing import Any

import quickjs

from pmgen.sandbox.modules import globals_source, module_sources, native_functions

_LOADER = r"""
(function () {
  var cache = {}, sources = %s;
  globalThis.require = function require(name) {
    name = String(name);
    if (name.indexOf('npm:') === 0) name = name.slice(4).replace(/@[^@\/]*$/, '');
    if (Object.prototype.hasOwnProperty.call(cache, name)) return cache[name].exports;
    if (!Object.prototype.hasOwnProperty.call(sources, name)) throw new Error("Cannot find module '" + name + "'");
    var module = { exports: {} };
    cache[name] = module;
    var fn = new Function('module', 'exports', 'require', sources[name]);
    fn.call(module.exports, module, module.exports, require);
    return module.exports;
  };
})();
"""


class ModHost:
    # quickjs-ng refuses every call into Python while a time limit is set ("Can not call into
    # Python with a time limit set"): with time_limit the shims run on their JS fallbacks.
    def __init__(
        self, *, memory_limit: int = 256 << 20, time_limit: float | None = None
    ) -> None:
        self.ctx = quickjs.Context()
        self.ctx.set_memory_limit(memory_limit)
        for name, fn in native_functions().items():
            self.ctx.add_callable(name, fn)
        self.ctx.eval(_LOADER % json.dumps(module_sources()))
        self.ctx.eval(globals_source())
        if time_limit is not None:
            self.ctx.set_time_limit(time_limit)

    def eval(self, src: str) -> Any:
        return self.ctx.eval(src)

    def json(self, expr: str) -> Any:
        """Evaluate an expression and bring the value over as JSON."""
        out = self.ctx.eval(f"JSON.stringify({expr})")
        return None if out is None else json.loads(out)

    def run_jobs(self) -> None:
        while self.ctx.execute_pending_job():
            pass

    def await_json(self, expr: str) -> Any:
        """Evaluate a Promise-valued expression, run jobs, and return its JSON result."""
        self.ctx.eval(
            "globalThis.__res = undefined; globalThis.__err = undefined;"
            f"Promise.resolve({expr}).then(function (v) {{ globalThis.__res = JSON.stringify(v); }},"
            " function (e) { globalThis.__err = String(e); });"
        )
        self.run_jobs()
        err = self.ctx.eval("globalThis.__err")
        if err is not None:
            raise RuntimeError(err)
        out = self.ctx.eval("globalThis.__res")
        return None if out is None else json.loads(out)
