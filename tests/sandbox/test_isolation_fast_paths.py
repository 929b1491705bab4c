"""The per-run shortcuts of the sandbox keep its guarantees.

- the engine deadline is armed once and kept while it leaves each run its full limit;
- the quick check after a run (no define-family call: one Object.assign for added
  enumerables, compiled reads of every guarded value and accessor) still undoes tampering;
- per-run globals are accessors over the run's values: assigning or deleting one lasts that
  run only; the legacy snapshots (`environment`, `request`) are the values at the start;
- results: built-ins are restored before serializing, scopes come back only when changed.
"""

from __future__ import annotations

import json
import time

import pytest

from pmgen.sandbox import Limits, Sandbox, ScriptTimeout, VariableScopes, _core, _limit

from .helpers import console_values, make_request, run


# ------------------------------------------------------------------ the kept deadline
def test_the_deadline_is_armed_once_for_many_quick_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sb = Sandbox(limits=Limits(time_s=5))
    run(sb, "1")  # builds the context (its check arms too) and the first deadline
    arms: list[float] = []
    real_arm = _limit.arm

    def counted_arm(ctx: object, seconds: float) -> None:
        arms.append(seconds)
        real_arm(ctx, seconds)

    monkeypatch.setattr(_limit, "arm", counted_arm)
    for i in range(20):
        assert console_values(run(sb, f"console.log({i})")) == [str(i)]
    assert arms == []
    # an endless loop after those runs is still stopped by the deadline armed before them
    with pytest.raises(ScriptTimeout):
        run(Sandbox(limits=Limits(time_s=0.3)), "while (true) {}")


def test_the_deadline_is_renewed_before_a_run_could_get_less_than_its_limit() -> None:
    # three runs of ~0.25 s of CPU each under a 0.5 s limit: together they pass the
    # first deadline (0.55 s), so a reused deadline would interrupt the third
    sb = Sandbox(limits=Limits(time_s=0.5))
    run(sb, "1")
    busy = (
        "const until = Date.now() + 250; let n = 0;"
        " while (Date.now() < until) n++; console.log(n > 0)"
    )
    for _ in range(3):
        assert console_values(run(sb, busy)) == ["true"]


def test_deadline_reuse_and_renewal() -> None:
    sb = Sandbox(limits=Limits(time_s=0.5))
    run(sb, "1")
    ctx = sb._context()
    deadline = _limit.Deadline()
    assert deadline.ensure(ctx, 0.5) is True  # nothing armed yet
    assert deadline.ensure(ctx, 0.5) is False  # 50 ms of slack left
    spent = time.process_time() + 0.06
    while time.process_time() < spent:  # use more than the slack
        pass
    assert deadline.ensure(ctx, 0.5) is True


def test_a_loop_in_a_later_run_stops_within_the_limit_and_its_slack() -> None:
    sb = Sandbox(limits=Limits(time_s=0.4))
    for _ in range(5):
        run(sb, "1")
    started = time.process_time()
    with pytest.raises(ScriptTimeout):
        run(sb, "for (;;) {}")
    spent = time.process_time() - started
    assert 0.35 <= spent < 0.4 * (1 + _limit.SLACK) + 0.6, spent


