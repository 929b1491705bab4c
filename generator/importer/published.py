"""Published documentation: metadata and the documenter's full collection. (stub)"""

from __future__ import annotations

from typing import Any

from generator.errors import InputError
from generator.importer.limits import Limits
from generator.importer.sources import Document
from generator.model import Collection, PublishInfo


def is_documenter_collection(value: dict[str, Any]) -> bool:
    return False


def normalize_documenter(value: dict[str, Any]) -> dict[str, Any]:
    return value


def publish_info_from_collection(info: dict[str, Any]) -> PublishInfo:
    return PublishInfo()


def from_metadata(
    value: dict[str, Any], document: Document, limits: Limits, **_: Any
) -> Collection:
    raise InputError("published metadata not supported yet", where=document.where)
