"""URL / URLSearchParams / url.parse|format|resolve / querystring / uuid against hand-written
expectations (WHATWG URL and Node documentation examples) and Python's uuid module."""

from __future__ import annotations

import re
import uuid

import pytest

from .modhost import ModHost

URL_CASES = [
    (
        "new URL('https://user:pa ss@Example.COM:443/a/./b/../c?x=1 2&y=%41#frag ment').href",
        "https://user:pa%20ss@example.com/a/c?x=1%202&y=%41#frag%20ment",
    ),
    (
        "(function () { var u = new URL('http://h.com:8080/p?q=1#h'); return [u.protocol, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin]; })()",
        [
            "http:",
            "h.com:8080",
            "h.com",
            "8080",
            "/p",
            "?q=1",
            "#h",
            "http://h.com:8080",
        ],
    ),
    ("new URL('../x?y', 'https://a.com/b/c/d').href", "https://a.com/b/x?y"),
    ("new URL('/root', 'https://a.com/b/c').href", "https://a.com/root"),
    ("new URL('//other.org/p', 'https://a.com/b').href", "https://other.org/p"),
    ("new URL('?q=2', 'https://a.com/b?q=1#f').href", "https://a.com/b?q=2"),
    ("new URL('#z', 'https://a.com/b?q=1').href", "https://a.com/b?q=1#z"),
    ("new URL('https://a.com').pathname", "/"),
    ("new URL('HTTPS://A.com\\\\x\\\\y').href", "https://a.com/x/y"),
    ("new URL('mailto:someone@example.com').pathname", "someone@example.com"),
    ("new URL('https://api.twitter.com/oauth2/token').host", "api.twitter.com"),
    (
        "(function () { try { new URL('not a url'); return 'no'; } catch (e) { return e.name; } })()",
        "TypeError",
    ),
    ("[URL.canParse('https://x.y'), URL.canParse('nope')]", [True, False]),
    (
        "(function () { var u = new URL('https://a.com/p?a=1'); u.searchParams.append('b', 'x y'); u.hash = 'h'; u.pathname = '/q r'; return u.href; })()",
        "https://a.com/q%20r?a=1&b=x+y#h",
    ),
    (
        "(function () { var u = new URL('https://a.com/'); u.search = 'k=v'; return [u.href, u.searchParams.get('k')]; })()",
        ["https://a.com/?k=v", "v"],
    ),
    (
        "JSON.parse(JSON.stringify({ u: new URL('https://a.com/x') })).u",
        "https://a.com/x",
    ),
    # URLSearchParams
    ("new URLSearchParams('?a=1&b=x+y&a=%20&c').toString()", "a=1&b=x+y&a=+&c="),
    (
        "(function () { var p = new URLSearchParams('a=1&b=2&a=3'); return [p.get('a'), p.getAll('a'), p.has('b'), p.get('z'), p.size]; })()",
        ["1", ["1", "3"], True, None, 3],
    ),
    (
        "(function () { var p = new URLSearchParams({ z: 'last', a: 'é&=' }); p.set('z', 'new'); p.sort(); return p.toString(); })()",
        "a=%C3%A9%26%3D&z=new",
    ),
    (
        "(function () { var p = new URLSearchParams([['x', '1'], ['y', '2'], ['x', '3']]); p.delete('x'); return Array.from(p.entries()); })()",
        [["y", "2"]],
    ),
    (
        "(function () { var out = []; new URLSearchParams('a=1&b=2').forEach(function (v, k) { out.push(k + v); }); return out; })()",
        ["a1", "b2"],
    ),
    ('new URLSearchParams({ s: "!\'()*~" }).toString()', "s=%21%27%28%29*%7E"),
    # legacy url module
    (
        "(function () { var u = require('url').parse('https://user:pw@host.com:8080/p/a/t/h?query=string#hash'); return [u.protocol, u.slashes, u.auth, u.host, u.port, u.hostname, u.hash, u.search, u.query, u.pathname, u.path, u.href]; })()",
        [
            "https:",
            True,
            "user:pw",
            "host.com:8080",
            "8080",
            "host.com",
            "#hash",
            "?query=string",
            "query=string",
            "/p/a/t/h",
            "/p/a/t/h?query=string",
            "https://user:pw@host.com:8080/p/a/t/h?query=string#hash",
        ],
    ),
    (
        "require('url').parse('http://a.com/x?a=1&a=2&b=3', true).query",
        {"a": ["1", "2"], "b": "3"},
    ),
    ("require('url').parse('/just/a/path?x=1').pathname", "/just/a/path"),
    (
        "require('url').format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } })",
        "https://example.com/some/path?page=1&format=json",
    ),
    (
        "require('url').format(require('url').parse('http://a.com:81/x?y=1#z'))",
        "http://a.com:81/x?y=1#z",
    ),
    (
        "[require('url').resolve('/one/two/three', 'four'), require('url').resolve('http://example.com/', '/one'), require('url').resolve('http://example.com/one', '/two')]",
        ["/one/two/four", "http://example.com/one", "http://example.com/two"],
    ),
    ("require('url').URL === URL", True),
    # querystring
    (
        "require('querystring').parse('foo=bar&abc=xyz&abc=123&e=&sp=a+b%20c')",
        {"foo": "bar", "abc": ["xyz", "123"], "e": "", "sp": "a b c"},
    ),
    (
        "require('querystring').stringify({ foo: 'bar', baz: ['qux', 'quux'], corge: '', n: 1, u: 'é &' })",
        "foo=bar&baz=qux&baz=quux&corge=&n=1&u=%C3%A9%20%26",
    ),
    ("require('querystring').stringify({ w: '%', x: 'y' }, ';', ':')", "w:%25;x:y"),
]


@pytest.fixture(scope="module")
def host() -> ModHost:
    return ModHost()


@pytest.mark.parametrize(
    ("expr", "want"), URL_CASES, ids=[c[0][:70] for c in URL_CASES]
)
def test_url_table(host: ModHost, expr: str, want: object) -> None:
    assert host.json(expr) == want


def test_uuid(host: ModHost) -> None:
    ids = host.json(
        "(function () { var u = require('uuid'); return [u(), u.v4(), require('uuid').v4(), crypto.randomUUID()]; })()"
    )
    assert len(set(ids)) == 4
    for i in ids:
        parsed = uuid.UUID(i)
        assert (
            parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == i
        )
    v1 = host.json("require('uuid').v1()")
    assert uuid.UUID(v1).version == 1
    t = uuid.UUID(v1).time  # 100 ns since 1582-10-15
    import time

    assert abs((t - 0x01B21DD213814000) / 1e7 - time.time()) < 5
    assert host.json(
        "(function () { var u = require('uuid'); return [u.validate(u.v4()), u.validate('nope'), u.validate(u.NIL),"
        " u.version('6ba7b810-9dad-11d1-80b4-00c04fd430c8'), u.stringify(u.parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8'))]; })()"
    ) == [True, False, True, 1, "6ba7b810-9dad-11d1-80b4-00c04fd430c8"]
    fixed = host.json(
        "require('uuid').v4({ random: [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15] })"
    )
    assert fixed == str(
        uuid.UUID(
            bytes=bytes([0, 1, 2, 3, 4, 5, 0x46, 7, 0x88, 9, 10, 11, 12, 13, 14, 15])
        )
    )
    assert re.fullmatch(r"[0-9a-f-]{36}", fixed)
