"""Nothing reaches files, sockets, the environment or Python objects; limits stop scripts."""

from __future__ import annotations

import time

import pytest

from pmgen.sandbox import (
    Limits,
    Sandbox,
    ScriptError,
    ScriptMemoryError,
    ScriptTimeout,
    VariableScopes,
)
from pmgen.sandbox import modules as sandbox_modules

from .helpers import console_values, run


def test_no_host_objects(sandbox: Sandbox) -> None:
    names = [
        "std",
        "os",
        "process",
        "Deno",
        "Bun",
        "require.resolve",
        "module",
        "exports",
        "__dirname",
        "XMLHttpRequest",
        "fetch",
        "WebSocket",
        "importScripts",
        "print",
        "scriptArgs",
        "__pmgen_tainted",
        "__pmgen_module_source",
        "__pmgen_dynamic",
        "__pmgen_probe",
    ]
    probes = ",".join(
        f"(function () {{ try {{ return typeof {n}; }} catch (e) {{ return 'undefined'; }} }})()"
        for n in names
    )
    src = f"console.log(JSON.stringify([{probes}]))"
    assert console_values(run(sandbox, src)) == [
        '["' + '","'.join(["undefined"] * len(names)) + '"]'
    ]


def test_no_module_imports(sandbox: Sandbox) -> None:
    src = """
    const out = [];
    for (const m of ['fs', 'child_process', 'net', 'http', 'os', 'std', 'path', 'process']) {
      try { require(m); out.push(m + ':loaded'); } catch (e) { out.push(m + ':' + e.message); }
    }
    try { await import('std'); out.push('import:loaded'); } catch (e) { out.push('import:failed'); }
    console.log(out.join('|'));
    """
    line = console_values(run(sandbox, src))[0]
    assert "loaded" not in line
    assert (
        "fs:module fs is not available in pmgen's sandbox" in line
        and "import:failed" in line
    )


def test_environment_variables_do_not_leak(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PMGEN_SECRET_PROBE", "s3cr3t-value")
    src = (
        "console.log(JSON.stringify(Object.getOwnPropertyNames(globalThis)),"
        " JSON.stringify(pm.environment.toObject()))"
    )
    text = console_values(run(sandbox, src))[0]
    assert "s3cr3t-value" not in text and "PMGEN_SECRET_PROBE" not in text


def test_pmgen_driver_cannot_be_replaced(sandbox: Sandbox) -> None:
    src = (
        "try { globalThis.__pmgen = {}; __pmgen.begin = null; delete globalThis.__pmgen; }"
        " catch (e) {} console.log(typeof __pmgen.begin)"
    )
    assert console_values(run(sandbox, src)) == ["function"]
    assert console_values(run(sandbox, "console.log('still works')")) == ["still works"]


def test_tampering_that_cannot_be_undone_rebuilds_the_context(sandbox: Sandbox) -> None:
    run(
        sandbox,
        "Object.defineProperty(globalThis, 'stuck', {value: 1}); Object.freeze(Array.prototype);",
    )
    assert console_values(
        run(sandbox, "console.log(typeof stuck, Object.isFrozen(Array.prototype))")
    ) == ["undefined false"]


def test_endless_loop_stops_within_the_limit() -> None:
    sb = Sandbox(limits=Limits(time_s=0.5))
    run(sb, "1")  # context built and checked outside the measurement
    started = time.process_time()
    with pytest.raises(ScriptTimeout) as info:
        run(sb, "while (true) {}", level="folder")
    spent = time.process_time() - started
    assert 0.45 <= spent < 1.5, spent
    assert info.value.level == "folder" and "0.5 s" in info.value.message
    # the sandbox is usable afterwards
    assert console_values(run(sb, "console.log('next')")) == ["next"]


@pytest.mark.parametrize(
    "src",
    [
        "for (;;) { try { while (true) {} } catch (e) {} }",
        "async function f() { for (;;) await null; } await f();",
        "setInterval(() => {}, 1);",
        "function again() { setTimeout(again, 0); } again();",
    ],
)
def test_loops_that_try_to_escape_the_limit(src: str) -> None:
    sb = Sandbox(limits=Limits(time_s=0.3))
    with pytest.raises(ScriptTimeout):
        run(sb, src)


def test_time_limit_allows_python_calls_until_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        sandbox_modules, "native_functions", lambda: {"__native_echo": lambda s: s}
    )
    sb = Sandbox(limits=Limits(time_s=0.5))
    assert console_values(run(sb, "console.log(__native_echo('in time'))")) == [
        "in time"
    ]
    with pytest.raises(ScriptTimeout):
        run(sb, "for (;;) __native_echo('x');")


