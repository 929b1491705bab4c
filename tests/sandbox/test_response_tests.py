"""pm.response, pm.test / pm.expect (chai wording), legacy tests[...] and response globals."""

from __future__ import annotations

import json

import pytest

from pmgen.sandbox import Sandbox, ScriptError, VariableScopes
from pmgen.sandbox import TestResult as TR

from .helpers import console_values, make_response, run

BODY = {"id": 42, "name": "Ada", "tags": ["a", "b"], "nested": {"token": "t-1"}}
HEADERS = [
    {"key": "Content-Type", "value": "application/json; charset=utf-8"},
    {"key": "X-Rate", "value": "10"},
    {"key": "Set-Cookie", "value": "sid=abc123; Path=/; HttpOnly"},
]


def run_test(sandbox: Sandbox, src: str, **kw: object):  # type: ignore[no-untyped-def]
    response = make_response(BODY, headers=HEADERS)
    return run(sandbox, src, event="test", response=response, **kw)  # type: ignore[arg-type]


def test_response_accessors(sandbox: Sandbox) -> None:
    src = """
    console.log(pm.response.code, pm.response.status, pm.response.reason(),
                pm.response.responseTime, pm.response.responseSize);
    console.log(pm.response.json().nested.token, pm.response.text() === BODY_TEXT);
    console.log(pm.response.headers.get('content-type'), pm.response.headers.has('X-RATE'));
    console.log(pm.cookies.get('sid'), pm.response.json('tags[1]'));
    """.replace("BODY_TEXT", json.dumps(json.dumps(BODY)))
    result = run_test(sandbox, src)
    raw = json.dumps(BODY).encode()
    assert console_values(result) == [
        f"200 OK OK 12 {len(raw)}",
        "t-1 true",
        "application/json; charset=utf-8 true",
        "abc123 b",
    ]


def test_capture_into_environment(sandbox: Sandbox) -> None:
    scopes = VariableScopes()
    run_test(
        sandbox,
        "pm.environment.set('token', pm.response.json().nested.token)",
        scopes=scopes,
    )
    run_test(
        sandbox,
        "var d = JSON.parse(responseBody); postman.setEnvironmentVariable('id', d.id)",
        scopes=scopes,
    )
    assert scopes.environment == {"token": "t-1", "id": 42}


def test_pm_test_records_passes_and_failures(sandbox: Sandbox) -> None:
    src = """
    pm.test('status', () => pm.response.to.have.status(200));
    pm.test('wrong status', function () { pm.response.to.have.status(404); });
    pm.test('header', () => pm.response.to.have.header('X-Rate'));
    pm.test('no throw', () => {});
    pm.test('type error', () => { null.x; });
    """
    result = run_test(sandbox, src)
    assert [(t.name, t.passed) for t in result.tests] == [
        ("status", True),
        ("wrong status", False),
        ("header", True),
        ("no throw", True),
        ("type error", False),
    ]
    assert (
        result.tests[1].error == "expected response to have status code 404 but got 200"
    )
    assert "null" in (result.tests[4].error or "")


def test_async_and_done_tests(sandbox: Sandbox) -> None:
    src = """
    pm.test('async ok', async () => { await null; pm.expect(1).to.equal(1); });
    pm.test('async fails', async () => { await null; pm.expect(1).to.equal(2); });
    pm.test('done ok', (done) => { setTimeout(() => { done(); }, 100); });
    pm.test('done with error', (done) => { setTimeout(() => done(new Error('boom')), 5); });
    pm.test('never done', (done) => {});
    pm.test.skip('skipped', () => { throw new Error('not run'); });
    """
    result = run_test(sandbox, src)
    assert result.tests == [
        TR("async ok", True, None),
        TR("async fails", False, "expected 1 to equal 2"),
        TR("done ok", True, None),
        TR("done with error", False, "boom"),
        TR(
            "never done",
            False,
            "the test did not finish (its callback or promise never completed)",
        ),
        TR("skipped", True, None, skipped=True),
    ]


def test_legacy_tests_object_recorded(sandbox: Sandbox) -> None:
    src = """
    tests['status is 200'] = responseCode.code === 200;
    tests['has name'] = responseBody.has ? false : JSON.parse(responseBody).name === 'Bob';
    tests['time'] = responseTime < 1000;
    tests['header'] = postman.getResponseHeader('x-rate') === '10'
                      && responseHeaders['X-Rate'] === '10';
    """
    result = run_test(sandbox, src)
    assert [(t.name, t.passed) for t in result.tests] == [
        ("status is 200", True),
        ("has name", False),
        ("time", True),
        ("header", True),
    ]
    warnings = [text for level, text in result.console if level == "warn"]
    assert 'Using "tests" is deprecated. Use "pm.test()" instead.' in warnings
    assert (
        'Using "responseCode" is deprecated. Use "pm.response.code" instead.'
        in warnings
    )


def test_expect_outside_test_throws(sandbox: Sandbox) -> None:
    with pytest.raises(ScriptError) as info:
        run_test(sandbox, "var a = 1;\npm.expect(pm.response.code).to.equal(201);")
    assert info.value.line == 2
    assert info.value.message == "AssertionError: expected 200 to equal 201"


