"""Shared by the flow programs: one flow body drives the sync and the async client.

A flow program runs inside the samples venv as `python flows/flow_<api>.py sync|async` with
`SERVER_URL` set; it prints one JSON object (what it observed) as its last line.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")

SERVER_URL = os.environ.get("SERVER_URL", "")


async def call(value: T | Awaitable[T]) -> T:
    """The result of a client call, awaited when the client is async."""
    if inspect.isawaitable(value):
        return await value
    return value


async def _run(
    flow: Callable[[Any], Awaitable[dict[str, Any]]], client: Any
) -> dict[str, Any]:
    if hasattr(client, "__aenter__"):
        async with client as opened:
            return await flow(opened)
    with client as opened:
        return await flow(opened)


def main(
    flow: Callable[[Any], Awaitable[dict[str, Any]]],
    sync_factory: Callable[[], Any],
    async_factory: Callable[[], Any],
) -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "sync"
    factory = async_factory if mode == "async" else sync_factory
    result = asyncio.run(_run(flow, factory()))
    print(json.dumps(result, default=str))


def plain(value: Any) -> Any:
    """A response model, dict or raw value as plain JSON data."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", by_alias=True)
    return value


def package() -> Any:
    """The installed sample package named by `SAMPLE_PACKAGE`."""
    return importlib.import_module(os.environ["SAMPLE_PACKAGE"])
