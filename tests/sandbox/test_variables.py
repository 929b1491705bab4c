"""Variable scopes: precedence, types kept, replaceIn (JS and Python agree), legacy mirrors."""

from __future__ import annotations

import json

from pmgen.sandbox import Sandbox, VariableScopes
from pmgen.sandbox._types import js_string

from .helpers import console_values, run


def scopes() -> VariableScopes:
    return VariableScopes(
        globals={"v": "g", "only_g": "G"},
        collection={"v": "c", "only_c": "C"},
        environment={"v": "e", "only_e": "E"},
        data={"v": "d", "only_d": "D"},
        local={"v": "l"},
    )


def test_python_precedence_local_data_env_collection_globals() -> None:
    s = scopes()
    assert s.get("v") == "l"
    del s.local["v"]
    assert s.get("v") == "d"
    del s.data["v"]
    assert s.get("v") == "e"
    del s.environment["v"]
    assert s.get("v") == "c"
    del s.collection["v"]
    assert s.get("v") == "g"
    assert s.get("missing") is None


def test_js_precedence_matches_python(sandbox: Sandbox) -> None:
    s = scopes()
    src = """
    const order = [];
    for (const scope of ['local', 'data', 'environment', 'collection', 'globals']) {
      order.push(pm.variables.get('v'));
      if (scope === 'local') pm.variables.unset('v');
      if (scope === 'data') pm.iterationData.unset('v');
      if (scope === 'environment') pm.environment.unset('v');
      if (scope === 'collection') pm.collectionVariables.unset('v');
    }
    console.log(JSON.stringify(order));
    """
    result = run(sandbox, src, scopes=s)
    assert json.loads(console_values(result)[0]) == ["l", "d", "e", "c", "g"]
    # unsets reached the Python dicts, in place
    assert (
        "v" not in s.environment and "v" not in s.collection and s.globals["v"] == "g"
    )


def test_replace_in_precedence_and_unknown_kept(sandbox: Sandbox) -> None:
    s = scopes()
    text = "{{v}}-{{only_g}}-{{only_c}}-{{only_e}}-{{only_d}}-{{nope}}"
    result = run(
        sandbox, f"console.log(pm.variables.replaceIn({json.dumps(text)}))", scopes=s
    )
    assert console_values(result) == ["l-G-C-E-D-{{nope}}"]
    assert s.replace_in(text) == "l-G-C-E-D-{{nope}}"


def test_scope_replace_in_uses_only_its_scope(sandbox: Sandbox) -> None:
    s = scopes()
    result = run(
        sandbox, "console.log(pm.environment.replaceIn('{{v}} {{only_g}}'))", scopes=s
    )
    assert console_values(result) == ["e {{only_g}}"]


def test_nested_variables_resolve() -> None:
    s = VariableScopes(
        environment={"url": "{{host}}/api", "host": "{{scheme}}://h", "scheme": "https"}
    )
    assert s.replace_in("{{url}}/x") == "https://h/api/x"


def test_dynamic_resolver_used_for_dollar_names(sandbox: Sandbox) -> None:
    s = VariableScopes()
    assert (
        s.replace_in("{{$guid}}|{{$x}}", lambda name: "G" if name == "$guid" else None)
        == "G|{{$x}}"
    )
    sb = Sandbox(dynamic={"$timestamp": "1767225600"}.get)
    result = run(sb, "console.log(pm.variables.replaceIn('{{$timestamp}} {{$nope}}'))")
    assert console_values(result) == ["1767225600 {{$nope}}"]


def test_values_keep_their_js_type(sandbox: Sandbox) -> None:
    s = VariableScopes()
    src = """
    pm.environment.set('n', 5);
    pm.environment.set('f', 1.5);
    pm.environment.set('b', true);
    pm.environment.set('o', {a: [1, 'x']});
    pm.environment.set('z', null);
    console.log(typeof pm.environment.get('n'), pm.environment.get('n') === 5,
                typeof pm.environment.get('o'), pm.environment.get('o').a[1]);
    """
    result = run(sandbox, src, scopes=s)
    assert console_values(result) == ["number true object x"]
    assert s.environment == {
        "n": 5,
        "f": 1.5,
        "b": True,
        "o": {"a": [1, "x"]},
        "z": None,
    }
    # the next script sees the same types
    again = run(
        sandbox,
        "console.log(pm.environment.get('n') + 1, pm.environment.get('b') === true)",
        scopes=s,
    )
    assert console_values(again) == ["6 true"]
    # and the host resolves {{n}} with String(value)
    assert (
        s.replace_in("{{n}}/{{f}}/{{b}}/{{z}}/{{o}}")
        == "5/1.5/true/null/[object Object]"
    )


