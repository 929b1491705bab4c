"""`pmgen client SOURCE -o DIR [--name PACKAGE] [--env FILE]... [--environment NAME]
[--var K=V]... [--reveal-secrets] [--templates DIR]`: an installable Python client package.

DIR gets pyproject.toml, README.md, the package (sync and async clients, one module per
folder) and tests generated from the saved examples (`pip install DIR[test] && pytest DIR`).
"""

from __future__ import annotations

from typing import Any

import click

from generator.commands._output import OutputSettings, output_options, run_emitters
from generator.commands._source_options import load_from_options, source_options
from generator.emitters import client


@click.command(name="client")
@source_options
@output_options
@click.option(
    "--name",
    "package_name",
    help="Python package name (default: from the collection name).",
)
@click.option(
    "--reveal-secrets",
    is_flag=True,
    help="Write credentials found in the collection into the package "
    "(default: read from environment variables <PACKAGE>_<VAR>).",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False),
    help="Directory overriding pmgen's templates (client/**/*.jinja).",
)
def command(
    *,
    package_name: str | None,
    reveal_secrets: bool,
    templates: str | None,
    **kwargs: Any,
) -> None:
    """Generate an installable Python client package."""
    settings = OutputSettings.pop_from(kwargs)
    collection = load_from_options(kwargs)
    name = client.package_name_for(collection, package_name)

    def emit(c: Any) -> dict[str, str]:
        return client.emit(
            c, package_name=name, reveal_secrets=reveal_secrets, templates_dir=templates
        )

    run_emitters(
        collection,
        {"": emit},
        settings=settings,
        options={
            "name": name,
            "reveal_secrets": reveal_secrets,
            "templates": templates,
            "environment": collection.environment,
        },
        changelog_path="CHANGELOG.md",
        reveal_secrets=reveal_secrets,
    )
