"""The Content-Type Postman gives a form-data file part (by file extension, like `mime-types`)."""

from __future__ import annotations

import mimetypes

_KNOWN = {
    ".txt": "text/plain",
    ".json": "application/json",
    ".csv": "text/csv",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".xml": "application/xml",
    ".html": "text/html",
    ".zip": "application/zip",
}


def guess_type(src: str) -> str:
    """By extension with a fixed table first (deterministic across machines)."""
    lower = src.lower()
    for ext, ctype in _KNOWN.items():
        if lower.endswith(ext):
            return ctype
    guessed, _ = mimetypes.guess_type(src, strict=True)
    return guessed or "application/octet-stream"
