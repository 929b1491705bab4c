"""Callerdesk samples: the publisher's metadata shows in the docs and picks the snippet styles.

`callerdesk-from-url` comes from the documentation site (served on 127.0.0.1 behind the
name `api.callerdesk.test`); `callerdesk` joins the collection file with the metadata file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.samples.conftest import SAMPLES

# The metadata's `languages` that pmgen has a style for -> that style.
PUBLISHER_STYLES = {
    "curl",
    "http",
    "python-http.client",
    "python-requests",
    "httpie",
    "wget",
}
SAMPLE_NAMES = [
    "callerdesk-from-url",
    "callerdesk",
]


def _sample(name: str) -> Path:
    root = SAMPLES / name
    if not root.is_dir():
        pytest.skip(f"generated_samples/{name} is not generated")
    return root


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_snippet_styles_follow_publisher_languages(name: str) -> None:
    index = json.loads(
        (_sample(name) / "snippets" / "index.json").read_text(encoding="utf-8")
    )
    assert set(index["styles"]) == PUBLISHER_STYLES
    assert {
        p.name for p in (_sample(name) / "snippets").iterdir() if p.is_dir()
    } == PUBLISHER_STYLES


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_docs_carry_publisher_information(name: str) -> None:
    readme = (_sample(name) / "docs" / "README.md").read_text(encoding="utf-8")
    assert (
        "https://api.callerdesk.io" in readme
    )  # the published documentation's public URL
    assert "2025-01-08" in readme  # publish date


def test_url_sample_names_the_docs_url_and_no_local_port() -> None:
    root = _sample("callerdesk-from-url")
    manifest = json.loads((root / ".pmgen.json").read_text(encoding="utf-8"))
    assert manifest["source"]["identity"].startswith("http://api.callerdesk.test/")
    leaks = [
        p.relative_to(root).as_posix()
        for p in sorted(root.rglob("*"))
        if p.is_file() and b"127.0.0.1" in p.read_bytes()
    ]
    assert not leaks, f"the local server's address leaked into {leaks}"
