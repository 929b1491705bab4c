"""What every generating command shares: the output options and how a run is reported.

    @click.command()
    @source_options
    @output_options                       # -o/--output, --check, --force, --date, --config
    def command(**kwargs):
        settings = OutputSettings.pop_from(kwargs)
        show(pipeline.run(source, load_kwargs(kwargs), plan, settings, notify=warn))

`warn` prints each notice of the run as it comes (the input's diagnostics, the secrets
found, on stderr); `show` prints files kept because they were edited by hand, what
`--check` would change, the changelog and the write summary (nothing with `-q` but
warnings about kept files), and exits 1 when `--check` finds something that would
change. The run itself is `pmgen.pipeline`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from pmgen import config

if TYPE_CHECKING:
    from pmgen import changelog, writer
    from pmgen.pipeline import Result

F = TypeVar("F", bound=Callable[..., Any])


def _apply_config(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """Eager: turn the config file into click defaults before other options are parsed."""
    path = Path(value) if value else config.find(Path("."))
    if path is None:
        return None
    if not path.is_file():
        raise click.BadParameter(f"{path} does not exist", ctx=ctx, param=param)
    command = ctx.command.name or ""
    values = config.load(path, command)
    known = {p.name for p in ctx.command.params if p.name}
    config.check_known(values, known, path, command)
    ctx.default_map = {
        **(ctx.default_map or {}),
        **{k: v for k, v in values.items() if k in known},
    }
    return str(path)


def output_options(func: F) -> F:
    """-o/--output DIR, --check, --force, --date, --config (each can come from the config)."""
    decorators = [
        click.option(
            "-o",
            "--output",
            type=click.Path(file_okay=False, path_type=Path),
            help="Output directory (or `output` in pmgen.toml).",
        ),
        click.option(
            "--check",
            is_flag=True,
            help="Write nothing; exit 1 and list what would change (for CI).",
        ),
        click.option(
            "--force", is_flag=True, help="Overwrite generated files edited by hand."
        ),
        click.option(
            "--date",
            help="Date (YYYY-MM-DD) for the changelog entry when the "
            "source has none (default: $SOURCE_DATE_EPOCH, else undated).",
        ),
        click.option(
            "--config",
            "config_file",
            is_eager=True,
            expose_value=True,
            callback=_apply_config,
            type=click.Path(dir_okay=False),
            help="Config file (default: ./pmgen.toml or [tool.pmgen] in ./pyproject.toml).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    return bool(root and isinstance(root.obj, dict) and root.obj.get("quiet"))


def echo(line: str, *, err: bool = False) -> None:
    if not _quiet():
        click.echo(line, err=err)


def warn(line: str) -> None:
    """A notice of the run (a diagnostic, a secret found), on stderr unless `-q`."""
    echo(line, err=True)


def show(result: Result, *, exit_on_check: bool = True) -> None:
    """Print what a run did; exit 1 when `--check` finds a change."""
    _print(result.report, result.changes)
    if result.report.check and result.report.would_change and exit_on_check:
        sys.exit(1)


MAX_LISTED = 200  # --check lists this many paths (a first run may have 20,000)


def _print(report: writer.WriteReport, changes: changelog.Changes) -> None:
    for path, why in report.refused:
        hint = (
            " (use --force to overwrite)"
            if "edited" in why or "not generated" in why
            else ""
        )
        click.echo(f"pmgen: warning: kept {path}: {why}{hint}", err=True)
    if report.check:
        for path, what in report.would_change[:MAX_LISTED]:
            echo(f"would change: {path} ({what})")
        if len(report.would_change) > MAX_LISTED:
            echo(f"would change: ... and {len(report.would_change) - MAX_LISTED} more")
    if not report.up_to_date and not (report.check and not report.would_change):
        echo(changes.summary())
    echo(report.summary())