# ------------------------------------------------------------------ the quick check
@pytest.mark.parametrize(
    ("tamper", "probe", "expected"),
    [
        # a deleted method and an added key: the key count alone would not tell
        (
            "delete Array.prototype.map; Array.prototype.zzz = 1;",
            "console.log(typeof [].map, [].zzz)",
            "function undefined",
        ),
        # a deleted accessor added back by assignment
        (
            "delete Map.prototype.size; Map.prototype.size = 7;",
            "console.log(new Map([[1, 2]]).size)",
            "1",
        ),
        # the engine's captureStackTrace defines a non-enumerable `stack`
        (
            "Error.captureStackTrace(Array.prototype);",
            "console.log(Object.getOwnPropertyNames(Array.prototype).includes('stack'))",
            "false",
        ),
        (
            "Object.assign(Object.prototype, {[Symbol.for('pmgen.z')]: 1, polluted: 2});",
            "console.log(({})[Symbol.for('pmgen.z')], ({}).polluted)",
            "undefined undefined",
        ),
        (
            "JSON.stringify = () => '\"x\"'; Array.prototype.push = function () { return 0; };",
            "const a = []; a.push(1); console.log(JSON.stringify(a))",
            "[1]",
        ),
        (
            "(0, eval)('var declared = 1; function declaredFn() {}');",
            "console.log(typeof declared, typeof declaredFn)",
            "undefined undefined",
        ),
        # a library global's setter (a data property replaces the accessor)
        (
            "CryptoJS = 'mine'; _ = null;",
            "console.log(typeof CryptoJS.HmacSHA256, typeof _.get)",
            "function function",
        ),
        # a data descriptor through the define family
        (
            "Object.defineProperty(Math, 'max', {value: () => 0, enumerable: false});"
            " Reflect.defineProperty(Array.prototype, 'hidden', {value: 1});",
            "console.log(Math.max(1, 2), [].hidden)",
            "2 undefined",
        ),
        (
            "Object.setPrototypeOf(Date.prototype, null);",
            "console.log(typeof new Date(0).hasOwnProperty)",
            "function",
        ),
        # every other way to change a prototype or extensibility (the quick check reads
        # neither: these calls flag the run for the full restore)
        (
            "Reflect.setPrototypeOf(RegExp.prototype, null);",
            "console.log(typeof /a/.hasOwnProperty)",
            "function",
        ),
        (
            "Math.__proto__ = {max: () => 0};",
            "console.log(Object.getPrototypeOf(Math) === Object.prototype, Math.max(1, 2))",
            "true 2",
        ),
        (
            "Reflect.apply(Object.getOwnPropertyDescriptor(Object.prototype, '__proto__').set,"
            " String.prototype, [null]);",
            "console.log(typeof ''.hasOwnProperty)",
            "function",
        ),
        (
            "Object.preventExtensions(Array.prototype);",
            "Array.prototype.added = 1; console.log([].added)",
            "1",
        ),
        (
            "Reflect.preventExtensions(JSON);",
            "JSON.added = 1; console.log(JSON.added)",
            "1",
        ),
        (
            "Object.seal(Number.prototype);",
            "delete Number.prototype.toFixed; console.log(typeof (1).toFixed)",
            "undefined",
        ),
        (
            "Object.freeze(globalThis);",
            "globalThis.added = 1; console.log(added)",
            "1",
        ),
    ],
)
def test_tampering_is_undone_before_the_next_run(
    sandbox: Sandbox, tamper: str, probe: str, expected: str
) -> None:
    run(sandbox, tamper)
    assert console_values(run(sandbox, probe)) == [expected]


def test_the_flagging_wrappers_behave_as_the_originals(sandbox: Sandbox) -> None:
    out = run(
        sandbox,
        "const o = {}; const p = {z: 1};"
        " console.log(Object.setPrototypeOf(o, p) === o, o.z, Reflect.setPrototypeOf(o, null),"
        " Object.freeze(o) === o, Object.isFrozen(o), Object.seal(5), Object.freeze('s'),"
        " Reflect.preventExtensions({}), Object.isExtensible(Object.preventExtensions({})));"
        " try { Reflect.setPrototypeOf(1, null); } catch (e) { console.log(e.name); }"
        " const q = {}; q.__proto__ = p; console.log(q.z, Object.getPrototypeOf(q) === p,"
        " Object.freeze.name, Object.freeze.length, Object.setPrototypeOf.length,"
        " Object.keys(Object.prototype).length)",
    )
    assert console_values(out) == [
        "true 1 true true true 5 s true false",
        "TypeError",
        "1 true freeze 1 2 0",
    ]


def test_a_prototype_tojson_does_not_reach_the_results(sandbox: Sandbox) -> None:
    scopes = VariableScopes()
    run(
        sandbox,
        "pm.environment.set('a', 'b'); pm.request.headers.upsert({key: 'X', value: 'y'});"
        " Object.prototype.toJSON = function () { return 'hijacked'; };",
        scopes=scopes,
    )
    assert scopes.environment == {"a": "b"}


def test_the_results_of_a_tampered_run_are_still_read(sandbox: Sandbox) -> None:
    result = run(
        sandbox,
        "pm.request.headers.upsert({key: 'X', value: 'y'});"
        " JSON.stringify = () => '{}'; Array.prototype.map = null;",
    )
    assert {"key": "X", "value": "y", "disabled": False} in result.request["header"]