# (expression, chai's message for it) - messages as chai 4 words them
EXPECT_MESSAGES = [
    ("pm.expect(1).to.equal(2)", "expected 1 to equal 2"),
    ("pm.expect('a').to.eql('b')", "expected 'a' to deeply equal 'b'"),
    ("pm.expect({a: 1}).to.eql({a: 2})", "expected { a: 1 } to deeply equal { a: 2 }"),
    (
        "pm.expect([1, 2]).to.deep.equal([1, 3])",
        "expected [ 1, 2 ] to deeply equal [ 1, 3 ]",
    ),
    ("pm.expect(5).to.be.above(6)", "expected 5 to be above 6"),
    ("pm.expect(5).to.be.below(4)", "expected 5 to be below 4"),
    ("pm.expect(5).to.be.at.least(6)", "expected 5 to be at least 6"),
    ("pm.expect(5).to.be.at.most(4)", "expected 5 to be at most 4"),
    ("pm.expect(5).to.be.within(6, 8)", "expected 5 to be within 6..8"),
    ("pm.expect('x').to.be.a('number')", "expected 'x' to be a number"),
    ("pm.expect(1).to.be.an('array')", "expected 1 to be an array"),
    ("pm.expect([1]).to.include(2)", "expected [ 1 ] to include 2"),
    ("pm.expect('abc').to.contain('z')", "expected 'abc' to include 'z'"),
    ("pm.expect(3).to.be.oneOf([1, 2])", "expected 3 to be one of [ 1, 2 ]"),
    (
        "pm.expect({a: 1}).to.have.property('b')",
        "expected { a: 1 } to have property 'b'",
    ),
    (
        "pm.expect({a: 1}).to.have.property('a', 2)",
        "expected { a: 1 } to have property 'a' of 2, but got 1",
    ),
    (
        "pm.expect([1, 2]).to.have.lengthOf(3)",
        "expected [ 1, 2 ] to have a length of 3 but got 2",
    ),
    (
        "pm.expect('abc').to.have.length(2)",
        "expected 'abc' to have a length of 2 but got 3",
    ),
    ("pm.expect('abc').to.match(/z/)", "expected 'abc' to match /z/"),
    ("pm.expect(null).to.exist", "expected null to exist"),
    ("pm.expect(1).to.not.exist", "expected 1 to not exist"),
    ("pm.expect(false).to.be.true", "expected false to be true"),
    ("pm.expect(0).to.be.ok", "expected 0 to be truthy"),
    ("pm.expect(1).to.be.null", "expected 1 to be null"),
    ("pm.expect(1).to.be.undefined", "expected 1 to be undefined"),
    ("pm.expect([1]).to.be.empty", "expected [ 1 ] to be empty"),
    (
        "pm.expect({a: 1, b: 2}).to.have.keys('a')",
        "expected { a: 1, b: 2 } to have key 'a'",
    ),
    ("pm.expect(1).to.not.equal(1)", "expected 1 to not equal 1"),
    ("pm.expect(2, 'custom').to.equal(3)", "custom: expected 2 to equal 3"),
    (
        "pm.expect([1, 2]).to.have.members([2, 3])",
        "expected [ 1, 2 ] to have the same members as [ 2, 3 ]",
    ),
    ("pm.expect(1.5).to.be.closeTo(1, 0.1)", "expected 1.5 to be close to 1 +/- 0.1"),
    (
        "pm.expect(pm.response).to.have.status(201)",
        "expected response to have status code 201 but got 200",
    ),
    (
        "pm.response.to.have.header('Nope')",
        "expected response to have header with key 'Nope'",
    ),
    (
        "pm.response.to.be.notFound",
        "expected response to have status code 404 but got 200",
    ),
    (
        "pm.response.to.be.error",
        "expected response code to be 4XX or 5XX but found 200",
    ),
    ("pm.response.to.have.jsonBody('missing.path')", None),
    ("pm.response.to.not.be.ok", "expected response to not have status code 200"),
]


@pytest.mark.parametrize(("expr", "message"), EXPECT_MESSAGES)
def test_expect_failure_messages(
    sandbox: Sandbox, expr: str, message: str | None
) -> None:
    result = run_test(sandbox, f"pm.test('t', () => {{ {expr}; }});")
    assert len(result.tests) == 1 and result.tests[0].passed is False
    if message is not None:
        assert result.tests[0].error == message


