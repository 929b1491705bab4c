"""Options from a config file, so a regeneration is just `pmgen generate`.

Looked up in the current directory: `pmgen.toml`, else `[tool.pmgen]` in `pyproject.toml`
(or the file given with `--config`). Top-level keys apply to every command; a table named
after a command (`[generate]`, `[tool.pmgen.docs]`) overrides them for that command:

    source = "collections/api.json"
    output = "out"
    env = ["envs/staging.json"]
    [generate]
    style = ["curl", "python-httpx"]

Keys are the command's option names (`reveal-secrets` or `reveal_secrets`). Relative paths
are relative to the config file, not the cwd. Command-line options override the file
(the values become click's `default_map`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pmgen.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - black depends on tomli on 3.10
    import tomli as tomllib

CONFIG_NAME = "pmgen.toml"
COMMAND_NAMES = ("inspect", "client", "snippets", "docs", "generate", "watch")
# Options holding paths (resolved against the config file's folder); URLs and "-" stay as is.
PATH_KEYS = frozenset({"source", "output", "env", "globals", "templates"})


def find(directory: Path) -> Path | None:
    """`pmgen.toml`, else a `pyproject.toml` that has a `[tool.pmgen]` table, else None."""
    candidate = directory / CONFIG_NAME
    if candidate.is_file():
        return candidate
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file() and "pmgen" in _read(pyproject).get("tool", {}):
        return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise UsageError(
            f"cannot read the config file ({exc.strerror})", where=str(path)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"invalid TOML ({exc})", where=str(path)) from None


def _table(path: Path) -> dict[str, Any]:
    data = _read(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("pmgen", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise UsageError("[tool.pmgen] must be a table", where=str(path))
    return data


def load(path: Path, command: str) -> dict[str, Any]:
    """The option values the config file gives `command` (param name -> value)."""
    data = _table(path)
    merged: dict[str, Any] = {}
    for key, value in data.items():
        if not (isinstance(value, dict) and key in COMMAND_NAMES):
            merged[_param_name(key)] = value
    section = data.get(command)
    if isinstance(section, dict):
        merged.update({_param_name(key): value for key, value in section.items()})
    if isinstance(merged.get("var"), dict):  # a `[var]` table: KEY = "VALUE"
        merged["var"] = [f"{k}={v}" for k, v in merged["var"].items()]
    return {
        key: _resolve_paths(key, value, path.parent) for key, value in merged.items()
    }


def check_known(
    values: dict[str, Any], known: set[str], path: Path, command: str
) -> None:
    """Top-level keys may belong to other commands; a command's own table may not err."""
    data = _table(path)
    section = data.get(command)
    own = {_param_name(k) for k in section} if isinstance(section, dict) else set()
    everywhere = {_param_name(k) for k, v in data.items() if k not in COMMAND_NAMES}
    for key in sorted((own | everywhere) & set(values)):
        if key not in known and (key in own or key not in _ANY_COMMAND_KEYS):
            raise UsageError(
                f"unknown option {key!r} for `pmgen {command}`", where=str(path)
            )


# Keys that may sit at the top level although not every command has them.
_ANY_COMMAND_KEYS = frozenset(
    {
        "source", "output", "env", "environment", "var", "globals", "api_key", "style",
        "reveal_secrets", "templates", "name", "site", "date", "interval", "check", "force",
        "collection",
    }
)  # fmt: skip


def _param_name(key: str) -> str:
    return key.replace("-", "_")


def _resolve_paths(key: str, value: Any, base: Path) -> Any:
    if key not in PATH_KEYS:
        return value
    if isinstance(value, list):
        return [_resolve_one(item, base) for item in value]
    return _resolve_one(value, base)


def _resolve_one(value: Any, base: Path) -> Any:
    if not isinstance(value, str) or value == "-" or "://" in value:
        return value
    path = Path(value).expanduser()
    return str(path if path.is_absolute() else base / path)