# ------------------------------------------------------------------ per-run globals
def test_assigning_or_deleting_a_per_run_global_lasts_that_run_only(
    sandbox: Sandbox,
) -> None:
    out = run(
        sandbox,
        "const log = console.log; pm = 1; console = null; log(pm, console);"
        " delete globalThis.setTimeout; log(typeof setTimeout);",
    )
    assert console_values(out) == ["1 null", "undefined"]
    out = run(
        sandbox,
        "console.log(typeof pm.variables.get, typeof setTimeout, typeof postman)",
    )
    assert console_values(out) == ["function function object"]
    # deleted and put back as a plain value: still restored
    run(sandbox, "delete globalThis.pm; globalThis.pm = 5;")
    assert console_values(run(sandbox, "console.log(typeof pm)")) == ["object"]


def test_a_test_scripts_response_globals_end_with_it(sandbox: Sandbox) -> None:
    from .helpers import make_response

    out = run(
        sandbox,
        "console.log(responseCode.code, typeof responseBody)",
        event="test",
        response=make_response({"a": 1}),
    )
    assert console_values(out)[-1] == "200 string"
    out = run(sandbox, "console.log(typeof responseBody, typeof responseCode)")
    assert console_values(out) == ["undefined undefined"]


def test_per_run_globals_belong_to_their_run(sandbox: Sandbox) -> None:
    run(sandbox, "pm.kept = 1; console.kept = 2; postman.kept = 3;")
    out = run(sandbox, "console.log(pm.kept, console.kept, postman.kept)")
    assert console_values(out) == ["undefined undefined undefined"]


def test_legacy_snapshots_hold_the_values_at_the_start(sandbox: Sandbox) -> None:
    scopes = VariableScopes(environment={"e": "1"})
    out = run(
        sandbox,
        "pm.environment.set('e', '2'); pm.request.url = 'http://changed/';"
        " console.log(environment.e, request.url)",
        scopes=scopes,
    )
    assert console_values(out)[-1] == "1 {{base}}/v1/x?a=1"
    assert scopes.environment == {"e": "2"}


# ------------------------------------------------------------------ results
def test_unchanged_scopes_keep_their_values_and_changed_objects_come_back(
    sandbox: Sandbox,
) -> None:
    scopes = VariableScopes(
        collection={"c": "1"}, environment={"o": {"a": 1}}, globals={"g": 2}
    )
    result = run(
        sandbox,
        "pm.environment.get('o').a = 2; console.log(pm.collectionVariables.get('c'))",
        scopes=scopes,
    )
    assert console_values(result) == ["1"]
    assert scopes.collection == {"c": "1"} and scopes.globals == {"g": 2}
    assert scopes.environment == {"o": {"a": 2}}  # changed in place: sent back


def test_a_blank_chain_returns_a_copy_of_the_request(sandbox: Sandbox) -> None:
    request = make_request()
    result = run(sandbox, "   ", request=request)
    assert result.request == request and result.request is not request


# ------------------------------------------------------------------ the URL's raw
# `url.raw` is kept while the URL's parts are unchanged (as JSON), else rebuilt. The parts a
# URL started with are built straight from its definition when it has the plain shape the
# host sends (compared by value at the end), else kept as the JSON text of its parts.
_URL_DEFS = """[
  {raw: 'h/p?a=1', protocol: 'https', host: ['h', 'io'], port: '8443', path: ['p'],
   query: [{key: 'a', value: '1', disabled: false}],
   variable: [{key: 'id', value: '7', disabled: true}], hash: 'f'},
  {raw: 'x', host: 'h.io', port: 81, path: 'a/b', query: [
    {key: 'a', value: null, disabled: true, description: 'd', _extra: 'x'},
    {key: 'n', value: 5, disabled: 0}, {key: 'b', value: false, disabled: null}, null],
   variable: [], hash: null},
  {raw: 'x', host: null, path: [], query: '', variable: null, protocol: ''},
  {raw: 'http://x.io:9/y?z=1&w#h'},
  {raw: 'x', host: ['h'], auth: {user: 'u', password: 'p'}},
  {raw: 'x', host: ['h'], variable: [{key: 'id', value: '7'}]},
  {raw: 'x', host: ['h'], query: 'a=1&b'},
  {raw: 'x', host: ['h'], query: [{key: 'a', value: {deep: 1}, disabled: false}]},
  {raw: 'x', host: ['h', 1]},
  {raw: 'x', host: ['h'], port: NaN},
  {raw: 'x', host: ['h'], query: ['a=1']},
  {raw: 'x', host: ['h'], hash: 3},
  {host: ['h'], path: ['p']},
]"""


