"""Shared types: the NOT_GIVEN sentinel, file inputs, header/query mappings."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import IO, Any, Final, Literal

import httpx


class NotGiven:
    """The type of `NOT_GIVEN`: "this argument was not passed" (kept distinct from None).

    `None` can be a real value (a query parameter sent without a value, `?flag`);
    `NOT_GIVEN` means "leave it out" or "use the client's default".
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

# A file part or binary body: a path, raw bytes or an open binary file.
FileInput = str | os.PathLike[str] | bytes | IO[bytes]
# Several files for one form-data field.
FileInputs = FileInput | Sequence[FileInput]
Headers = Mapping[str, str]
Query = Mapping[str, str | None] | Sequence[tuple[str, str | None]]
TimeoutTypes = float | httpx.Timeout | None
# A query parameter value; None sends the key alone (`?flag`).
QueryValue = str | int | float | bool | None
# A JSON body: a mapping or list (sent as JSON) or JSON text as is.
JSONBody = Mapping[str, Any] | Sequence[Any] | str
