"""Variable scopes: precedence, nested resolution, dynamic and unknown variables, secrets."""

from __future__ import annotations

from pmgen.importer import load
from pmgen.model import Variable
from pmgen.variables import VariableScope, references
from tests.importer.helpers import FIXTURES


def test_precedence_globals_collection_environment_overrides() -> None:
    scope = VariableScope(
        [
            [
                Variable(key="a", value="global"),
                Variable(key="b", value="global"),
                Variable(key="g", value="g"),
            ],
            [
                Variable(key="a", value="collection"),
                Variable(key="b", value="collection"),
            ],
            [
                Variable(key="a", value="environment"),
                Variable(key="off", value="x", disabled=True),
            ],
            [Variable(key="a", value="override")],
        ]
    )
    assert scope.resolve("{{a}} {{b}} {{g}} {{off}}") == "override collection g {{off}}"


def test_nested_references_dynamic_and_unknown() -> None:
    scope = VariableScope.from_mapping(
        {
            "url": "{{scheme}}://{{host}}/v{{version}}",
            "scheme": "https",
            "host": "api.{{domain}}",
            "domain": "example.test",
            "version": "2",
        }
    )
    assert scope.resolve("{{url}}/x?id={{$guid}}&u={{missing}}") == (
        "https://api.example.test/v2/x?id={{$guid}}&u={{missing}}"
    )
    assert scope.unresolved("{{url}} {{missing}} {{$timestamp}}") == ["missing"]


def test_cycles_stop_at_the_depth_limit() -> None:
    scope = VariableScope.from_mapping({"a": "{{b}}", "b": "{{a}}"})
    assert scope.resolve("{{a}}") in ("{{a}}", "{{b}}")


def test_references_in_order_without_duplicates() -> None:
    assert references("{{a}}/{{b}}/{{a}}/{{$guid}}") == ["a", "b", "$guid"]


def test_secrets_by_type_name_and_shape() -> None:
    scope = VariableScope(
        [
            [
                Variable(key="pw", value="x", type="secret"),
                Variable(key="client_secret", value=""),
                Variable(
                    key="plain", value="eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.abc"
                ),
                Variable(key="host", value="example.test"),
                Variable(key="auth_header", value="Bearer {{client_secret}}"),
            ]
        ]
    )
    assert scope.secret_names() == {"pw", "client_secret", "plain"}
    assert scope.uses_secret("{{auth_header}}") and not scope.uses_secret("{{host}}")


def test_scope_for_collection_uses_selected_environment_and_overrides() -> None:
    collection = load(
        str(FIXTURES / "bookshop.postman_collection.json"),
        env_files=[str(FIXTURES / "bookshop.postman_environment.json")],
        variables={"shelf": "poetry", "api_token": "t0k3n"},
    )
    scope = VariableScope.for_collection(collection)
    assert (
        scope.resolve("{{base_url}}/shelves/{{shelf}}")
        == "https://staging.books.example.test/v1/shelves/poetry"
    )
    assert (
        scope.is_secret("password")
        and scope.is_secret("access_token")
        and scope.is_secret("api_token")
    )
    assert "unused" not in scope
