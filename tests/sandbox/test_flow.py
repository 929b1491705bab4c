"""Execution flow: chains, isolation, errors with lines, timers, await, eval, console, loader."""

from __future__ import annotations

import logging

import pytest

from pmgen.sandbox import Sandbox, Script, ScriptError, VariableScopes
from pmgen.sandbox import modules as sandbox_modules

from .helpers import console_values, make_request, run


def chain(sandbox: Sandbox, *sources: str, scopes: VariableScopes | None = None):  # type: ignore[no-untyped-def]
    levels = ["collection", "folder", "request"]
    scripts = [
        Script(src, "prerequest", levels[min(i, 2)], f"owner{i}")  # type: ignore[arg-type]
        for i, src in enumerate(sources)
    ]
    return sandbox.run(
        scripts,
        request_name="Req",
        request=make_request(),
        scopes=scopes or VariableScopes(),
    )


def test_chain_runs_in_order_sharing_request_and_variables(sandbox: Sandbox) -> None:
    result = chain(
        sandbox,
        "pm.request.headers.add({key: 'X-Col', value: '1'}); pm.variables.set('step', 'c');",
        "pm.request.headers.add({key: 'X-Fold', value: pm.variables.get('step') + 'f'});",
        "pm.request.headers.upsert({key: 'X-Col', value: '3'});"
        " console.log(pm.request.headers.count());",
    )
    assert console_values(result) == ["3"]
    assert [(h["key"], h["value"]) for h in result.request["header"]] == [
        ("A", "b"),
        ("X-Col", "3"),
        ("X-Fold", "cf"),
    ]


def test_scripts_do_not_share_js_globals(sandbox: Sandbox) -> None:
    result = chain(
        sandbox,
        "var helper = function () { return 1; }; implicitGlobal = 5; function decl() {}"
        " Array.prototype.leak = 1; JSON.parse = function () { return 'hijacked'; };",
        "console.log(typeof helper, typeof implicitGlobal, typeof decl, [].leak, JSON.parse('1'));",
    )
    assert console_values(result) == ["undefined undefined undefined undefined 1"]


def test_helper_shared_through_variables_and_eval(sandbox: Sandbox) -> None:
    result = chain(
        sandbox,
        "pm.globals.set('lib', function sign(s) { return 'signed:' + s; }.toString());"
        " pm.globals.set('lib2', 'var util = {twice: function (x) { return x * 2; }};');",
        "eval(pm.globals.get('lib2')); const sign = eval('(' + pm.globals.get('lib') + ')');"
        " console.log(sign('x'), util.twice(21));",
        "console.log(typeof util);",
    )
    assert console_values(result) == ["signed:x 42", "undefined"]


def test_direct_eval_sees_script_locals(sandbox: Sandbox) -> None:
    src = "var x = 20; const y = 1; function add() { return eval('x + y + 1'); }"
    src += " console.log(add());"
    assert console_values(run(sandbox, src)) == ["22"]


def test_new_function_of_code_in_variable(sandbox: Sandbox) -> None:
    scopes = VariableScopes(collection={"code": "return a + b;"})
    result = run(
        sandbox,
        "const f = new Function('a', 'b', pm.collectionVariables.get('code'));"
        " console.log(f(2, 3));",
        scopes=scopes,
    )
    assert console_values(result) == ["5"]


@pytest.mark.parametrize("level", ["collection", "folder", "request"])
def test_script_error_names_level_owner_and_line(sandbox: Sandbox, level: str) -> None:
    src = "// line 1\nvar ok = 1;\n\nfunction f() {\n  return undefinedThing.x;\n}\nf();\n"
    scopes = VariableScopes()
    with pytest.raises(ScriptError) as info:
        sandbox.run(
            [
                Script(
                    "pm.environment.set('before', 1)", "prerequest", "collection", "Col"
                ),
                Script(src, "prerequest", level, "Owner"),  # type: ignore[arg-type]
                Script(
                    "pm.environment.set('after', 1)", "prerequest", "request", "Req"
                ),
            ],
            request_name="Get thing",
            request=make_request(),
            scopes=scopes,
        )
    err = info.value
    assert (err.request, err.level, err.owner, err.event, err.line) == (
        "Get thing",
        level,
        "Owner",
        "prerequest",
        5,
    )
    assert err.message == "ReferenceError: undefinedThing is not defined"
    assert "line 5" in str(err) and "Get thing" in str(err)
    # the chain stopped: the later script did not run; the earlier one's effect stays
    assert scopes.environment == {"before": 1}


