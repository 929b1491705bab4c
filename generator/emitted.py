"""What an emitter returns: its files ({relative path: text}), which of them are already
laid out as black writes them, and notes for the user.

    files = BlackStable({"pkg/api.py": text, "README.md": readme}, stable={"pkg/api.py"})

Emitters build this and nothing else: they do not format, fork or write. The pipeline
(`pmgen.pipeline`) formats what is not black-stable and writes the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class BlackStable(dict[str, str]):
    """Emitted files ({path: text}) of which `stable` are already black-formatted.

    An emitter returns this instead of a plain dict to let its black-stable files skip
    black. Paths in `stable` that are not in the mapping are ignored. `notes` are
    warnings for the user (one line each), printed with the load's diagnostics.
    """

    def __init__(
        self,
        files: Mapping[str, str],
        stable: Iterable[str] = (),
        notes: Iterable[str] = (),
    ) -> None:
        super().__init__(files)
        self.stable: frozenset[str] = frozenset(stable)
        self.notes: tuple[str, ...] = tuple(notes)


def stable_paths(files: Mapping[str, str]) -> frozenset[str]:
    """The paths `files` marks as black-stable (none for a plain mapping)."""
    if isinstance(files, BlackStable):
        return frozenset(p for p in files.stable if p in files)
    return frozenset()


def is_python(path: str) -> bool:
    return path.endswith((".py", ".pyi"))
