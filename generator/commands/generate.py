"""`pmgen generate SOURCE -o DIR`: client, snippets and docs together, one manifest.

    DIR/client/    the Python package      (generator.emitters.client)
    DIR/snippets/  request snippets         (generator.emitters.snippets)
    DIR/docs/      markdown docs + CHANGELOG.md  (generator.emitters.docs)

With a `pmgen.toml` (or `[tool.pmgen]`) holding `source` and `output`, `pmgen generate`
alone regenerates. An emitter that is not installed yet is skipped with a warning.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import click

from generator.commands._output import (
    Emitter,
    OutputSettings,
    load_collection,
    output_options,
    run_emitters,
)
from generator.model import Collection

PARTS = ("client", "snippets", "docs")
CHANGELOG_PATH = "docs/CHANGELOG.md"


def source_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """SOURCE plus the importer's options (SOURCE optional: the config file may give it)."""
    decorators = [
        click.argument("source", required=False),
        click.option(
            "--env", "env", multiple=True, help="Environment file (repeatable)."
        ),
        click.option("--environment", help="Name of the environment to select."),
        click.option(
            "--var", "var", multiple=True, help="Override a variable: KEY=VALUE."
        ),
        click.option(
            "--globals", "globals_", multiple=True, help="Globals file (repeatable)."
        ),
        click.option(
            "--api-key", envvar="POSTMAN_API_KEY", help="Postman API key for URLs."
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def load_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Pop the source options and shape them as `generator.importer.load` keywords."""
    variables: dict[str, str] = {}
    for item in kwargs.pop("var", ()) or ():
        key, sep, value = str(item).partition("=")
        if not sep or not key:
            raise click.BadParameter(
                f"expected KEY=VALUE, got {item!r}", param_hint="--var"
            )
        variables[key] = value
    return {
        "env_files": tuple(kwargs.pop("env", ()) or ()),
        "environment": kwargs.pop("environment", None),
        "variables": variables,
        "globals_files": tuple(kwargs.pop("globals_", ()) or ()),
        "api_key": kwargs.pop("api_key", None),
    }


def _call(
    func: Callable[..., Mapping[str, str]], collection: Collection, **kwargs: Any
) -> Mapping[str, str]:
    """Pass only the keywords the emitter accepts (emitters grow options independently)."""
    params = inspect.signature(func).parameters
    if not any(p.kind is p.VAR_KEYWORD for p in params.values()):
        kwargs = {k: v for k, v in kwargs.items() if k in params}
    return func(collection, **kwargs)


def emitters_for(
    parts: Sequence[str],
    *,
    styles: Sequence[str],
    package_name: str | None,
    reveal_secrets: bool,
    templates: str | None,
    site: str | None,
) -> dict[str, Emitter]:
    """The available emitters under their output prefixes; a missing one is skipped."""
    found: dict[str, Emitter] = {}
    for part in parts:
        try:
            module = importlib.import_module(f"generator.emitters.{part}")
        except ModuleNotFoundError as exc:
            if exc.name != f"generator.emitters.{part}":
                raise
            click.echo(
                f"pmgen: warning: the {part} emitter is not available; skipped",
                err=True,
            )
            continue
        emit = module.emit
        if part == "client":
            extra: dict[str, Any] = {
                "reveal_secrets": reveal_secrets,
                "templates_dir": templates,
            }
            if package_name:
                extra["package_name"] = package_name
        elif part == "snippets":
            extra = {"reveal_secrets": reveal_secrets}
            if styles:
                extra["styles"] = tuple(styles)
        else:
            extra = {"site": site, "reveal_secrets": reveal_secrets}
            if styles:
                extra["styles"] = tuple(styles)
        found[part] = _bind(emit, extra)
    return found


def _bind(emit: Callable[..., Mapping[str, str]], extra: dict[str, Any]) -> Emitter:
    def bound(collection: Collection) -> Mapping[str, str]:
        return _call(emit, collection, **extra)

    return bound


@click.command(name="generate")
@source_options
@output_options
@click.option(
    "--style",
    "style",
    multiple=True,
    help="Snippet style for snippets and docs (repeatable).",
)
@click.option("--name", help="Python package name of the client.")
@click.option(
    "--reveal-secrets",
    is_flag=True,
    help="Write secrets found in the collection into the output.",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False),
    help="Directory overriding pmgen's templates.",
)
@click.option(
    "--site",
    type=click.Choice(["mkdocs"]),
    help="Also write a documentation-site config.",
)
@click.option(
    "--only", type=click.Choice(PARTS), multiple=True, help="Generate only these parts."
)
def command(
    *,
    source: str | None,
    style: tuple[str, ...],
    name: str | None,
    reveal_secrets: bool,
    templates: str | None,
    site: str | None,
    only: tuple[str, ...],
    **kwargs: Any,
) -> None:
    """Generate the client package, snippets and docs into DIR/client, DIR/snippets, DIR/docs."""
    settings = OutputSettings.pop_from(kwargs)
    collection = load_collection(source, **load_kwargs(kwargs))
    parts = [p for p in PARTS if not only or p in only]
    emitters = emitters_for(
        parts,
        styles=style,
        package_name=name,
        reveal_secrets=reveal_secrets,
        templates=templates,
        site=site,
    )
    options = {
        "parts": parts,
        "style": list(style),
        "name": name,
        "reveal_secrets": reveal_secrets,
        "templates": templates,
        "site": site,
        "environment": collection.environment,
    }
    run_emitters(
        collection,
        emitters,
        settings=settings,
        options=options,
        changelog_path=CHANGELOG_PATH if "docs" in parts else None,
        reveal_secrets=reveal_secrets,
    )
