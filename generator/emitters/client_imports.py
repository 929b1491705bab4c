"""What each generated client module imports: the names it uses, laid out by
`pmgen.pyimports` (so no module imports a name it does not use)."""

from __future__ import annotations

from collections.abc import Iterable

from pmgen.emitters.client_plan import MethodPlan, ResourcePlan
from pmgen.pyimports import ImportBlock, identifiers
from pmgen.responses import JSON_VALUE

# where the names generated code uses come from; the package's own modules are relative
STDLIB_NAMES = {
    "Any": "typing",
    "TYPE_CHECKING": "typing",
    "cast": "typing",
    "Mapping": "collections.abc",
    "Sequence": "collections.abc",
}
TYPES_NAMES = frozenset(
    {
        "NOT_GIVEN", "FileInput", "FileInputs", "Headers", "JSONBody", "NotGiven",
        "Query", "QueryValue", "TimeoutTypes",
    }
)  # fmt: skip


def method_names(methods: Iterable[MethodPlan]) -> set[str]:
    """The names the methods of a resource use in their signatures and bodies."""
    used: set[str] = set()
    for m in methods:
        used |= {"NOT_GIVEN", "NotGiven", "Headers", "Query", "TimeoutTypes"}
        for p in m.params:
            used |= identifiers(p.annotation)
        used |= identifiers(m.returns)
    return used


def resource_imports(resource: ResourcePlan, models: Iterable[str]) -> tuple[str, str]:
    """A resource module's import block and the one under `if TYPE_CHECKING:` (its
    sub-resources, imported at run time only when first used, and `JSONValue`, an
    annotation only: the models module it lives in may import pydantic)."""
    used = method_names(resource.methods)
    typing_only = _children(resource, ".")
    if JSON_VALUE in used:
        typing_only.names("..models", [JSON_VALUE])
    if typing_only:
        used.add("TYPE_CHECKING")
    block = ImportBlock().names("__future__", ["annotations"])
    block.uses(used, {**STDLIB_NAMES, **dict.fromkeys(TYPES_NAMES, ".._types")})
    block.names("..models", used & set(models))
    block.names(".._resource", ["AsyncAPIResource", "SyncAPIResource"])
    if resource.methods:
        block.names(".._resource", ["async_raw_response", "load_specs", "raw_response"])
    return block.render(), typing_only.render("    ")


def client_imports(
    root: ResourcePlan, models: Iterable[str], *, scripted: bool
) -> tuple[str, str]:
    """`_client.py`'s import blocks (as `resource_imports`)."""
    used = method_names(root.methods) | {"Mapping", "NOT_GIVEN", "NotGiven"}
    used.add("TimeoutTypes")
    typing_only = _children(root, ".resources.")
    if JSON_VALUE in used:
        typing_only.names(".models", [JSON_VALUE])
    if typing_only:
        used.add("TYPE_CHECKING")
    block = ImportBlock().names("__future__", ["annotations"]).module("copy")
    block.uses(used, {**STDLIB_NAMES, **dict.fromkeys(TYPES_NAMES, "._types")})
    block.names(".models", used & set(models))
    block.module("httpx").names(".", ["_config"])
    block.names("._base_client", ["DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT"])
    if scripted:
        block.names(
            "._scripting",
            [
                "ScriptedAsyncAPIClient as AsyncAPIClient",
                "ScriptedSyncAPIClient as SyncAPIClient",
            ],
        )
    else:
        block.names("._base_client", ["AsyncAPIClient", "SyncAPIClient"])
    block.names("._resource", ["_Resources"])
    if root.methods:
        block.names("._resource", ["async_raw_response", "load_specs", "raw_response"])
    return block.render(), typing_only.render("    ")


def _children(resource: ResourcePlan, prefix: str) -> ImportBlock:
    block = ImportBlock()
    for _, child in resource.children:
        names = [child.class_name, "Async" + child.class_name]
        block.names(
            prefix + child.module, [*names, *(n + "WithRawResponse" for n in names)]
        )
    return block
