"""The `pmgen` command line. Each command lives in `generator/commands/<name>.py`
and exposes a click command named `command`; they load lazily so `pmgen --help`
stays fast and a broken emitter cannot break unrelated commands."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click

from pmgen import __version__
from pmgen.errors import PmgenError

COMMANDS = {
    "inspect": "Print a collection's folder tree, requests, auth and diagnostics.",
    "client": "Generate an installable Python client package.",
    "snippets": "Generate runnable request snippets in several styles.",
    "docs": "Generate markdown documentation.",
    "generate": "Generate client, snippets and docs together.",
    "watch": "Regenerate whenever the source changes.",
    "schema": "Print the JSON schema of pmgen's intermediate model.",
}


def _available(name: str) -> bool:
    return importlib.util.find_spec(f"pmgen.commands.{name}") is not None


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if _available(name)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _available(cmd_name):
            return None
        module = importlib.import_module(f"pmgen.commands.{cmd_name}")
        command: click.Command = module.command
        return command

    def format_commands(
        self, ctx: click.Context, formatter: click.HelpFormatter
    ) -> None:
        rows = [(name, COMMANDS[name]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pmgen")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool, quiet: bool) -> None:
    """pmgen turns Postman collections into Python software."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["quiet"] = quiet


def main(argv: list[str] | None = None) -> Any:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        return cli.main(args=argv, prog_name="pmgen", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("pmgen: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except PmgenError as exc:
        if debug:
            raise
        click.echo(f"pmgen: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except RecursionError:
        if debug:
            raise
        click.echo("pmgen: error: input nested too deeply", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: still one line, the traceback behind --debug
        if debug:
            raise
        click.echo(
            f"pmgen: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
            err=True,
        )
        sys.exit(3)


if __name__ == "__main__":
    main()