PASSING = [
    "pm.expect(1).to.equal(1)",
    "pm.expect({a: [1, {b: 2}]}).to.eql({a: [1, {b: 2}]})",
    "pm.expect({a: 1}).to.deep.equal({a: 1})",
    "pm.expect('abc').to.be.a('string').and.have.lengthOf(3)",
    "pm.expect([1, 2, 3]).to.be.an('array').that.includes(2)",
    "pm.expect({a: 1, b: 2}).to.include({a: 1})",
    "pm.expect({a: 1, b: 2}).to.have.all.keys('a', 'b')",
    "pm.expect({a: 1, b: 2}).to.have.any.keys('a', 'z')",
    "pm.expect({a: 1, b: 2}).to.contain.keys('a')",
    "pm.expect({a: {b: [5]}}).to.have.nested.property('a.b[0]', 5)",
    "pm.expect({a: 1}).to.have.property('a').that.is.a('number')",
    "pm.expect([3, 1]).to.have.members([1, 3])",
    "pm.expect([1, 2, 3]).to.include.members([3])",
    "pm.expect([1, 2]).to.have.length.above(1)",
    "pm.expect(5).to.be.within(1, 5).and.not.equal(4)",
    "pm.expect(null).to.be.null",
    "pm.expect(undefined).to.not.exist",
    "pm.expect('').to.be.empty",
    "pm.expect({}).to.be.empty",
    "pm.expect('2026-01-01').to.match(/^\\d{4}-/)",
    "pm.expect(() => { throw new TypeError('bad'); }).to.throw(TypeError)",
    "pm.expect(() => {}).to.not.throw()",
    "pm.expect(3).to.satisfy(n => n % 3 === 0)",
    "pm.expect(1).to.be.oneOf([1, 2])",
    "pm.expect(NaN).to.be.NaN",
    "pm.expect(true).to.be.true",
    "pm.expect(new Date()).to.be.an.instanceof(Date)",
    "pm.response.to.have.status(200)",
    "pm.response.to.have.status('OK')",
    "pm.response.to.be.ok",
    "pm.response.to.be.success",
    "pm.response.to.not.be.error",
    "pm.response.to.have.header('content-type')",
    "pm.response.to.have.header('X-Rate', '10')",
    "pm.response.to.be.json",
    "pm.response.to.have.jsonBody('nested.token', 't-1')",
    "pm.response.to.have.jsonBody('tags')",
    "pm.response.to.have.body(/Ada/)",
    "pm.expect(pm.response.responseTime).to.be.below(200)",
    "pm.expect(pm.response.json().tags).to.be.an('array').that.is.not.empty",
]


@pytest.mark.parametrize("expr", PASSING)
def test_expect_passes(sandbox: Sandbox, expr: str) -> None:
    result = run_test(sandbox, f"pm.test('t', () => {{ {expr}; }});")
    assert result.tests == [TR("t", True, None)], result.tests


def test_get_response_cookie_and_info(sandbox: Sandbox) -> None:
    src = """
    const c = postman.getResponseCookie('sid');
    console.log(c.value, c.httpOnly, pm.info.eventName, pm.info.requestName, pm.info.iteration,
                pm.info.iterationCount, pm.info.requestId);
    """
    result = run_test(
        sandbox, src, info={"iteration": 2, "iterationCount": 5, "requestId": "rid"}
    )
    assert console_values(result)[-1] == "abc123 true test Req 2 5 rid"


def test_binary_and_invalid_json_body(sandbox: Sandbox) -> None:
    response = make_response(b"\xff\xfenot json", headers=[])
    result = run(
        sandbox,
        "pm.test('json', () => pm.response.json()); console.log(pm.response.text().length)",
        event="test",
        response=response,
    )
    assert result.tests[0].passed is False
    assert console_values(result) == [
        "10"
    ]  # two U+FFFD replacement characters + 8 ASCII


def test_json_parse_of_empty_body_fails_with_postmans_words(sandbox: Sandbox) -> None:
    with pytest.raises(ScriptError) as info:
        run(
            sandbox,
            "var data = JSON.parse(responseBody);",
            event="test",
            response=make_response(b""),
        )
    assert info.value.message == "SyntaxError: No data, empty input at 1:1\n\n^"
    src = "try { pm.response.json() } catch (e) { console.log(e.message) }"
    src += " console.log(JSON.parse('[1]')[0])"
    result = run(sandbox, src, event="test", response=make_response(b""))
    assert console_values(result) == ["No data, empty input at 1:1\n\n^", "1"]


def test_deprecation_notices_in_postmans_order(sandbox: Sandbox) -> None:
    # Newman's console for this line shows responseCode's notice before tests'
    result = run_test(
        sandbox, "tests['ok'] = responseCode.code === 200; tests['b'] = true;"
    )
    assert [t for lvl, t in result.console if lvl == "warn"] == [
        'Using "responseCode" is deprecated. Use "pm.response.code" instead.',
        'Using "tests" is deprecated. Use "pm.test()" instead.',
    ]
    assert [(t.name, t.passed) for t in result.tests] == [("ok", True), ("b", True)]


def test_legacy_function_notice_comes_before_its_arguments_run(
    sandbox: Sandbox,
) -> None:
    src = "try { postman.setEnvironmentVariable('x', JSON.parse(responseBody).a.b); } catch (e) {}"
    result = run_test(sandbox, src)
    assert result.console == [
        (
            "warn",
            'Using "postman.setEnvironmentVariable" is deprecated.'
            ' Use "pm.environment.set()" instead.',
        )
    ]