def test_syntax_error_line(sandbox: Sandbox) -> None:
    with pytest.raises(ScriptError) as info:
        run(sandbox, "var a = 1;\nvar b = ;\n")
    assert info.value.line == 2 and info.value.message.startswith("SyntaxError")


def test_error_in_timer_and_async_code_has_line(sandbox: Sandbox) -> None:
    with pytest.raises(ScriptError) as info:
        run(sandbox, "setTimeout(() => {\n  throw new Error('late');\n}, 10);")
    assert (info.value.line, info.value.message) == (2, "Error: late")
    with pytest.raises(ScriptError) as info:
        run(sandbox, "await null;\n\nnull.x;")
    assert info.value.line == 3


def test_uncaught_messages_read_as_v8_words_them(sandbox: Sandbox) -> None:
    with pytest.raises(ScriptError) as info:
        run(sandbox, "var body = {};\nbody.data.indexOf('x');")
    assert (
        info.value.message
        == "TypeError: Cannot read properties of undefined (reading 'indexOf')"
    )
    result = run(sandbox, "try { null.x = 1 } catch (e) { console.log(e) }")
    assert console_values(result) == [
        "TypeError: Cannot set properties of null (setting 'x')"
    ]


def test_thrown_non_error(sandbox: Sandbox) -> None:
    with pytest.raises(ScriptError) as info:
        run(sandbox, "throw 'plain string';")
    assert "plain string" in info.value.message and info.value.line is None


def test_error_keeps_partial_result(sandbox: Sandbox) -> None:
    with pytest.raises(ScriptError) as info:
        run(
            sandbox,
            "console.log('before'); pm.test('t', () => {}); throw new Error('x');",
        )
    partial = info.value.result
    assert partial is not None
    assert console_values(partial) == ["before"] and partial.tests[0].name == "t"


def test_legacy_sugar_extensions(sandbox: Sandbox) -> None:
    src = """
    const d = new Date(Date.UTC(2026, 0, 31, 12)).addDays(7).addHours(1);
    console.log('authenticated: true'.has('authenticated'), 'abc'.has('z'), 'a1'.has(/\\d/),
                d.toISOString(), Object.keys('x'.__proto__).includes('has'));
    """
    assert console_values(run(sandbox, src)) == [
        "true false true 2026-02-07T13:00:00.000Z false"
    ]


def test_skip_request(sandbox: Sandbox) -> None:
    assert run(sandbox, "pm.execution.skipRequest();").skip_request is True
    assert run(sandbox, "var a = 1;").skip_request is False


def test_set_next_request(sandbox: Sandbox) -> None:
    assert run(sandbox, "var a = 1;").next_request is Ellipsis
    assert run(sandbox, "postman.setNextRequest('Login');").next_request == "Login"
    assert run(sandbox, "pm.execution.setNextRequest(null);").next_request is None
    assert (
        run(
            sandbox,
            "pm.execution.setNextRequest('A'); pm.execution.setNextRequest('B');",
        ).next_request
        == "B"
    )


def test_set_timeout_order_and_clear(sandbox: Sandbox) -> None:
    src = """
    const out = [];
    setTimeout(() => out.push('t300'), 300);
    setTimeout(() => out.push('t0'));
    const id = setTimeout(() => out.push('cleared'), 50);
    setTimeout((a, b) => out.push('args:' + a + b), 100, 'x', 'y');
    clearTimeout(id);
    Promise.resolve().then(() => out.push('micro'));
    let n = 0;
    const iv = setInterval(() => { out.push('iv' + (++n)); if (n === 3) clearInterval(iv); }, 120);
    setTimeout(() => console.log(out.join(',')), 1000);
    out.push('sync');
    """
    result = run(sandbox, src)
    assert console_values(result) == ["sync,micro,t0,args:xy,iv1,iv2,t300,iv3"]


def test_top_level_await(sandbox: Sandbox) -> None:
    src = """
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    await wait(50);
    const v = await Promise.all([Promise.resolve(1), wait(10).then(() => 2)]);
    pm.environment.set('sum', v[0] + v[1]);
    """
    scopes = VariableScopes()
    run(sandbox, src, scopes=scopes)
    assert scopes.environment == {"sum": 3}


def test_console_goes_to_logger(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.sandbox.console")
    sb = Sandbox(logger=logger)
    with caplog.at_level(logging.DEBUG, logger="test.sandbox.console"):
        result = run(
            sb,
            "console.log('a', 1, {b: [1, 'c']}); console.warn('w');"
            " console.error(new Error('e')); console.debug('d');",
        )
    assert result.console == [
        ("log", "a 1 { b: [ 1, 'c' ] }"),
        ("warn", "w"),
        ("error", "Error: e"),
        ("debug", "d"),
    ]
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.INFO, "Req: a 1 { b: [ 1, 'c' ] }"),
        (logging.WARNING, "Req: w"),
        (logging.ERROR, "Req: Error: e"),
        (logging.DEBUG, "Req: d"),
    ]


