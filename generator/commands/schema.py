"""`pmgen schema`: the JSON schema of the intermediate model (the importer/emitter contract)."""

from __future__ import annotations

import json

import click

from pmgen.model import json_schema


@click.command(name="schema")
def command() -> None:
    """Print the JSON schema of pmgen's intermediate model."""
    click.echo(json.dumps(json_schema(), indent=2, sort_keys=True))
