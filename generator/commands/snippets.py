"""`pmgen snippets SOURCE -o DIR [--style S]... [--reveal-secrets]`: one runnable snippet per
request and style, plus DIR/index.json; `pmgen snippets SOURCE --request REF [--style S]`
prints one snippet (REF: the request's id or its path `Folder/Sub/Name`)."""

from __future__ import annotations

from typing import Any

import click

from pmgen import pipeline
from pmgen.commands._output import output_options, show, warn
from pmgen.commands._source_options import (
    load_from_options,
    load_kwargs,
    source_options,
)
from pmgen.emitters import python_client_usage, snippets
from pmgen.emitters.snippet_context import Unsupported
from pmgen.errors import UsageError
from pmgen.formatting import format_python
from pmgen.model import Collection, Operation
from pmgen.secrets import SecretReport


def find_operation(collection: Collection, ref: str) -> Operation:
    ref = ref.strip()
    for op in collection.operations():
        if ref in (op.id, op.key, "/".join([*op.folder, op.name])):
            return op
    raise UsageError(
        f"no request {ref!r} in the collection (use its id or Folder/Sub/Name)"
    )


@click.command(name="snippets")
@source_options
@output_options
@click.option(
    "--style",
    "style",
    multiple=True,
    metavar="STYLE",
    help=f"Snippet style (repeatable): {', '.join(snippets.STYLES)}, publisher.",
)
@click.option(
    "--request",
    "request_ref",
    metavar="REF",
    help="Print one request's snippet to stdout.",
)
@click.option(
    "--reveal-secrets",
    is_flag=True,
    help="Write credentials inline instead of reading them from the environment.",
)
def command(
    *,
    style: tuple[str, ...],
    request_ref: str | None,
    reveal_secrets: bool,
    **kwargs: Any,
) -> None:
    """Generate runnable request snippets in several styles."""
    if request_ref:
        for name in ("output", "check", "force", "date", "config_file"):
            kwargs.pop(name, None)
        collection = load_from_options(kwargs)
        for diagnostic in collection.diagnostics:
            if diagnostic.level != "info":
                warn(pipeline.diagnostic_line(diagnostic, collection.source))
        op = find_operation(collection, request_ref)
        chosen = snippets.resolve_styles(collection, style or ("curl",))
        effects = pipeline.script_effects(collection, [op])
        for name in chosen:
            try:
                text = snippets.render_snippet(
                    collection,
                    op,
                    name,
                    reveal_secrets=reveal_secrets,
                    usage=python_client_usage,
                    effects=effects,
                )
            except Unsupported as why:
                raise UsageError(
                    f"style {name} cannot express this request: {why}"
                ) from None
            path = f"snippet.{snippets.STYLES[name].ext}"
            leaked = (
                frozenset() if reveal_secrets else SecretReport.of(collection).values
            )
            # the same safety net as files written to disk
            files = pipeline.scrub({path: text}, leaked)
            click.echo(format_python(files)[path], nl=False)
        return
    settings = pipeline.OutputSettings.pop_from(kwargs)
    plan = pipeline.Plan(
        parts={"snippets": ""},
        styles=style,
        reveal_secrets=reveal_secrets,
        recorded={"style": list(style), "reveal_secrets": reveal_secrets},
    )
    show(
        pipeline.run(
            kwargs.get("source"), load_kwargs(kwargs), plan, settings, notify=warn
        )
    )
