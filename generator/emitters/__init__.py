"""The emitters: the model -> files. One protocol for the pipeline:

    files = EMITTERS["client"](collection, Options(package="demo"))   # -> BlackStable

An emitter is pure: it reads the collection and its options and returns its files (with
their black-stable marks and notes, `pmgen.emitted.BlackStable`); it does not
format, fork, scrub or write (`pmgen.pipeline` does, for every emitter alike).
Each module's `emit` keeps its own keywords for direct use (tests); the functions here
are what the pipeline calls. The modules load when first called: `pmgen client` never
imports the docs' templates.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pmgen.emitted import BlackStable
    from pmgen.emitters.docs_view import DocSnippets
    from pmgen.model import Collection, Operation
    from pmgen.wire.effects import CollectionEffects

# Runs a function meanwhile (elsewhere): the context yields what fetches its result. The
# pipeline hands the client `pmgen.parallel.forked` when it can fork.
Beside = Callable[
    [Callable[[], "str | None"]], AbstractContextManager[Callable[[], "str | None"]]
]


@dataclass(frozen=True)
class Options:
    """Every emitter's options; each reads those it knows."""

    package: str  # the client package name (the python-client snippets call it too)
    reveal_secrets: bool = False
    templates_dir: str | None = None
    styles: tuple[str, ...] = ()  # snippets: () is every style but python-client
    site: str | None = None  # docs: "mkdocs" or None
    snippets: DocSnippets | None = None  # docs: the snippets each request shows
    beside: Beside | None = None  # client: where datamodel-code-generator may run
    # snippets: what the pre-request scripts do (`pmgen.script_effects`, run before emitting)
    effects: CollectionEffects | None = None


Emitter = Callable[["Collection", Options], "BlackStable"]


def emit_client(collection: Collection, options: Options) -> BlackStable:
    from pmgen.emitters import client as module  # noqa: PLC0415

    return module.emit(
        collection,
        package_name=options.package,
        reveal_secrets=options.reveal_secrets,
        templates_dir=options.templates_dir,
        beside=options.beside,
    )


def python_client_usage(
    collection: Collection, operation: Operation, *, package: str, reveal_secrets: bool
) -> str:
    """The python-client snippet (`snippets.Usage`): the client emitter's usage program
    for the request. Handed to the snippets emitter here, where the emitters meet, so
    neither imports the other; `client_usage` loads only when the style is asked for."""
    from pmgen.emitters import client_usage  # noqa: PLC0415

    return client_usage.render_usage(
        collection, operation, package=package, reveal_secrets=reveal_secrets
    )


def emit_snippets(collection: Collection, options: Options) -> BlackStable:
    from pmgen.emitters import snippets as module  # noqa: PLC0415

    return module.emit(
        collection,
        styles=options.styles,
        reveal_secrets=options.reveal_secrets,
        package=options.package,
        usage=python_client_usage,
        effects=options.effects,
    )


def emit_docs(collection: Collection, options: Options) -> BlackStable:
    from pmgen.emitted import BlackStable  # noqa: PLC0415
    from pmgen.emitters import docs as module  # noqa: PLC0415

    return BlackStable(
        module.emit(
            collection,
            snippets=options.snippets,
            site=options.site,
            reveal_secrets=options.reveal_secrets,
            templates_dir=options.templates_dir,
        )
    )


EMITTERS: dict[str, Emitter] = {
    "client": emit_client,
    "snippets": emit_snippets,
    "docs": emit_docs,
}
