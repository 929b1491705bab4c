"""`pmgen client SOURCE -o DIR [--name PACKAGE] [--env FILE]... [--environment NAME]
[--var K=V]... [--reveal-secrets] [--templates DIR]`: an installable Python client package.

DIR gets pyproject.toml, README.md, the package (sync and async clients, one module per
folder) and tests generated from the saved examples (`pip install DIR[test] && pytest DIR`).
"""

from __future__ import annotations

from typing import Any

import click

from pmgen import pipeline
from pmgen.commands._output import output_options, show, warn
from pmgen.commands._source_options import load_kwargs, source_options


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
    settings = pipeline.OutputSettings.pop_from(kwargs)
    source = kwargs.get("source")
    plan = pipeline.Plan(
        parts={"client": ""},
        package_name=package_name,
        reveal_secrets=reveal_secrets,
        templates=templates,
        changelog="CHANGELOG.md",
        recorded={"reveal_secrets": reveal_secrets, "templates": templates},
        record_package=True,
    )
    show(pipeline.run(source, load_kwargs(kwargs), plan, settings, notify=warn))
