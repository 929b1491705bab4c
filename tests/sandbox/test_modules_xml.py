"""xml2js shim and the legacy xml2Json global against hand-written xml2js output shapes."""

from __future__ import annotations

import json

import pytest

from .modhost import ModHost

SOAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">\n'
    '  <soapenv:Header><ns9:Security xmlns:ns9="urn:s"><ns9:BinarySecurityToken valueType="String">'
    "Shared/IDL:IceSess==</ns9:BinarySecurityToken></ns9:Security></soapenv:Header>\n"
    "  <soapenv:Body>\n"
    "    <loginResponse><result><sessionId>00D!AQ</sessionId><serverUrl>https://x.my.salesforce.com/services/Soap/u/1/00D</serverUrl>"
    "</result></loginResponse>\n"
    "  </soapenv:Body>\n"
    "</soapenv:Envelope>"
)


@pytest.fixture(scope="module")
def host() -> ModHost:
    h = ModHost()
    h.eval(
        "var xml2js = require('xml2js');"
        "function parse(xml, opts) { var out, err; xml2js.parseString(xml, opts || {},"
        " function (e, r) { err = e; out = r; }); if (err) throw err; return out; }"
    )
    return h


def parse(host: ModHost, xml: str, opts: dict[str, object] | None = None) -> object:
    return host.json(f"parse({json.dumps(xml)}, {json.dumps(opts or {})})")


def test_default_shape(host: ModHost) -> None:
    xml = '<root a="1"><item id="x">text</item><item>two</item><empty/><ws>  </ws><n>5</n></root>'
    assert parse(host, xml) == {
        "root": {
            "$": {"a": "1"},
            "item": [{"$": {"id": "x"}, "_": "text"}, "two"],
            "empty": [""],
            "ws": ["  "],
            "n": ["5"],
        }
    }


def test_mixed_text_and_children(host: ModHost) -> None:
    assert parse(host, "<a>hello <b>x</b> world</a>") == {
        "a": {"_": "hello  world", "b": ["x"]}
    }
    assert parse(host, "<a>\n  <b>x</b>\n</a>") == {"a": {"b": ["x"]}}
    assert parse(host, "<a><![CDATA[<not markup>]]></a>") == {"a": "<not markup>"}
    assert parse(host, "<a>&lt;&amp;&#x41;</a>") == {"a": "<&A"}


def test_options(host: ModHost) -> None:
    xml = '<r k="v"><c>1</c><c>2</c><d> t </d></r>'
    assert parse(host, xml, {"explicitArray": False}) == {
        "r": {"$": {"k": "v"}, "c": ["1", "2"], "d": " t "}
    }
    assert parse(host, xml, {"ignoreAttrs": True}) == {
        "r": {"c": ["1", "2"], "d": [" t "]}
    }
    assert parse(host, xml, {"mergeAttrs": True}) == {
        "r": {"k": ["v"], "c": ["1", "2"], "d": [" t "]}
    }
    assert parse(host, xml, {"explicitRoot": False, "trim": True}) == {
        "$": {"k": "v"},
        "c": ["1", "2"],
        "d": ["t"],
    }
    assert parse(
        host, xml, {"attrkey": "@", "charkey": "#", "explicitCharkey": True}
    ) == {"r": {"@": {"k": "v"}, "c": [{"#": "1"}, {"#": "2"}], "d": [{"#": " t "}]}}
    assert parse(host, "<A><B/></A>", {"normalizeTags": True, "emptyTag": None}) == {
        "a": {"b": [None]}
    }


def test_processors(host: ModHost) -> None:
    got = host.json(
        "parse('<ns:Root><ns:Count>42</ns:Count><ns:Flag>true</ns:Flag></ns:Root>',"
        " { tagNameProcessors: [xml2js.processors.stripPrefix],"
        "   valueProcessors: [xml2js.processors.parseNumbers, xml2js.processors.parseBooleans] })"
    )
    assert got == {"Root": {"Count": [42], "Flag": [True]}}
    got = host.json(
        "parse('<a Foo=\"1\"/>', { attrNameProcessors: [xml2js.processors.firstCharLowerCase],"
        " attrValueProcessors: [function (v, name) { return name + '=' + v; }] })"
    )
    assert got == {"a": {"$": {"foo": "Foo=1"}}}


