"""`pmgen generate SOURCE -o DIR`: client, snippets and docs together, one manifest.

    DIR/client/    the Python package      (generator.emitters.client)
    DIR/snippets/  request snippets         (generator.emitters.snippets)
    DIR/docs/      markdown docs + CHANGELOG.md  (generator.emitters.docs)

With a `pmgen.toml` (or `[tool.pmgen]`) holding `source` and `output`, `pmgen generate`
alone regenerates. An emitter that is not installed yet is skipped with a warning.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator import manifest as mf
from generator import naming
from generator.changelog import Changes
from generator.commands._output import (
    Emitter,
    OutputSettings,
    load_collection,
    output_options,
    run_emitters,
    shortcut,
)
from generator.commands._source_options import load_kwargs, source_options
from generator.writer import WriteReport

if TYPE_CHECKING:
    from generator.model import Collection

PARTS = ("client", "snippets", "docs")


def _call(
    func: Callable[..., Mapping[str, str]], collection: Collection, **kwargs: Any
) -> Mapping[str, str]:
    """Pass only the keywords the emitter accepts (emitters grow options independently)."""
    params = inspect.signature(func).parameters
    if not any(p.kind is p.VAR_KEYWORD for p in params.values()):
        kwargs = {k: v for k, v in kwargs.items() if k in params}
    return func(collection, **kwargs)


def package_for(collection: Collection, name: str | None) -> str:
    """The client package name, decided once (the snippets' python-client style needs it)."""
    try:
        from generator.emitters.client import package_name_for  # noqa: PLC0415
    except ImportError:
        return name or naming.snake(collection.info.name, "client")
    return package_name_for(collection, name)


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
    shared: dict[str, tuple[Collection, Mapping[str, str]]] = {}  # snippets -> docs
    common: dict[str, Any] = {
        "reveal_secrets": reveal_secrets,
        "templates_dir": templates,
    }
    if styles:
        common["styles"] = tuple(styles)
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
        extra = {**common, "site": site} if part == "docs" else common
        found[part] = _bind(module.emit, extra, package_name, part, shared)
    return found


def _bind(
    emit: Callable[..., Mapping[str, str]],
    extra: dict[str, Any],
    name: str | None,
    part: str,
    shared: dict[str, tuple[Collection, Mapping[str, str]]],
) -> Emitter:
    """The emitter with its options; the docs reuse the snippets the snippets emitter
    rendered in the same run (same collection, styles, secrets and package)."""

    def bound(collection: Collection) -> Mapping[str, str]:
        package = package_for(collection, name)
        more: dict[str, Any] = {}
        earlier = shared.pop("snippets", None) if part == "docs" else None
        if earlier is not None and earlier[0] is collection:
            more["snippet_files"] = earlier[1]
        files = _call(
            emit, collection, package_name=package, package=package, **extra, **more
        )
        if part == "snippets":
            shared["snippets"] = (collection, files)
        return files

    return bound


def generate_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """What to generate: shared by `generate` and `watch`."""
    decorators = [
        click.option(
            "--style",
            "style",
            multiple=True,
            help="Snippet style for snippets and docs (repeatable).",
        ),
        click.option("--name", help="Python package name of the client."),
        click.option(
            "--reveal-secrets",
            is_flag=True,
            help="Write secrets found in the collection into the output.",
        ),
        click.option(
            "--templates",
            type=click.Path(file_okay=False),
            help="Directory overriding pmgen's templates.",
        ),
        click.option(
            "--site",
            type=click.Choice(["mkdocs"]),
            help="Also write a documentation-site config.",
        ),
        click.option(
            "--only",
            type=click.Choice(PARTS),
            multiple=True,
            help="Generate only these parts.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


@dataclass(frozen=True)
class GenerateJob:
    """One `generate` invocation, re-runnable (`watch` runs it on every change)."""

    source: str | None
    settings: OutputSettings
    load: dict[str, Any]
    style: tuple[str, ...] = ()
    name: str | None = None
    reveal_secrets: bool = False
    templates: str | None = None
    site: str | None = None
    only: tuple[str, ...] = ()

    def _changelog_path(self) -> str:
        """Beside the docs' README, so a documentation site includes it too."""
        from generator.emitters.docs import pages_root  # noqa: PLC0415

        return f"docs/{pages_root(self.site)}CHANGELOG.md"

    @classmethod
    def from_kwargs(cls, kwargs: dict[str, Any]) -> GenerateJob:
        settings = OutputSettings.pop_from(kwargs)
        fields = {
            k: kwargs.pop(k)
            for k in (
                "source",
                "style",
                "name",
                "reveal_secrets",
                "templates",
                "site",
                "only",
            )
        }
        return cls(settings=settings, load=load_kwargs(kwargs), **fields)

    def fingerprint(self) -> str | None:
        """One hash of everything the output depends on: pmgen's code and templates, the
        input files' bytes, every option, `--templates` contents, the date settings.
        None when an input is not a local file (a URL or stdin is read in full anyway).
        """
        names = [
            self.source,
            *self.load.get("env_files", ()),
            *self.load.get("globals_files", ()),
        ]
        if self.load.get("published_metadata"):
            names.append(self.load["published_metadata"])
        inputs = []
        if self.source and os.path.isdir(self.source):  # a v3 collection folder
            from generator.errors import PmgenError  # noqa: PLC0415
            from generator.importer.v3.inputs import fingerprint_inputs  # noqa: PLC0415

            try:
                folder = fingerprint_inputs(
                    self.source,
                    self.load.get("collection_name"),
                    self.load.get("environment"),
                )
            except (PmgenError, OSError):
                return None  # the full run reports it
            if folder is None:
                return None
            inputs.extend(folder)
            names = names[1:]
        for name in names:
            if not name or not os.path.isfile(name):
                return None
            with open(name, "rb") as handle:
                inputs.append([name, hashlib.sha256(handle.read()).hexdigest()])
        templates = None
        if self.templates:
            if not os.path.isdir(self.templates):
                return None
            templates = mf.tree_sha256(Path(self.templates))
        skipped = {"env_files", "globals_files", "published_metadata", "progress"}
        skipped.add("api_key")  # only URLs use it, and URLs never take the shortcut
        data = {
            "code": mf.code_sha256(),
            "inputs": inputs,
            "load": {
                k: repr(v) for k, v in sorted(self.load.items()) if k not in skipped
            },
            "options": [
                self.style,
                self.name,
                self.reveal_secrets,
                self.site,
                self.only,
            ],
            "templates": [self.templates, templates],
            "date": [self.settings.date, os.environ.get("SOURCE_DATE_EPOCH")],
        }
        text = json.dumps(data, sort_keys=True, default=repr)
        return hashlib.sha256(text.encode()).hexdigest()

    def run(self, *, echo: bool = True) -> tuple[WriteReport, Changes]:
        fingerprint = None if self.settings.force else self.fingerprint()
        if fingerprint:
            done = shortcut(self.settings, fingerprint, echo=echo)
            if done is not None:
                return done
        collection = load_collection(self.source, **self.load)
        from generator import render  # noqa: PLC0415 (Jinja only when emitting)

        render.environment.cache_clear()  # templates edited since the last run (watch)
        parts = [p for p in PARTS if not self.only or p in self.only]
        emitters = emitters_for(
            parts,
            styles=self.style,
            package_name=self.name,
            reveal_secrets=self.reveal_secrets,
            templates=self.templates,
            site=self.site,
        )
        options = {
            "parts": parts,
            "style": list(self.style),
            "name": self.name,
            "reveal_secrets": self.reveal_secrets,
            "templates": self.templates,
            "site": self.site,
            "environment": collection.environment,
        }
        return run_emitters(
            collection,
            emitters,
            settings=self.settings,
            options=options,
            changelog_path=self._changelog_path() if "docs" in parts else None,
            reveal_secrets=self.reveal_secrets,
            echo=echo,
            fingerprint=fingerprint,
            forked=("client",),  # independent of snippets and docs: the other core
        )


@click.command(name="generate")
@source_options(required=False)
@output_options
@generate_options
def command(**kwargs: Any) -> None:
    """Generate the client package, snippets and docs into DIR/client, DIR/snippets, DIR/docs."""
    GenerateJob.from_kwargs(kwargs).run()
