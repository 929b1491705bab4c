"""Errors that end a run with one clear line (no traceback unless --debug)."""

from __future__ import annotations


class PmgenError(Exception):
    """A failure the user can act on. `str()` is the one line printed on stderr."""

    exit_code = 1

    def __init__(self, message: str, *, where: str = "") -> None:
        self.message = message
        self.where = where  # file/URL plus JSON path or line:col
        super().__init__(f"{where}: {message}" if where else message)


class InputError(PmgenError):
    """The collection, environment or URL cannot be read as what it should be."""


class FetchError(InputError):
    """A URL could not be fetched (network, status, size)."""


class UsageError(PmgenError):
    exit_code = 2


class GeneratorBug(PmgenError):
    """pmgen produced something invalid: never the user's fault."""

    exit_code = 3


class ShapeError(InputError):
    """Valid JSON that is not a readable collection at `path` (a JSON path such as
    `$.item[0].request.url`); the loader adds the line and column when it can."""

    def __init__(
        self, message: str, *, source: str, path: str, position: str = ""
    ) -> None:
        self.source = source
        self.path = path
        self.position = position  # "LINE:COL" in the source text, when known
        head = f"{source}:{position}" if position else source
        super().__init__(message, where=f"{head}: {path}")
