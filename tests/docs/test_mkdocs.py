"""`--site mkdocs`: `mkdocs build --strict` passes (anchors validated too: mkdocs.yml asks
for warnings on unknown anchors and links, and --strict turns warnings into failures).
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mkdocs")  # the `docs` extra

from pmgen.docs_snippets import docs_with_snippets as emit
from pmgen.model import Collection
from tests.docs.corpus import SEEDS, load
from tests.docs.models import demo_collection


def build(files: dict[str, str], where: Path) -> subprocess.CompletedProcess[str]:
    for path, text in files.items():
        target = where / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return subprocess.run(
        # (no --quiet: it hides warnings, and then --strict has nothing to count)
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def assert_builds(collection: Collection, where: Path, **options: object) -> None:
    result = build(emit(collection, site="mkdocs", **options), where)  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr[-3000:]
    assert (where / "site" / "index.html").is_file()


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_collections_build_strict(
    shared_dir: Path, tmp_path: Path, name: str
) -> None:
    assert_builds(load(name), tmp_path)


def test_html_descriptions_build_strict(shared_dir: Path, tmp_path: Path) -> None:
    """biostar2: documentation-site HTML turned markdown, links to requests by id."""
    assert_builds(
        load("corpus/biostar2.documenter_collection.json"), tmp_path, styles=()
    )


def test_hostile_collection_builds_strict_and_stays_inert(tmp_path: Path) -> None:
    assert_builds(demo_collection(), tmp_path, styles=())
    html = "\n".join(p.read_text() for p in (tmp_path / "site").rglob("*.html"))
    assert "<script>alert(1)" not in html and "x()" not in html
    assert "Evil | name &lt;script&gt;alert(1)&lt;/script&gt;" in html  # nav titles too


def test_broken_anchor_fails_the_build(tmp_path: Path) -> None:
    """The check is real: a link to a missing anchor makes the strict build fail."""
    files = emit(demo_collection(), site="mkdocs", styles=())
    files["docs/README.md"] += "\n[broken](folders/items.md#op-missing)\n"
    assert build(files, tmp_path).returncode != 0


def test_snippets_build_as_tabs(tmp_path: Path) -> None:
    """A real build: each request's snippets become one tab set, a tab per style, and
    each tab holds its snippet verbatim (blank lines too)."""
    pytest.importorskip("pymdownx")  # the `docs` extra
    styles = ("curl", "python-requests", "http")
    files = emit(demo_collection(), site="mkdocs", styles=styles)
    result = build(files, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "requests" / "index.html").read_text()
    sets = page.count('<div class="tabbed-set tabbed-alternate"')
    assert sets == files["docs/requests.md"].count("**Snippets**") > 0
    labels = re.findall(r'<label for="__tabbed_1_\d">([^<]*)</label>', page)
    assert labels == list(styles)
    first = page.split('<div class="tabbed-block">', 2)[1]
    shown = html.unescape(re.sub(r"<[^>]+>", "", first.split("</code>", 1)[0]))
    snippet = files["docs/requests.md"].split("    ```shell\n", 1)[1]
    snippet = snippet.split("\n    ```", 1)[0]
    assert shown.strip("\n") == "\n".join(line[4:] for line in snippet.split("\n"))
    css = tmp_path / "site" / "css" / "snippet-tabs.css"
    assert css.is_file() and 'href="../css/snippet-tabs.css"' in page