def test_memory_bomb_stops_with_memory_error() -> None:
    sb = Sandbox(limits=Limits(memory_bytes=48 * 2**20))
    with pytest.raises(ScriptMemoryError) as info:
        run(sb, "const a = []; for (;;) a.push('x'.repeat(1 << 16) + a.length);")
    assert str(48 * 2**20) in info.value.message
    with pytest.raises(ScriptMemoryError):
        run(
            sb,
            "const m = new Map(); for (let i = 0; ; i++) m.set(i, {i, s: String(i)});",
        )
    assert console_values(run(sb, "console.log('alive')")) == ["alive"]


def test_deep_recursion_is_a_script_error(sandbox: Sandbox) -> None:
    with pytest.raises(ScriptError) as info:
        run(sandbox, "function f(n) { return f(n + 1) + 1; }\nf(0);")
    assert (
        "stack" in info.value.message.lower()
        or "call stack" in info.value.message.lower()
    )


def test_natives_only_pass_primitives(monkeypatch: pytest.MonkeyPatch) -> None:
    leaked: list[object] = []

    def keep(*args: object) -> str:
        leaked.extend(args)
        return "ok"

    monkeypatch.setattr(
        sandbox_modules,
        "native_functions",
        lambda: {
            "__native_keep": keep,
            "__native_pyobj": lambda: {"a": 1},
            "__native_func": lambda: open,
            "__native_bytes": lambda: b"raw",
            "__native_big": lambda: 2**60,
            "__native_nul": lambda: "a\x00b",
        },
    )
    sb = Sandbox()
    src = """
    const out = [];
    for (const f of [() => __native_keep({a: 1}), () => __native_keep([1]),
                     () => __native_keep(() => 1), () => __native_pyobj(), () => __native_func(),
                     () => __native_bytes(), () => __native_nul()]) {
      try { out.push(typeof f()); } catch (e) { out.push('refused'); }
    }
    out.push(__native_keep('s', 1, 1.5, true, null), __native_big() === 2 ** 60);
    console.log(out.join(','));
    """
    assert console_values(run(sb, src)) == [
        "refused,refused,refused,refused,refused,refused,refused,ok,true"
    ]
    assert leaked == ["s", 1, 1.5, True, None]  # objects never reached Python


