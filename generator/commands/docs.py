"""`pmgen docs SOURCE -o DIR [--style S]... [--env FILE]... [--site mkdocs]`: markdown docs.

DIR/README.md (overview and contents), DIR/folders/*.md, DIR/requests.md and
DIR/CHANGELOG.md (the API changelog, kept across runs). With `--site mkdocs` the pages
go under DIR/docs/ beside DIR/mkdocs.yml, so `mkdocs build --strict` builds the site.
"""

from __future__ import annotations

from typing import Any

import click

from generator.commands._output import OutputSettings, output_options, run_emitters
from generator.commands._source_options import load_from_options, source_options
from generator.emitters import docs


@click.command(name="docs")
@source_options
@output_options
@click.option(
    "--style",
    "style",
    multiple=True,
    metavar="STYLE",
    help="Snippet style shown for each request (repeatable; default: curl and "
    "python-requests; `publisher` = the publisher's languages; `none` = no snippets).",
)
@click.option(
    "--site",
    type=click.Choice(docs.SITES),
    help="Also write a documentation-site config (pages then go under DIR/docs/).",
)
@click.option(
    "--reveal-secrets",
    is_flag=True,
    help="Show credentials found in the collection instead of masking them.",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False),
    help="Directory overriding pmgen's templates (docs/*.jinja).",
)
def command(
    *,
    style: tuple[str, ...],
    site: str | None,
    reveal_secrets: bool,
    templates: str | None,
    **kwargs: Any,
) -> None:
    """Generate markdown documentation for a collection."""
    settings = OutputSettings.pop_from(kwargs)
    collection = load_from_options(kwargs)
    styles: tuple[str, ...] = style or docs.DEFAULT_STYLES
    if styles == ("none",):
        styles = ()

    def emit(c: Any) -> dict[str, str]:
        return docs.emit(
            c,
            styles=styles,
            site=site,
            reveal_secrets=reveal_secrets,
            templates_dir=templates,
        )

    run_emitters(
        collection,
        {"": emit},
        settings=settings,
        options={
            "style": list(styles),
            "site": site,
            "reveal_secrets": reveal_secrets,
            "templates": templates,
            "environment": collection.environment,
        },
        changelog_path=docs.pages_root(site) + "CHANGELOG.md",
        reveal_secrets=reveal_secrets,
    )
