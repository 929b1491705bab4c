"""Property: any v3 folder (random YAML, hostile names, deep trees, symlinks pointing
outside) imports into a model or one InputError; nothing outside the folder is read; a
random v2.1 collection written as a v3 folder imports with the same requests."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings

from benchmarks.v3folder import write_v3
from pmgen.errors import InputError
from pmgen.importer import load
from tests.security.strategies import collection, v3_folder

EXAMPLES = int(os.environ.get("PMGEN_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # reproducible unless asked for more: PMGEN_FUZZ_EXAMPLES=N draws new examples every run
    derandomize="PMGEN_FUZZ_EXAMPLES" not in os.environ,
)
OUTSIDE = "OUTSIDE-CANARY-7f3a"


def _write(root: Path, files: dict[str, Any], outside: Path) -> None:
    for rel, text in files.items():
        if rel == "__links__":
            continue
        path = root / rel
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        except (OSError, UnicodeEncodeError):
            continue  # a name the file system refuses (too long): not this test's point
    for rel in files["__links__"]:
        link = root / rel
        target = outside if rel.endswith("linkdir") else outside / "secret.request.yaml"
        try:
            link.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(target, link)
        except OSError:
            continue


@FUZZ
@given(files=v3_folder())
def test_any_v3_folder_imports_or_fails_cleanly(files: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory(prefix="pmgen-fuzz-v3-") as tmp:
        outside = Path(tmp) / "outside"
        outside.mkdir()
        (outside / "secret.request.yaml").write_text(
            f"$kind: http-request\nurl: https://{OUTSIDE}/\n", encoding="utf-8"
        )
        root = Path(tmp) / "collection"
        root.mkdir()
        _write(root, files, outside)
        try:
            model = load(str(root))
        except InputError as exc:
            assert "\n" not in str(exc)
            return
        dumped = json.dumps(model.model_dump(mode="json"))
        assert OUTSIDE not in dumped  # the symlinks' targets were never read
        for op in model.operations():
            assert op.name is not None and op.key


@FUZZ
@given(document=collection())
def test_v21_collection_as_a_v3_folder_keeps_its_requests(document: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="pmgen-fuzz-v3-") as tmp:
        source = Path(tmp) / "c.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        try:
            original = load(str(source))
        except InputError:
            assume(False)
            return
        try:
            folder = write_v3(document, Path(tmp) / "v3")
        except (OSError, ValueError, AttributeError, TypeError):
            assume(False)  # the benchmark's writer, not the product, gave up on it
            return
        migrated = load(str(folder))
        want = [
            (o.key, o.request.method.upper(), o.request.url.raw)
            for o in original.operations()
        ]
        got = [
            (o.key, o.request.method.upper(), o.request.url.raw)
            for o in migrated.operations()
        ]
        assert got == want
