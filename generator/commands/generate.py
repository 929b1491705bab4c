"""`pmgen generate SOURCE -o DIR`: client, snippets and docs together, one manifest.

    DIR/client/    the Python package      (pmgen.emitters.client)
    DIR/snippets/  request snippets         (pmgen.emitters.snippets)
    DIR/docs/      markdown docs + CHANGELOG.md  (pmgen.emitters.docs)

With a `pmgen.toml` (or `[tool.pmgen]`) holding `source` and `output`, `pmgen generate`
alone regenerates; with nothing changed since the last run, it says so without loading
anything (`pmgen.rerun`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from pmgen import manifest as mf
from pmgen import pipeline
from pmgen.commands._output import output_options, show, warn
from pmgen.commands._source_options import load_kwargs, source_options
from pmgen.pipeline import PARTS, OutputSettings


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
            from pmgen.errors import PmgenError  # noqa: PLC0415
            from pmgen.importer.v3.inputs import fingerprint_inputs  # noqa: PLC0415

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

    def plan(self) -> pipeline.Plan:
        """The parts under their folders; the snippets' styles are the docs' too (when
        none is given, the snippets have every style and the docs their default)."""
        # Jinja: not for the shortcut
        from pmgen.emitters import docs  # noqa: PLC0415

        parts = [p for p in PARTS if not self.only or p in self.only]
        return pipeline.Plan(
            parts={part: part for part in parts},
            styles=self.style,
            doc_styles=self.style or docs.DEFAULT_STYLES,
            package_name=self.name,
            reveal_secrets=self.reveal_secrets,
            templates=self.templates,
            site=self.site,
            # beside the docs' README, so a documentation site includes it too
            changelog=(
                f"docs/{docs.pages_root(self.site)}CHANGELOG.md"
                if "docs" in parts
                else None
            ),
            recorded={
                "parts": parts,
                "style": list(self.style),
                "name": self.name,
                "reveal_secrets": self.reveal_secrets,
                "templates": self.templates,
                "site": self.site,
            },
        )

    def run(self, notify: Callable[[str], None] = warn) -> pipeline.Result:
        fingerprint = None if self.settings.force else self.fingerprint()
        if fingerprint:
            done = pipeline.up_to_date(
                self.source, self.settings, fingerprint, notify=notify
            )
            if done is not None:
                return done
        return pipeline.run(
            self.source,
            self.load,
            self.plan(),
            self.settings,
            fingerprint=fingerprint,
            notify=notify,
        )


@click.command(name="generate")
@source_options(required=False)
@output_options
@generate_options
def command(**kwargs: Any) -> None:
    """Generate the client package, snippets and docs into DIR/client, DIR/snippets, DIR/docs."""
    show(GenerateJob.from_kwargs(kwargs).run())
