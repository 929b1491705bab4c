"""Read a SOURCE (file path, `-` for stdin, or an http(s) URL) as bytes, within limits."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from pmgen.errors import InputError
from pmgen.importer.limits import Limits


@dataclass(frozen=True)
class Document:
    data: bytes
    where: str  # what error messages name: the path, "<stdin>" or the URL
    url: str | None = None  # set for downloaded documents
    content_type: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def too_big(where: str, limits: Limits) -> InputError:
    return InputError(
        f"input larger than {limits.max_bytes} bytes (raise the size limit to read it)",
        where=where,
    )


def read_file(source: str, limits: Limits) -> Document:
    if source == "-":
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            raise too_big("<stdin>", limits)
        return Document(data=data, where="<stdin>")
    path = Path(source)
    if not path.exists():
        raise InputError("no such file", where=source)
    if path.is_dir():
        raise InputError("is a directory, not a collection file", where=source)
    try:
        if path.stat().st_size > limits.max_bytes:
            raise too_big(source, limits)
        # Devices and FIFOs report size 0: the limit must hold while reading.
        with path.open("rb") as stream:
            data = stream.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", where=source) from None
    if len(data) > limits.max_bytes:
        raise too_big(source, limits)
    return Document(data=data, where=source)
