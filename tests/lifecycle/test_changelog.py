"""API changelog: added/removed/renamed/changed, breaking flags, no secrets, safe markdown."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pmgen import changelog
from pmgen.importer import load
from tests.lifecycle.conftest import collection_json, request


def snap(tmp_path: Path, items: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    data = collection_json(items)
    data.update(extra)
    path = tmp_path / "c.json"
    path.write_text(json.dumps(data))
    return changelog.snapshot(load(str(path)))


def test_first_generation(tmp_path: Path) -> None:
    changes = changelog.compare(None, snap(tmp_path, [request("A"), request("B")]))
    assert changes.initial == 2
    assert changes.summary() == "changelog: first generation, 2 requests"


def test_rename_with_same_id_is_a_rename_and_breaks_the_method_name(
    tmp_path: Path,
) -> None:
    old = snap(tmp_path, [request("Get user", id="42")])
    new = snap(tmp_path, [request("Fetch user", id="42")])
    changes = changelog.compare(old, new)
    assert [c.label for c in changes.renamed] == ["GET Get user → Fetch user"]
    assert changes.added == changes.removed == []
    assert changes.breaking == 1
    assert ("client method `get_user` is now `fetch_user`", True) in [
        (d.replace("\x01", "`").replace("\x02", "`"), b)
        for d, b in changes.renamed[0].details
    ]


@pytest.mark.parametrize(
    ("before", "after", "expected", "breaking"),
    [
        ({}, {"method": "PUT"}, "method GET → PUT", True),
        ({}, {"path": "users/:id"}, "path parameter", True),
        ({"query": [{"key": "a"}]}, {}, "query parameter \x01a\x02 removed", True),
        ({}, {"query": [{"key": "a"}]}, "query parameter \x01a\x02 added", False),
        (
            {},
            {"header": [{"key": "X-Trace", "value": "1"}]},
            "header \x01X-Trace\x02 added",
            False,
        ),
        (
            {"body": {"mode": "raw", "raw": '{"a": 1, "b": {"c": 2}}'}},
            {"body": {"mode": "raw", "raw": '{"a": 1}'}},
            "body field \x01b.c\x02 removed",
            True,
        ),
        (
            {"body": {"mode": "raw", "raw": "{}"}},
            {"body": {"mode": "urlencoded", "urlencoded": []}},
            "body raw → urlencoded",
            True,
        ),
        (
            {},
            {
                "auth": {
                    "type": "bearer",
                    "bearer": [{"key": "token", "value": "{{t}}"}],
                }
            },
            "auth none → bearer",
            True,
        ),
        ({}, {"description": "now documented"}, "description changed", False),
    ],
)
def test_changes_and_what_breaks(
    tmp_path: Path,
    before: dict[str, Any],
    after: dict[str, Any],
    expected: str,
    breaking: bool,
) -> None:
    def make(spec: dict[str, Any]) -> dict[str, Any]:
        spec = dict(spec)
        item = request(
            "Op",
            spec.pop("method", "GET"),
            path=spec.pop("path", "users"),
            query=spec.pop("query", []),
            header=spec.pop("header", []),
        )
        if "description" in spec:
            item["request"]["description"] = spec.pop("description")
        item["request"].update(spec)
        return item

    changes = changelog.compare(
        snap(tmp_path, [make(before)]), snap(tmp_path, [make(after)])
    )
    assert len(changes.changed) == 1
    details = changes.changed[0].details
    hit = [(d, b) for d, b in details if expected in d]
    assert hit, details
    assert hit[0][1] is breaking


def test_snapshot_keeps_no_secret_values(tmp_path: Path) -> None:
    token = "ghp_" + "a1B2c3D4e5" * 4
    item = request(
        "Op",
        query=[{"key": "api_key", "value": "s3cr3t-query-value"}],
        header=[{"key": "Authorization", "value": f"Bearer {token}"}],
        auth={
            "type": "basic",
            "basic": [{"key": "password", "value": "hunter2hunter2"}],
        },
    )
    item["request"]["url"][
        "raw"
    ] = "https://bob:pa55w0rd-xyz@api.example.com/users?api_key=s3cr3t"
    text = json.dumps(snap(tmp_path, [item]))
    for secret in (token, "s3cr3t-query-value", "hunter2hunter2", "pa55w0rd-xyz"):
        assert secret not in text


def test_hostile_names_render_as_inert_markdown(tmp_path: Path) -> None:
    hostile = (
        "x <script>alert(1)</script> | `code` [link](javascript:alert(1))\n# heading"
    )
    old = snap(tmp_path, [request("Op", id="1")])
    new = snap(tmp_path, [request(hostile, id="1", query=[{"key": "a`b|c\n## d"}])])
    text = changelog.update(None, changelog.compare(old, new), new, "2024-01-01")
    assert "<script>" not in text
    assert not re.search(r"(?<!\\)\]\(javascript", text)  # only as escaped text
    assert "\n# heading" not in text and "\n## d" not in text
    lines = [line for line in text.splitlines() if line.startswith("  - query")]
    assert lines == ["  - query parameter `a'b|c ## d` added"]


def test_update_keeps_history_and_puts_newest_first(tmp_path: Path) -> None:
    first = snap(tmp_path, [request("A")])
    text = changelog.update(None, changelog.compare(None, first), first, "2024-01-01")
    second = snap(tmp_path, [request("A"), request("B")])
    text = changelog.update(
        text, changelog.compare(first, second), second, "2024-02-01"
    )
    assert text.startswith(changelog.TITLE)
    assert text.index("2024-02-01") < text.index("2024-01-01")
    same = changelog.update(
        text, changelog.compare(second, second), second, "2024-03-01"
    )
    assert same == text  # no API change, no entry


def test_date_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps(collection_json([request("A")])))
    collection = load(str(path))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert changelog.resolve_date(collection, None) is None  # undated, never "today"
    assert changelog.resolve_date(collection, "2024-02-29") == "2024-02-29"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert changelog.resolve_date(collection, None) == "2023-11-14"
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        changelog.resolve_date(collection, "yesterday")


def test_rename_without_postman_ids_is_paired_by_shape(tmp_path: Path) -> None:
    def no_id(item: dict[str, Any]) -> dict[str, Any]:
        item.pop("id")
        return item

    old = snap(
        tmp_path, [no_id(request("Get user", path="users/:id")), no_id(request("List"))]
    )
    new = snap(
        tmp_path,
        [no_id(request("Fetch user", path="users/:id")), no_id(request("List"))],
    )
    changes = changelog.compare(old, new)
    assert [c.label for c in changes.renamed] == ["GET Get user → Fetch user"]
    assert changes.added == changes.removed == []