def test_js_string_matches_javascript(sandbox: Sandbox) -> None:
    values = [
        5,
        1.5,
        1e21,
        0.1,
        -0.0,
        True,
        None,
        "s",
        [1, None, "a"],
        {"a": 1},
        123456789012,
    ]
    src = f"console.log(JSON.stringify({json.dumps(values)}.map(v => String(v))))"
    expected = json.loads(console_values(run(sandbox, src))[0])
    assert [js_string(v) for v in values] == expected


def test_has_clear_to_object(sandbox: Sandbox) -> None:
    s = VariableScopes(environment={"a": "1", "b": "2"}, globals={"g": "x"})
    src = """
    console.log(pm.environment.has('a'), pm.environment.has('zz'), pm.variables.has('g'));
    console.log(JSON.stringify(pm.environment.toObject()));
    pm.environment.clear();
    console.log(JSON.stringify(pm.environment.toObject()), JSON.stringify(pm.variables.toObject()));
    """
    assert console_values(run(sandbox, src, scopes=s)) == [
        "true false true",
        '{"a":"1","b":"2"}',
        '{} {"g":"x"}',
    ]
    assert s.environment == {}


def test_pm_variables_set_writes_local_only(sandbox: Sandbox) -> None:
    s = VariableScopes(environment={"k": "env"})
    result = run(
        sandbox,
        "pm.variables.set('k', 'loc'); console.log(pm.variables.get('k'), pm.environment.get('k'))",
        scopes=s,
    )
    assert console_values(result) == ["loc env"]
    assert s.local == {"k": "loc"} and s.environment == {"k": "env"}


def test_legacy_api_mirrors_pm(sandbox: Sandbox) -> None:
    s = VariableScopes(
        environment={"keep": "1", "drop": "2"}, globals={"gd": "x"}, data={"row": "r1"}
    )
    src = """
    postman.setEnvironmentVariable('token', 'abc');
    postman.setGlobalVariable('gv', 'G');
    postman.clearEnvironmentVariable('drop');
    postman.clearGlobalVariable('gd');
    console.log(postman.getEnvironmentVariable('token'), postman.getGlobalVariable('gv'),
                environment.keep, globals.gd, data.row, iteration);
    """
    result = run(sandbox, src, scopes=s, info={"iteration": 3})
    assert console_values(result)[-1] == "abc G 1 x r1 3"
    assert s.environment == {"keep": "1", "token": "abc"}
    assert s.globals == {"gv": "G"}
    # Postman's deprecation notices, once per script and name
    warnings = [t for lvl, t in result.console if lvl == "warn"]
    assert (
        'Using "postman.setEnvironmentVariable" is deprecated. Use "pm.environment.set()" instead.'
        in warnings
    )
    assert len(warnings) == len(set(warnings))


def test_clear_variables_legacy(sandbox: Sandbox) -> None:
    s = VariableScopes(environment={"a": 1}, globals={"b": 2})
    run(
        sandbox,
        "postman.clearEnvironmentVariables(); postman.clearGlobalVariables();",
        scopes=s,
    )
    assert s.environment == {} and s.globals == {}


def test_scopes_shared_across_runs_and_mutated_in_place(sandbox: Sandbox) -> None:
    s = VariableScopes()
    env = s.environment
    run(sandbox, "pm.environment.set('token', 't-1')", scopes=s, event="test")
    result = run(
        sandbox,
        "pm.request.headers.add("
        "{key: 'Authorization', value: 'Bearer ' + pm.environment.get('token')})",
        scopes=s,
    )
    assert env is s.environment and env["token"] == "t-1"
    assert {
        "key": "Authorization",
        "value": "Bearer t-1",
        "disabled": False,
    } in result.request["header"]
