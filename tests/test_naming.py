import keyword

import pytest

from pmgen.naming import Scope, pascal, snake


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Get Endpoints", "get_endpoints"),
        ("getHTTPResponse", "get_http_response"),
        ("List rooms (v2)", "list_rooms_v2"),
        ("class", "class_"),
        ("print", "print_"),
        ("CON", "con_"),
        ("lpt1", "lpt1_"),
        ("123 go", "unnamed_123_go"),
        ("!!!", "unnamed"),
        ("", "unnamed"),
        ("Résumé ünïcode", "resume_unicode"),
        ("../../etc/passwd", "etc_passwd"),
        ('x"; import os; os.system("id")', "x_import_os_os_system_id"),
    ],
)
def test_snake(text: str, expected: str) -> None:
    assert snake(text) == expected
    assert snake(text).isidentifier() and not keyword.iskeyword(snake(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("webex messaging api", "WebexMessagingApi"), ("3d secure", "Unnamed3DSecure"), ("", "Unnamed")],
)
def test_pascal(text: str, expected: str) -> None:
    assert pascal(text) == expected


def test_scope_makes_names_unique_deterministically() -> None:
    scope = Scope({"get"})
    assert [scope.claim("get"), scope.claim("get"), scope.claim("list")] == ["get_2", "get_3", "list"]
