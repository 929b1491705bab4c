"""The SOURCE argument and the importer's options, shared by every command that reads a
collection (inspect, client, snippets, docs, generate).

    @click.command()
    @source_options                      # or @source_options(required=False)
    def command(**kwargs):
        collection = load_from_options(kwargs)   # pops the source options it used

`load_kwargs(kwargs)` pops them too and returns `pmgen.importer.load` keywords.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

import click

from pmgen.importer.hosts import Hosts
from pmgen.importer.limits import Limits

if TYPE_CHECKING:
    from pmgen.model import Collection

F = TypeVar("F", bound=Callable[..., Any])

OPTION_NAMES = (
    "source", "env", "environment", "var", "globals_", "api_key",
    "postman_api_url", "documenter_url", "max_size", "max_requests", "max_depth",
    "max_json_depth", "timeout", "max_time", "collection",
)  # fmt: skip
# JSON nesting is capped: the emitters walk bodies recursively (Python's stack).
_JSON_DEPTH_CAP = 500
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1000, "m": 1000**2, "g": 1000**3}


def parse_size(text: str) -> int:
    """`200MB`, `50M`, `1GiB`, `1000000` -> bytes."""
    match = _SIZE.match(text)
    if not match:
        raise click.BadParameter(
            f"expected a size such as 50MB, got {text!r}", param_hint="--max-size"
        )
    unit = (match.group(2) or "").lower()
    factor = _UNITS[unit[:1]] if "i" not in unit else 1024 ** "bkmg".index(unit[0])
    return int(float(match.group(1)) * factor)


def parse_vars(items: Any) -> dict[str, str]:
    variables: dict[str, str] = {}
    for item in items or ():
        key, sep, value = str(item).partition("=")
        if not sep or not key:
            raise click.BadParameter(
                f"expected KEY=VALUE, got {item!r}", param_hint="--var"
            )
        variables[key] = value
    return variables


@overload
def source_options(func: F) -> F: ...
@overload
def source_options(*, required: bool = True) -> Callable[[F], F]: ...
def source_options(func: F | None = None, *, required: bool = True) -> Any:
    """SOURCE (file, `-` or URL) plus `--env/--environment/--var/--globals/--api-key`,
    the base-host options and the input limits."""

    def decorate(f: F) -> F:
        decorators = [
            click.argument("source", required=required),
            click.option(
                "--env",
                "env",
                multiple=True,
                metavar="FILE",
                help="Environment file (repeatable; the last one is selected).",
            ),
            click.option(
                "--environment",
                metavar="NAME",
                help="Select an environment by name (files or published ones).",
            ),
            click.option(
                "--var",
                "var",
                multiple=True,
                metavar="KEY=VALUE",
                help="Override a variable (repeatable; wins over everything).",
            ),
            click.option(
                "--globals",
                "globals_",
                multiple=True,
                metavar="FILE",
                help="Postman globals file (repeatable).",
            ),
            click.option(
                "--collection",
                "collection",
                metavar="NAME",
                help="Which collection of a Postman workspace folder SOURCE "
                "(postman/collections/NAME).",
            ),
            click.option(
                "--published",
                metavar="FILE",
                help="Published-documentation metadata of the same collection "
                "(publisher info, languages, environments).",
            ),
            click.option(
                "--api-key",
                envvar="POSTMAN_API_KEY",
                metavar="KEY",
                help="Postman API key for API URLs [env: POSTMAN_API_KEY].",
            ),
            click.option(
                "--postman-api-url",
                envvar="PMGEN_POSTMAN_API_URL",
                metavar="URL",
                help="Postman API base [env: PMGEN_POSTMAN_API_URL].",
            ),
            click.option(
                "--documenter-url",
                envvar="PMGEN_DOCUMENTER_URL",
                metavar="URL",
                help="Published-docs API base [env: PMGEN_DOCUMENTER_URL].",
            ),
            click.option(
                "--max-size",
                default="200MB",
                show_default=True,
                help="Largest input accepted.",
            ),
            click.option(
                "--max-requests",
                default=Limits.max_requests,
                show_default=True,
                type=click.IntRange(min=1),
                help="Most requests accepted.",
            ),
            click.option(
                "--max-depth",
                default=Limits.max_depth,
                show_default=True,
                type=click.IntRange(min=1),
                help="Deepest folder nesting accepted.",
            ),
            click.option(
                "--max-json-depth",
                default=Limits.max_json_depth,
                show_default=True,
                type=click.IntRange(min=1, max=_JSON_DEPTH_CAP),
                help=f"Deepest JSON nesting accepted (input files and bodies; "
                f"at most {_JSON_DEPTH_CAP}).",
            ),
            click.option(
                "--timeout",
                default=Limits.timeout,
                show_default=True,
                type=click.FloatRange(min=0.1),
                help="Seconds a URL source may stay silent (connect or read).",
            ),
            click.option(
                "--max-time",
                default=Limits.max_time,
                show_default=True,
                type=click.FloatRange(min=0.1),
                help="Seconds per URL download in total (redirects and retries included).",
            ),
        ]
        for decorator in reversed(decorators):
            f = decorator(f)
        return f

    return decorate(func) if func is not None else decorate


def _progress() -> Callable[[str], None] | None:
    """Progress lines on stderr, only when it is a terminal and not --quiet."""
    ctx = click.get_current_context(silent=True)
    quiet = bool(ctx and ctx.find_root().obj and ctx.find_root().obj.get("quiet"))
    if quiet or not sys.stderr.isatty():
        return None
    return lambda message: click.echo(f"pmgen: {message}", err=True)


def load_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Pop the source options from a command's kwargs; return `load` keywords (not SOURCE)."""
    kwargs.pop("source", None)
    limits = Limits(
        max_bytes=parse_size(str(kwargs.pop("max_size", None) or "200MB")),
        max_requests=int(kwargs.pop("max_requests", None) or Limits.max_requests),
        max_depth=int(kwargs.pop("max_depth", None) or Limits.max_depth),
        max_json_depth=int(kwargs.pop("max_json_depth", None) or Limits.max_json_depth),
        timeout=float(kwargs.pop("timeout", None) or Limits.timeout),
        max_time=float(kwargs.pop("max_time", None) or Limits.max_time),
    )
    return {
        "env_files": tuple(kwargs.pop("env", ()) or ()),
        "environment": kwargs.pop("environment", None),
        "variables": parse_vars(kwargs.pop("var", ())),
        "globals_files": tuple(kwargs.pop("globals_", ()) or ()),
        "api_key": kwargs.pop("api_key", None),
        "published_metadata": kwargs.pop("published", None),
        "collection_name": kwargs.pop("collection", None),
        "limits": limits,
        "hosts": Hosts.from_env(
            kwargs.pop("postman_api_url", None), kwargs.pop("documenter_url", None)
        ),
        "progress": _progress(),
    }


def load_from_options(kwargs: dict[str, Any], source: str | None = None) -> Collection:
    """Load the collection the options name (pops them from `kwargs`)."""
    source = source or kwargs.get("source")
    if not source:
        raise click.UsageError(
            "missing SOURCE (a collection file or folder, - for stdin, or a URL)"
        )
    from pmgen.importer import load  # noqa: PLC0415 (pydantic: slow to import)

    return load(source, **load_kwargs(kwargs))
