"""Regeneration benchmarks for `pmgen generate`:

- full, cold: fresh output dir and an empty format cache (what a first run costs);
- full, warm: fresh output dir, the format cache filled by an earlier run;
- no change: the same source into the dir it generated (should write nothing);
- one request changed: one request gets a new query parameter and description, into a
  copy of the dir generated from the original, with a copy of the cache that run left
  (each run starts from the same state: a shared cache would learn the change).
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks import commands

if TYPE_CHECKING:
    from benchmarks.run import Bench


def first_request(items: list[dict[str, Any]]) -> dict[str, Any] | None:
    for item in items:
        if "item" in item:
            found = first_request(item["item"])
            if found is not None:
                return found
        elif isinstance(item.get("request"), dict):
            return item
    return None


def change_one_request(source: Path, target: Path) -> str:
    """Write `source` with its first request changed; return that request's name."""
    data = json.loads(source.read_text(encoding="utf-8"))
    changed = copy.deepcopy(data)
    item = first_request(changed.get("item", []))
    if item is None:
        raise ValueError(f"{source}: no request to change")
    request = item["request"]
    url = request.get("url")
    if isinstance(url, str):
        url = request["url"] = {"raw": url}
    url.setdefault("query", []).append({"key": "bench_changed", "value": "1"})
    url["raw"] = (
        url.get("raw", "")
        + ("&" if "?" in url.get("raw", "") else "?")
        + "bench_changed=1"
    )
    request["description"] = "Changed by the benchmark (one-request regeneration)."
    target.write_text(
        json.dumps(changed, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return str(item.get("name", ""))


def measure(
    bench: Bench, label: str, source: Path, log: Callable[[str], None]
) -> dict[str, Any]:
    if not commands.available("generate"):
        return {"input": label, "available": False}
    generate = commands.argv
    measured = ("generate", source)
    if measured in bench.outputs and measured in bench.caches:
        # The cold run already measured: its output and the cache it filled.
        pristine, cache = bench.outputs[measured], bench.caches[measured]
    else:
        cache = bench.fresh("cache-warm")
        pristine = bench.fresh("pristine") / "out"
        first = bench.measure(
            lambda _: (generate("generate", source, pristine), commands.env(cache)),
            runs=1,
        )
        if not first.ok:
            log(f"lifecycle: first generate failed: {first.error}")
            return {"input": label, "available": True, "error": first.error}

    warm = bench.measure(
        lambda _: (
            generate("generate", source, bench.fresh("warm") / "out"),
            commands.env(cache),
        )
    )
    log(f"lifecycle {label}: full run with warm cache {warm.seconds:.2f} s")

    def no_change(_: int) -> tuple[list[str], dict[str, str]]:
        return generate("generate", source, pristine), commands.env(cache)

    unchanged = bench.measure(no_change)
    log(f"lifecycle {label}: regeneration, no change {unchanged.seconds:.2f} s")

    changed_source = bench.fresh("changed") / source.name
    changed_name = change_one_request(source, changed_source)

    def one_change(_: int) -> tuple[list[str], dict[str, str]]:
        out = bench.fresh("regen") / "out"
        shutil.copytree(pristine, out, symlinks=True)
        run_cache = bench.fresh("cache-copy") / "cache"
        shutil.copytree(cache, run_cache, symlinks=True)
        return generate("generate", changed_source, out), commands.env(run_cache)

    changed = bench.measure(one_change)
    log(
        f"lifecycle {label}: regeneration after one change {changed.seconds:.2f} s "
        f"({changed_name!r})"
    )
    return {
        "input": label,
        "available": True,
        "changed_request": changed_name,
        "full_warm": warm.to_json(),
        "no_change": unchanged.to_json(),
        "one_change": changed.to_json(),
    }
