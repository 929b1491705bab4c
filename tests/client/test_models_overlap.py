"""The client's models are generated on the other core while the modules render with the
class names asked for; whichever way it goes, the files are those of the sequential run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmgen import inference, parallel
from pmgen.emitters.client import emit
from pmgen.importer import load


def _collection(tmp_path: Path) -> object:
    def request(name: str, example: dict[str, object]) -> dict[str, object]:
        return {
            "name": name,
            "request": {
                "method": "POST",
                "url": "https://api.example.test/" + name,
                "body": {
                    "mode": "raw",
                    "raw": json.dumps({"id": 1, "name": "x"}),
                    "options": {"raw": {"language": "json"}},
                },
            },
            "response": [
                {
                    "name": "ok",
                    "code": 200,
                    "body": json.dumps(example),
                    "header": [{"key": "Content-Type", "value": "application/json"}],
                }
            ],
        }

    data = {
        "info": {
            "name": "Overlap",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [
            request("orders", {"order": {"id": 1}}),
            request("users", {"user": "a"}),
        ],
    }
    src = tmp_path / "c.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    return load(str(src))


def _emit(collection: object) -> dict[str, str]:
    return dict(emit(collection, package_name="pkg", reveal_secrets=False))  # type: ignore[arg-type]


@pytest.mark.parametrize("drop_one", [False, True])
def test_overlapped_models_give_the_sequential_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, drop_one: bool
) -> None:
    if not parallel.can_fork():
        pytest.skip("no fork here: only the sequential path runs")
    if (
        drop_one
    ):  # a class the generator did not write: the modules render again without it
        real = inference.finish

        def without_first(
            request: inference.ModelRequest, text: str | None
        ) -> inference.InferredModels:
            models = real(request, text)
            models.response_models.pop(sorted(models.response_models)[0])
            return models

        monkeypatch.setattr(inference, "finish", without_first)
    collection = _collection(tmp_path)
    overlapped = _emit(collection)
    assert "class " in overlapped["pkg/models.py"]
    monkeypatch.setenv("PMGEN_NO_FORK", "1")
    assert _emit(collection) == overlapped
    code = "".join(
        text
        for path, text in overlapped.items()
        if path.endswith(".py") and "models" not in path
    )
    referenced = {name for name in ("OrdersResponse", "UsersResponse") if name in code}
    assert len(referenced) == (1 if drop_one else 2)