def test_empty_scripts_are_skipped(sandbox: Sandbox) -> None:
    result = sandbox.run(
        [Script("  \n", "prerequest", "collection", "C")],
        request_name="R",
        request=make_request(),
        scopes=VariableScopes(),
    )
    assert result.tests == [] and result.console == []


# ------------------------------------------------------------------ module loader
TINY = {
    "tiny": "let count = 0; module.exports = {next: () => ++count, dep: require('dep').name};",
    "dep": "exports.name = 'dep-' + typeof module;",
    "selfref": "module.exports.same = require('selfref') === module.exports;",
    "jsrsasign": "module.exports = {KJUR: {version: 'mine'}};",
}


@pytest.fixture
def module_sandbox(monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    monkeypatch.setattr(sandbox_modules, "module_sources", lambda: dict(TINY))
    monkeypatch.setattr(
        sandbox_modules, "native_functions", lambda: {"__native_upper": str.upper}
    )
    monkeypatch.setattr(
        sandbox_modules,
        "globals_source",
        lambda: "var Tiny = require('tiny');"
        " globalThis.UP = function (s) { return __native_upper(s); };"
        " Object.defineProperty(globalThis, 'Old', {configurable: true, get() {"
        "   __pmgen_deprecated('Old', 'Using \"Old\" is deprecated.'); return 1; }});",
    )
    return Sandbox()


def test_loader_caches_per_script_and_resolves_aliases(module_sandbox: Sandbox) -> None:
    src = """
    const t = require('tiny');
    console.log(t === Tiny, t.next(), require('tiny').next(), t.dep, require('selfref').same);
    console.log(pm.require('npm:jsrsasign@10.9.0').KJUR.version,
                require('npm:tiny@1.0.0') === t, UP('abc'));
    """
    assert console_values(run(module_sandbox, src)) == [
        "true 1 2 dep-object true",
        "mine true ABC",
    ]
    # modules are instantiated once per engine context and shared by its scripts (as the
    # library objects of Postman's sandbox are); a global binding a script replaces is restored
    src = (
        "console.log(require('tiny').next(), Tiny.next()); Tiny = null; require = null;"
    )
    assert console_values(run(module_sandbox, src)) == ["3 4"]
    src = "console.log(Tiny.next(), typeof require('dep'))"
    assert console_values(run(module_sandbox, src)) == ["5 object"]


def test_library_globals_report_deprecated_use_once_per_script(
    module_sandbox: Sandbox,
) -> None:
    for _ in range(2):
        result = run(module_sandbox, "console.log(Old + Old)")
        assert result.console == [("warn", 'Using "Old" is deprecated.'), ("log", "2")]


def test_unknown_module_is_a_clear_error(module_sandbox: Sandbox) -> None:
    with pytest.raises(ScriptError) as info:
        run(module_sandbox, "const fs = require('fs');")
    assert info.value.message == "Error: module fs is not available in pmgen's sandbox"
    assert info.value.line == 1
    result = run(
        module_sandbox,
        "try { require('child_process') } catch (e) { console.log(e.message) }",
    )
    assert console_values(result) == [
        "module child_process is not available in pmgen's sandbox"
    ]


def test_native_errors_become_js_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(s: str) -> str:
        raise ValueError("bad input " + s)

    monkeypatch.setattr(
        sandbox_modules,
        "native_functions",
        lambda: {"__native_broken": broken, "__native_obj": object},
    )
    sb = Sandbox()
    result = run(
        sb,
        "try { __native_broken('x') } catch (e) { console.log(e.message) }"
        " try { __native_obj() } catch (e) { console.log(e.message) }",
    )
    assert console_values(result) == [
        "__native_broken: bad input x",
        "__native_obj returned an unsupported type",
    ]


def test_native_names_must_be_prefixed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox_modules, "native_functions", lambda: {"open": open})
    with pytest.raises(ValueError, match="__native_"):
        Sandbox()


def test_broken_library_globals_fail_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sandbox_modules, "globals_source", lambda: "var X = missing.thing;"
    )
    sb = Sandbox()
    with pytest.raises(
        RuntimeError, match="failed to start: ReferenceError: missing is not defined"
    ):
        run(sb, "1")
