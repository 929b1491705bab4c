"""`pmgen docs SOURCE -o DIR [--style S]... [--env FILE]... [--site mkdocs]`: markdown docs.

DIR/README.md (overview and contents), DIR/folders/*.md, DIR/requests.md and
DIR/CHANGELOG.md (the API changelog, kept across runs). With `--site mkdocs` the pages
go under DIR/docs/ beside DIR/mkdocs.yml, so `mkdocs build --strict` builds the site
(with snippets, as tabs: needs pymdown-extensions).
"""

from __future__ import annotations

from typing import Any

import click

from pmgen import pipeline
from pmgen.commands._output import output_options, show, warn
from pmgen.commands._source_options import load_kwargs, source_options
from pmgen.emitters import docs


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
    help="Also write a documentation-site config (pages then go under DIR/docs/; "
    "snippets become tabs, which need pymdown-extensions).",
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
    settings = pipeline.OutputSettings.pop_from(kwargs)
    styles = style or docs.DEFAULT_STYLES
    if styles == ("none",):
        styles = ()
    plan = pipeline.Plan(
        parts={"docs": ""},
        doc_styles=styles,
        reveal_secrets=reveal_secrets,
        templates=templates,
        site=site,
        changelog=docs.pages_root(site) + "CHANGELOG.md",
        recorded={
            "style": list(styles),
            "site": site,
            "reveal_secrets": reveal_secrets,
            "templates": templates,
        },
    )
    show(
        pipeline.run(
            kwargs.get("source"), load_kwargs(kwargs), plan, settings, notify=warn
        )
    )