def test_sabre_pattern(host: ModHost) -> None:
    """sabre-booking-management: stripPrefix, then [0] indexing and `._`."""
    host.eval(f"var responseBody = {json.dumps(SOAP)};")
    token = host.json(
        "(function () { var t; xml2js.parseString(responseBody,"
        " { tagNameProcessors: [xml2js.processors.stripPrefix] }, function (err, result) {"
        " t = [result.Envelope.Header[0].Security[0].BinarySecurityToken[0]._,"
        " result.Envelope.Header[0].Security[0].BinarySecurityToken[0].$.valueType]; }); return t; })()"
    )
    assert token == ["Shared/IDL:IceSess==", "String"]


def test_xml2json_legacy_shape(host: ModHost) -> None:
    """Postman's xml2Json: explicitArray false, trim, root kept, prefixes kept (salesforce)."""
    host.eval(f"var responseBody = {json.dumps(SOAP)};")
    tree = host.json("xml2Json(responseBody)")
    body = tree["soapenv:Envelope"]["soapenv:Body"]
    assert body["loginResponse"]["result"]["sessionId"] == "00D!AQ"
    assert tree["soapenv:Envelope"]["$"] == {
        "xmlns:soapenv": "http://schemas.xmlsoap.org/soap/envelope/"
    }
    assert host.json(
        "xml2Json('<jobInfo><id>750x</id><state> Open </state><n/></jobInfo>')"
    ) == {"jobInfo": {"id": "750x", "state": "Open", "n": ""}}
    assert host.json("xml2Json('<a><b>1</b><b>2</b></a>')") == {"a": {"b": ["1", "2"]}}


def test_errors_and_refusals(host: ModHost) -> None:
    err = host.eval(
        "(function () { var e; xml2js.parseString('<a><b></a>', function (x) { e = x; }); return String(e); })()"
    )
    assert "invalid XML" in err
    err = host.eval(
        "(function () { var e; xml2js.parseString('<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>',"
        " function (x) { e = x; }); return String(e); })()"
    )
    assert "DOCTYPE is refused" in err
    bomb = '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><l>&b;</l>'
    assert "refused" in host.eval(
        f"(function () {{ var e; xml2js.parseString({json.dumps(bomb)}, function (x) {{ e = x; }}); return String(e); }})()"
    )
    assert host.json("parse('')") is None
    assert "NUL" in host.eval(
        "(function () { var e; xml2js.parseString('<a>\\u0000</a>', function (x) { e = x; });"
        " return String(e); })()"
    )
    # Postman's xml2Json swallows the error and returns undefined.
    assert host.json("[xml2Json('<a>\\u0000</a>'), xml2Json('not xml')]") == [
        None,
        None,
    ]


def test_parser_class_and_promise(host: ModHost) -> None:
    assert host.json(
        "(function () { var r; new xml2js.Parser({ explicitArray: false }).parseString('<a><b>1</b></a>',"
        " function (e, x) { r = x; }); return r; })()"
    ) == {"a": {"b": "1"}}
    assert host.await_json("xml2js.parseStringPromise('<a>1</a>')") == {"a": "1"}


def test_builder(host: ModHost) -> None:
    got = host.eval(
        "new xml2js.Builder().buildObject({ root: { $: { id: '1' }, name: 'a & b', item: ['x', 'y'] } })"
    )
    assert got == (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<root id="1">\n  <name>a &amp; b</name>\n  <item>x</item>\n  <item>y</item>\n</root>'
    )
    got = host.eval(
        "new xml2js.Builder({ headless: true, renderOpts: { pretty: false } }).buildObject({ a: { _: 't', $: { k: 'v' } } })"
    )
    assert got == '<a k="v">t</a>'
