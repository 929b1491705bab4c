"""`pmgen inspect SOURCE`: the folder tree with each request's method, URL and effective
auth, then the diagnostics. `--json` prints the whole model (secrets masked unless
`--reveal-secrets`)."""

from __future__ import annotations

import re
from typing import Any

import click

from pmgen.commands._source_options import load_from_options, source_options
from pmgen.importer.redact import redact
from pmgen.model import Collection, EffectiveAuth, Folder, Item
from pmgen.scriptinfo import ScriptRun, script_runs, summary

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Collection text is untrusted: no terminal escapes or newlines reach the screen."""
    return _CONTROL.sub(" ", text)


def _auth(auth: EffectiveAuth) -> str:
    if auth.auth is None:
        return "no auth" if auth.source == "none" else f"no auth ({auth.source})"
    if auth.source == "folder":
        return f"{auth.auth.type} (folder {clean(auth.source_name)!r})"
    return f"{auth.auth.type} ({auth.source})"


def script_line(run: ScriptRun) -> str:
    """`collection pre-request (Name): computes an HMAC signature; reads a, b; sets c`."""
    return clean(f"{run.level} {run.event} ({run.owner}): {summary(run.script.exec)}")


def _tree(
    items: list[Item],
    depth: int,
    lines: list[str],
    runs: dict[int, list[ScriptRun]],
) -> None:
    pad = "  " * depth
    for item in items:
        if isinstance(item, Folder):
            lines.append(f"{pad}{clean(item.name)}/")
            _tree(item.items, depth + 1, lines, runs)
        else:
            url = clean(item.request.url.raw) or "(no URL)"
            method = clean(item.request.method)
            lines.append(
                f"{pad}{method:<7} {clean(item.name)}  {url}  [{_auth(item.auth)}]"
            )
            lines += [
                f"{pad}          script: {script_line(run)}"
                for run in runs.get(id(item), [])
            ]


def render_text(collection: Collection) -> str:
    operations = sum(1 for _ in collection.operations())
    folders = sum(1 for _ in collection.folders())
    info = collection.info
    lines = [
        f"{clean(info.name)}  ({info.format}, {operations} requests, {folders} folders)",
        f"source: {clean(collection.source)}",
    ]
    if collection.environments:
        names = ", ".join(clean(e.name) for e in collection.environments)
        lines.append(
            f"environments: {names} (selected: {clean(collection.environment or 'none')})"
        )
    if collection.auth:
        lines.append(f"collection auth: {collection.auth.type}")
    if collection.publish and collection.publish.published_id:
        lines.append(
            f"published: {collection.publish.published_id} {collection.publish.public_url or ''}"
        )
    lines.append("")
    _tree(collection.items, 0, lines, script_runs(collection))
    if not collection.items:
        lines.append("(no requests)")
    if collection.diagnostics:
        lines += ["", "diagnostics:"]
        for diag in collection.diagnostics:
            at = " ".join(p for p in (diag.position, diag.location) if p)
            where = f" {clean(at)}" if at else ""
            lines.append(f"  {diag.level}{where}: {clean(diag.message)}")
    return "\n".join(lines)


@click.command(name="inspect")
@source_options
@click.option("--json", "as_json", is_flag=True, help="Print the model as JSON.")
@click.option(
    "--reveal-secrets", is_flag=True, help="Do not mask secret values in --json output."
)
def command(as_json: bool, reveal_secrets: bool, **kwargs: Any) -> None:
    """Print a collection's folder tree, requests, auth and diagnostics.

    SOURCE is a collection file, - (stdin), or a URL (Postman API, share link, published
    documentation page or JSON).
    """
    collection = load_from_options(kwargs)
    if as_json:
        shown = collection if reveal_secrets else redact(collection)
        click.echo(shown.model_dump_json(indent=2))
    else:
        click.echo(render_text(collection))