def test_natives_cannot_read_files(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    sb = Sandbox()
    src = f"""
    const found = [];
    for (const name of Object.getOwnPropertyNames(globalThis)) {{
      const v = globalThis[name];
      if (typeof v !== 'function' || !name.startsWith('__native_')) continue;
      for (const arg of [{str(secret)!r}, 'file://' + {str(secret)!r}]) {{
        try {{ found.push(String(v(arg))); }} catch (e) {{ found.push(e.message); }}
      }}
    }}
    console.log(JSON.stringify(found));
    """
    assert "TOP-SECRET-CONTENT" not in console_values(run(sb, src))[0]


def test_variables_with_odd_keys_and_values_round_trip(sandbox: Sandbox) -> None:
    scopes = VariableScopes(
        environment={
            "__proto__": "p",
            "constructor": "c",
            "nul": "a\x00b",
            "u": "\u2028\U0001f600",
        }
    )
    result = run(
        sandbox,
        "console.log(pm.environment.get('__proto__'), pm.environment.get('constructor'),"
        " pm.environment.get('nul').length);"
        " pm.environment.set('toString', 'x');",
        scopes=scopes,
    )
    assert console_values(result) == ["p c 3"]
    assert scopes.environment == {
        "__proto__": "p",
        "constructor": "c",
        "nul": "a\x00b",
        "u": "\u2028\U0001f600",
        "toString": "x",
    }


def test_long_concatenated_strings_cross_the_boundary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # QuickJS keeps concatenations as ropes, which the binding cannot hand to Python
    monkeypatch.setattr(
        sandbox_modules, "native_functions", lambda: {"__native_len": len}
    )
    sb = Sandbox()
    scopes = VariableScopes()
    src = """
    const big = 'x'.repeat(5000) + 'y'.repeat(5000);
    pm.environment.set('big', big + big);
    pm.request.body.update(big + '!');
    console.log(__native_len(big + big), __native_len(`${big}`));
    """
    result = run(sb, src, scopes=scopes)
    assert console_values(result) == ["20000 10000"]
    assert len(scopes.environment["big"]) == 20000
    assert result.request["body"]["raw"] == "x" * 5000 + "y" * 5000 + "!"


@pytest.mark.parametrize(
    "tamper",
    [
        "Object.defineProperty(Array.prototype, 'map', {get() { calls++; return m; },"
        " configurable: true});",
        "Reflect.defineProperty(Array.prototype, 'map', {get() { calls++; return m; },"
        " configurable: true});",
        "Object.defineProperties(Array.prototype, {map: {get() { calls++; return m; },"
        " configurable: true}});",
        "Array.prototype.__defineGetter__('map', function () { calls++; return m; });",
        "Math.__defineGetter__('max', function () { calls++; return mx; });",
    ],
)
def test_an_accessor_that_returns_the_original_is_undone(
    sandbox: Sandbox, tamper: str
) -> None:
    # the getter hands back the same value, so only the descriptor tells the change
    run(
        sandbox,
        "globalThis.calls = 0; const m = Array.prototype.map, mx = Math.max; " + tamper,
    )
    out = run(
        sandbox,
        "const d = Object.getOwnPropertyDescriptor(Array.prototype, 'map');"
        " const p = Object.getOwnPropertyDescriptor(Math, 'max');"
        " console.log(typeof calls, 'value' in d, 'value' in p)",
    )
    assert console_values(out) == ["undefined true true"]


def test_a_cached_script_gets_a_fresh_function_each_run(sandbox: Sandbox) -> None:
    src = (
        "const f = __pmgen_script__; f.runs = (f.runs || 0) + 1;"
        " globalThis.count = (globalThis.count || 0) + 1; console.log(f.runs, count)"
    )
    assert console_values(run(sandbox, src)) == ["1 1"]
    assert console_values(run(sandbox, src)) == ["1 1"]


def test_a_descriptor_that_changes_its_answer_is_read_once(sandbox: Sandbox) -> None:
    # `has` says "no getter" on the first ask only; the define must see what was checked
    run(
        sandbox,
        "const m = Array.prototype.map; let asks = 0;"
        " const d = new Proxy({get() { return m; }, configurable: true},"
        " {has(t, k) { return k === 'get' ? asks++ > 0 : k in t; }});"
        " try { Object.defineProperty(Array.prototype, 'map', d); } catch (e) {}"
        " Object.defineProperty(Array.prototype, 'map', d);",
    )
    out = run(
        sandbox,
        "console.log('value' in Object.getOwnPropertyDescriptor(Array.prototype, 'map'))",
    )
    assert console_values(out) == ["true"]


def test_added_and_replaced_globals_and_symbols_are_undone(sandbox: Sandbox) -> None:
    run(
        sandbox,
        "globalThis[Symbol.for('pmgen.x')] = 1; globalThis.added = 2;"
        " Array.prototype[Symbol.for('pmgen.y')] = 3; Array.prototype.extra = 4;"
        " String.prototype.trim = null; Math.max = () => 0; NaN;",
    )
    out = run(
        sandbox,
        "console.log(globalThis[Symbol.for('pmgen.x')], typeof added,"
        " [][Symbol.for('pmgen.y')], [].extra, ' a '.trim(), Math.max(1, 2),"
        " Number.isNaN(Number.NaN))",
    )
    assert console_values(out) == ["undefined undefined undefined undefined a 2 true"]
