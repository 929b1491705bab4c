"""Base classes of the resources (one per collection folder) and `with_raw_response`."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient
    from ._response import APIResponse

_R = TypeVar("_R")
_S = TypeVar("_S", bound="_Resources")
_P = ParamSpec("_P")


def package_data(package: str, filename: str) -> bytes:
    """A data file of a package of this client (resource specs, scripts, run plan), read
    by the package's own loader (a directory or a zip file) as `pkgutil.get_data` does:
    importing importlib.resources would cost every client ~5 ms."""
    found = sys.modules[package].__spec__
    get_data = getattr(found.loader, "get_data", None) if found else None
    if found is not None and found.origin and get_data is not None:
        data: bytes = get_data(os.path.join(os.path.dirname(found.origin), filename))
        return data
    from importlib import resources  # a loader without get_data

    return resources.files(package).joinpath(filename).read_bytes()


def load_specs(module: str) -> dict[str, Any]:
    """The operation specs of a resource module (plain data, stored next to it as JSON)."""
    package, _, name = module.rpartition(".")
    data = package_data(package, f"{name}.json")
    specs: dict[str, Any] = json.loads(data)["operations"]
    return specs


class _Resources:
    _resources: dict[str, Any]
    _raw: bool

    def _resource(self, name: str, cls: type[_R]) -> _R:
        cache = self.__dict__.setdefault("_resources", {})
        found = cache.get(name)
        if found is None:
            found = cache[name] = cls(self._client, raw=self._raw)  # type: ignore[call-arg, attr-defined]
        return found  # type: ignore[no-any-return]

    def _as_raw(self: _S) -> _S:
        """The same resource, its methods returning `APIResponse`."""
        return type(self)(self._client, raw=True)  # type: ignore[call-arg, attr-defined]


def raw_response(method: Callable[_P, _R]) -> Callable[_P, APIResponse[_R]]:
    """A method of a resource made by `_as_raw`, typed as what it returns there: the
    `APIResponse` of what it returns otherwise (the `with_raw_response` classes)."""
    return cast("Callable[_P, APIResponse[_R]]", method)


def async_raw_response(
    method: Callable[_P, Awaitable[_R]],
) -> Callable[_P, Awaitable[APIResponse[_R]]]:
    """`raw_response` for the async resources."""
    return cast("Callable[_P, Awaitable[APIResponse[_R]]]", method)


class SyncAPIResource(_Resources):
    def __init__(self, client: SyncAPIClient, *, raw: bool = False) -> None:
        self._client = client
        self._raw = raw


class AsyncAPIResource(_Resources):
    def __init__(self, client: AsyncAPIClient, *, raw: bool = False) -> None:
        self._client = client
        self._raw = raw
