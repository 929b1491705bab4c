"""lodash shim against hand-written expectations (lodash 4 documented results)."""

from __future__ import annotations

import pytest

from .modhost import ModHost

CASES = [
    # paths
    ("_.get({a: {b: [{c: 3}]}}, 'a.b[0].c')", 3),
    ("_.get({a: {b: [{c: 3}]}}, ['a', 'b', '0', 'c'])", 3),
    ("_.get({a: 1}, 'x.y', 'dflt')", "dflt"),
    ("_.get({'a.b': 1}, 'a.b')", 1),
    ("_.get({a: {'x-y': 2}}, 'a[\"x-y\"]')", 2),
    ("_.get(null, 'a')", None),
    ("_.has({a: {b: 1}}, 'a.b')", True),
    ("_.has({a: {b: 1}}, ['a', 'c'])", False),
    ("_.has({a: [1, 2]}, 'a[1]')", True),
    ("_.has(Object.create({x: 1}), 'x')", False),
    ("_.hasIn(Object.create({x: 1}), 'x')", True),
    ("_.set({}, 'a[0].b.c', 4)", {"a": [{"b": {"c": 4}}]}),
    ("_.set({a: 1}, ['x', 'y'], 2)", {"a": 1, "x": {"y": 2}}),
    (
        "(function () { var o = {}; _.set(o, '__proto__.polluted', 1); return ({}).polluted === undefined; })()",
        True,
    ),
    # predicates
    (
        "[_.isEmpty({}), _.isEmpty([]), _.isEmpty(''), _.isEmpty(null), _.isEmpty(1), _.isEmpty({a: 1}), _.isEmpty('a'), _.isEmpty(new Map([[1, 1]]))]",
        [True, True, True, True, True, False, False, False],
    ),
    ("[_.isNil(null), _.isNil(undefined), _.isNil(0)]", [True, True, False]),
    (
        "[_.isEqual({a: [1, {b: 2}]}, {a: [1, {b: 2}]}), _.isEqual([1], [2]), _.isEqual(NaN, NaN), _.isEqual({a: 1}, {a: 1, b: undefined})]",
        [True, False, True, False],
    ),
    (
        "[_.isString('a'), _.isString(1), _.isNumber(1), _.isNumber('1'), _.isNumber(NaN), _.isArray([]), _.isArray({length: 0})]",
        [True, False, True, False, True, True, False],
    ),
    (
        "[_.isObject({}), _.isObject([]), _.isObject(function () {}), _.isObject(null), _.isObject('s')]",
        [True, True, True, False, False],
    ),
    (
        "[_.isFunction(function () {}), _.isFunction(class {}), _.isFunction({})]",
        [True, True, False],
    ),
    (
        "[_.isPlainObject({}), _.isPlainObject(Object.create(null)), _.isPlainObject([]), _.isPlainObject(new Date())]",
        [True, True, False, False],
    ),
    # collections
    ("_.keys({a: 1, b: 2})", ["a", "b"]),
    ("_.keys('ab')", ["0", "1"]),
    ("_.values({a: 1, b: 2})", [1, 2]),
    (
        "(function () { var out = []; _.each({a: 1, b: 2}, function (v, k) { out.push(k + v); }); return out; })()",
        ["a1", "b2"],
    ),
    (
        "(function () { var out = []; _.forEach([1, 2, 3], function (v) { out.push(v); return v < 2; }); return out; })()",
        [1, 2],
    ),
    ("_.map([{n: 1}, {n: 2}], 'n')", [1, 2]),
    ("_.map({a: 1, b: 2}, function (v, k) { return k + v; })", ["a1", "b2"]),
    ("_.filter([{a: 1, b: 2}, {a: 1, b: 3}], {b: 3})", [{"a": 1, "b": 3}]),
    ("_.filter([{on: true}, {on: false}], 'on')", [{"on": True}]),
    ("_.filter([{k: 'x'}, {k: 'y'}], ['k', 'y'])", [{"k": "y"}]),
    ("_.reject([1, 2, 3, 4], function (n) { return n % 2; })", [2, 4]),
    ("_.find([{a: 1}, {a: 2}], {a: 2})", {"a": 2}),
    ("_.find([1, 2, 3], function (n) { return n > 5; }) === undefined", True),
    ("_.findIndex([{a: 1}, {a: 2}], ['a', 2])", 1),
    ("_.findLast([1, 2, 3, 4], function (n) { return n % 2; })", 3),
    (
        "[_.some([1, 2], function (n) { return n > 1; }), _.every([1, 2], Boolean), _.every([], Boolean)]",
        [True, True, True],
    ),
    (
        "[_.includes([1, 2, NaN], NaN), _.includes('abc', 'bc'), _.includes({a: 1}, 1), _.includes([1, 2], 1, 1)]",
        [True, True, True, False],
    ),
    ("_.reduce([1, 2, 3], function (s, n) { return s + n; }, 0)", 6),
    (
        "_.reduce({a: 1, b: 2}, function (r, v, k) { r[v] = k; return r; }, {})",
        {"1": "a", "2": "b"},
    ),
    (
        "_.sortBy([{n: 'b', a: 2}, {n: 'a', a: 2}, {n: 'c', a: 1}], ['a', 'n'])",
        [{"n": "c", "a": 1}, {"n": "a", "a": 2}, {"n": "b", "a": 2}],
    ),
    ("_.sortBy([3, 1, undefined, 2])", [1, 2, 3, None]),
    (
        "_.orderBy([{a: 1, b: 2}, {a: 2, b: 1}, {a: 1, b: 3}], ['a', 'b'], ['desc', 'asc'])",
        [{"a": 2, "b": 1}, {"a": 1, "b": 2}, {"a": 1, "b": 3}],
    ),
    ("_.uniq([2, 1, 2, NaN, NaN])", [2, 1, None]),
    ("_.uniqBy([2.1, 1.2, 2.3], Math.floor)", [2.1, 1.2]),
    ("_.uniqBy([{x: 1}, {x: 2}, {x: 1}], 'x')", [{"x": 1}, {"x": 2}]),
    ("_.flatten([1, [2, [3, [4]], 5]])", [1, 2, [3, [4]], 5]),
    ("_.flattenDeep([1, [2, [3, [4]], 5]])", [1, 2, 3, 4, 5]),
    (
        "_.groupBy(['one', 'two', 'three'], 'length')",
        {"3": ["one", "two"], "5": ["three"]},
    ),
    (
        "_.keyBy([{id: 'a1', n: 1}, {id: 'b2', n: 2}], 'id')",
        {"a1": {"id": "a1", "n": 1}, "b2": {"id": "b2", "n": 2}},
    ),
    ("_.countBy([6.1, 4.2, 6.3], Math.floor)", {"4": 1, "6": 2}),
    ("_.partition([1, 2, 3], function (n) { return n % 2; })", [[1, 3], [2]]),
    (
        "[_.size([1, 2]), _.size({a: 1, b: 2, c: 3}), _.size('pebbles'), _.size(null)]",
        [2, 3, 7, 0],
    ),
    # objects
    ("_.pick({a: 1, b: '2', c: 3}, ['a', 'c'])", {"a": 1, "c": 3}),
    ("_.pick({a: {b: 1, c: 2}}, 'a.b')", {"a": {"b": 1}}),
    ("_.omit({a: 1, b: '2', c: 3}, ['a', 'c'])", {"b": "2"}),
    ("_.omit({a: {b: 1, c: 2}}, 'a.b')", {"a": {"c": 2}}),
    ("_.pickBy({a: 1, b: null, c: 3}, _.identity)", {"a": 1, "c": 3}),
    ("_.omitBy({a: 1, b: '2'}, _.isNumber)", {"b": "2"}),
    (
        "_.merge({a: [{b: 2}, {d: 4}]}, {a: [{c: 3}, {e: 5}]})",
        {"a": [{"b": 2, "c": 3}, {"d": 4, "e": 5}]},
    ),
    (
        "_.merge({a: 1, b: {x: 1}}, {b: {y: 2}}, {a: undefined, c: 3})",
        {"a": 1, "b": {"x": 1, "y": 2}, "c": 3},
    ),
    (
        '(function () { _.merge({}, JSON.parse(\'{"__proto__": {"polluted": 1}}\')); return ({}).polluted === undefined; })()',
        True,
    ),
    ("_.assign({a: 0}, {a: 1, b: 2}, null, {c: 3})", {"a": 1, "b": 2, "c": 3}),
    ("_.defaults({a: 1}, {b: 2}, {a: 3})", {"a": 1, "b": 2}),
    (
        "(function () { var o = {a: [{b: 1}]}, c = _.cloneDeep(o); c.a[0].b = 2; return [o.a[0].b, c.a[0].b]; })()",
        [1, 2],
    ),
    (
        "(function () { var o = {a: {b: 1}}, c = _.clone(o); return [c.a === o.a, c !== o]; })()",
        [True, True],
    ),
    (
        "(function () { var o = {}; o.self = o; var c = _.cloneDeep(o); return c.self === c; })()",
        True,
    ),
    ("_.mapValues({a: {age: 40}, b: {age: 1}}, 'age')", {"a": 40, "b": 1}),
    ("_.mapValues({a: 1}, function (v, k) { return k + v; })", {"a": "a1"}),
    ("_.toPairs({a: 1, b: 2})", [["a", 1], ["b", 2]]),
    ("_.fromPairs([['a', 1], ['b', 2]])", {"a": 1, "b": 2}),
    ("_.invert({a: 1, b: 2})", {"1": "a", "2": "b"}),
    # arrays
    ("_.chunk(['a', 'b', 'c', 'd', 'e'], 2)", [["a", "b"], ["c", "d"], ["e"]]),
    ("_.compact([0, 1, false, 2, '', 3, null])", [1, 2, 3]),
    ("_.difference([2, 1, 3], [2, 3])", [1]),
    ("_.intersection([2, 1], [2, 3], [3, 2])", [2]),
    ("_.union([2], [1, 2], [3])", [2, 1, 3]),
    ("_.xor([2, 1], [2, 3])", [1, 3]),
    ("_.without([2, 1, 2, 3], 1, 2)", [3]),
    ("_.zip(['a', 'b'], [1, 2], [true, false])", [["a", 1, True], ["b", 2, False]]),
    ("_.zipObject(['a', 'b'], [1, 2])", {"a": 1, "b": 2}),
    (
        "[_.first([1, 2]), _.head([]) === undefined, _.last([1, 2, 3]), _.nth([1, 2, 3], -1)]",
        [1, True, 3, 3],
    ),
    (
        "[_.take([1, 2, 3], 2), _.takeRight([1, 2, 3], 2), _.drop([1, 2, 3]), _.dropRight([1, 2, 3], 2)]",
        [[1, 2], [2, 3], [2, 3], [1]],
    ),
    ("[_.initial([1, 2, 3]), _.tail([1, 2, 3])]", [[1, 2], [2, 3]]),
    (
        "[_.range(4), _.range(-4), _.range(1, 5), _.range(0, 20, 5), _.range(0, -4, -1), _.range(0)]",
        [
            [0, 1, 2, 3],
            [0, -1, -2, -3],
            [1, 2, 3, 4],
            [0, 5, 10, 15],
            [0, -1, -2, -3],
            [],
        ],
    ),
    ("_.times(3, String)", ["0", "1", "2"]),
    (
        "[_.sum([4, 2, 8, 6]), _.sumBy([{n: 4}, {n: 2}], 'n'), _.max([4, 2, 8]), _.min([]) === undefined, _.maxBy([{n: 1}, {n: 2}], 'n')]",
        [20, 6, 8, True, {"n": 2}],
    ),
    # strings
    (
        "[_.padStart('abc', 6), _.padStart('abc', 6, '_-'), _.padStart('5', 3, '0'), _.padEnd('abc', 6, '_-'), _.pad('abc', 8, '_-')]",
        ["   abc", "_-_abc", "005", "abc_-_", "_-abc_-_"],
    ),
    (
        "[_.trim('  abc  '), _.trim('-_-abc-_-', '_-'), _.trimStart('  a '), _.trimEnd(' a  ')]",
        ["abc", "abc", "a ", " a"],
    ),
    (
        "[_.toLower('--Foo-Bar--'), _.toUpper('fooBar'), _.startsWith('abc', 'b', 1), _.endsWith('abc', 'b', 2)]",
        ["--foo-bar--", "FOOBAR", True, True],
    ),
    (
        "[_.camelCase('Foo Bar'), _.camelCase('--foo-bar--'), _.camelCase('__FOO_BAR__')]",
        ["fooBar", "fooBar", "fooBar"],
    ),
    (
        "[_.snakeCase('Foo Bar'), _.snakeCase('fooBar'), _.snakeCase('--FOO-BAR--')]",
        ["foo_bar", "foo_bar", "foo_bar"],
    ),
    (
        "[_.kebabCase('Foo Bar'), _.kebabCase('fooBar'), _.kebabCase('__FOO_BAR__'), _.kebabCase('XMLHttpRequest')]",
        ["foo-bar", "foo-bar", "foo-bar", "xml-http-request"],
    ),
    (
        "[_.capitalize('FRED'), _.upperFirst('fred'), _.lowerFirst('Fred'), _.startCase('--foo-bar--'), _.startCase('fooBar')]",
        ["Fred", "Fred", "fred", "Foo Bar", "Foo Bar"],
    ),
    (
        "[_.lowerCase('--Foo-Bar--'), _.upperCase('fooBar'), _.words('fred, barney, & pebbles')]",
        ["foo bar", "FOO BAR", ["fred", "barney", "pebbles"]],
    ),
    (
        "[_.escape('fred, barney, & <pebbles>'), _.repeat('ab', 3), _.truncate('hi-diddly-ho there, neighborino', {length: 24, separator: ' '})]",
        ["fred, barney, &amp; &lt;pebbles&gt;", "ababab", "hi-diddly-ho there,..."],
    ),
    (
        "[_.camelCase('\u00dcn\u00efc\u00f6d\u00e9 w\u00f6rds'), _.kebabCase('caf\u00e9Cr\u00e8me'), _.words('HTTPServer2Go')]",
        [
            "\u00fcn\u00efc\u00f6d\u00e9W\u00f6rds",
            "caf\u00e9-cr\u00e8me",
            ["HTTP", "Server", "2", "Go"],
        ],
    ),
    # utilities
    ("[_.identity(5), _.noop(), typeof _.now()]", [5, None, "number"]),
    (
        "[_.toNumber('3.2'), _.toInteger('3.9'), _.clamp(10, -5, 5), _.inRange(3, 2, 4), _.toString([1, null, 2])]",
        [3.2, 3, 5, True, "1,,2"],
    ),
    (
        "_([1, 2, 3]).map(function (n) { return n * 3; }).filter(function (n) { return n > 3; }).value()",
        [6, 9],
    ),
    ("_.chain({a: 1, b: 2}).keys().value()", ["a", "b"]),
]