def test_the_url_snapshot_is_what_its_parts_were(sandbox: Sandbox) -> None:
    src = f"""
    const {{ Url }} = require('postman-collection');
    for (const def of {_URL_DEFS}) {{
      const u = new Url(def);
      const saved = u._original.parts;
      const text = typeof saved === 'string' ? saved : JSON.stringify(saved);
      if (saved === null) console.log('none');
      else console.log(typeof saved === 'string' ? 'text' : 'built',
                       text === JSON.stringify(u._parts()));
    }}
    """
    assert console_values(run(sandbox, src)) == [
        "built true",
        "built true",
        "built true",
        "built true",  # a raw-only URL is parsed into the plain shape
        *["text true"] * 8,
        "none",  # no raw: nothing to keep
    ]


@pytest.mark.parametrize(
    ("change", "kept"),
    [
        ("", True),
        ("q.value = '2'; q.value = '1';", True),
        ("q.value = '2';", False),
        ("q.value = 1;", False),  # "1" and 1 differ as JSON
        ("q.value = {toJSON() { return '1'; }};", True),  # the same JSON
        ("q.value = new Date(0);", False),
        ("c.value = NaN;", True),  # JSON null, as the null it was
        ("c.value = undefined;", True),
        ("c.disabled = 0;", True),  # listed as false either way
        ("c.disabled = 1;", False),
        ("q.description = 'x';", True),  # not part of the JSON: kept in _extra only
        ("q._extra.description = 'x';", False),
        ("pm.request.url.variables.add({key: 'v', value: 'w'});", False),
        ("pm.request.url.path.push('y');", False),
        ("pm.request.url.auth = {user: 'u'};", False),
        ("pm.request.url.auth = {toJSON() { return null; }};", True),
        ("pm.request.url.port = '';", True),  # the empty port is listed as null
        ("pm.request.url.query.members.push(c); pm.request.url.query.members.pop();", True),
    ],
)
def test_the_raw_url_is_kept_exactly_while_its_parts_are_unchanged(
    sandbox: Sandbox, change: str, kept: bool
) -> None:
    # the shape the generated client sends (every item with key, value and disabled); a raw
    # URL that the parts would not print back, so a kept raw is told from a rebuilt one
    url = {
        "raw": "{{base}}/v1//x?a=1&c",
        "protocol": None,
        "host": ["{{base}}"],
        "port": None,
        "path": ["v1", "x"],
        "query": [
            {"key": "a", "value": "1", "disabled": False},
            {"key": "c", "value": None, "disabled": False},
        ],
        "variable": [],
        "hash": None,
    }
    src = f"const [q, c] = pm.request.url.query.members; {change}"
    result = run(sandbox, src, request=make_request(url=url))
    raw = result.request["url"]["raw"]
    assert (raw == url["raw"]) is kept, raw


# ------------------------------------------------------------------ script texts
def test_a_script_text_crosses_once_per_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_core, "_MAX_SOURCES", 3)
    sb = Sandbox()
    sent: list[dict[str, object]] = []

    def record() -> None:
        begin = sb._local.driver.begin
        sb._local.driver.begin = lambda text: (sent.append(json.loads(text)), begin(text))[1]

    run(sb, "1")
    record()
    # the same text again and again: its text crosses once, then only its number
    for _ in range(3):
        assert console_values(run(sb, "console.log('again')")) == ["again"]
    assert [p["source"] for p in sent] == ["console.log('again')", None, None]
    # more distinct texts than a context keeps: the numbering starts over, all still run
    sent.clear()
    for _ in range(2):
        for i in range(5):
            assert console_values(run(sb, f"console.log({i})")) == [str(i)]
    assert [p["source"] is None for p in sent] == [False] * 10
    assert [p["reset"] for p in sent].count(True) == 3
    sent.clear()  # kept since the last start: 2, 3 and 4
    assert console_values(run(sb, "console.log(4)")) == ["4"]
    assert sent[0]["source"] is None
    # a new context gets the text again
    sb._drop_context()
    sb._context()
    record()
    sent.clear()
    assert console_values(run(sb, "console.log(4)")) == ["4"]
    assert sent[0]["source"] == "console.log(4)"