@pytest.fixture(scope="module")
def host() -> ModHost:
    return ModHost()


@pytest.mark.parametrize(("expr", "want"), CASES, ids=[c[0][:70] for c in CASES])
def test_lodash_table(host: ModHost, expr: str, want: object) -> None:
    assert host.json(expr) == want


def test_random_sample_shuffle(host: ModHost) -> None:
    values = host.json("_.times(200, function () { return _.random(1, 3); })")
    assert set(values) == {1, 2, 3}
    floats = host.json("_.times(50, function () { return _.random(1.5, 2); })")
    assert all(1.5 <= f <= 2 for f in floats) and any(f != int(f) for f in floats)
    assert host.json(
        "_.times(50, function () { return _.random(5); }).every(function (n) { return n >= 0 && n <= 5 && n % 1 === 0; })"
    )
    assert host.json("[1, 2, 3].indexOf(_.sample([1, 2, 3])) >= 0") is True
    assert sorted(host.json("_.shuffle([1, 2, 3, 4])")) == [1, 2, 3, 4]
    assert host.json("_.sample([]) === undefined") is True


def test_corpus_has_pattern(host: ModHost) -> None:
    # The corpora call _.has(jsonData, 'path') on parsed responses.
    host.eval("var jsonData = {data: {items: [{id: 7}]}, meta: null};")
    assert host.json(
        "[_.has(jsonData, 'data.items[0].id'), _.has(jsonData, 'meta'), _.has(jsonData, 'meta.x')]"
    ) == [
        True,
        True,
        False,
    ]
