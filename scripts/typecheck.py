"""Type-check pmgen as it is imported: `python scripts/typecheck.py [mypy options]`.

The repository keeps the package in `generator/`, installed under the name `pmgen` (see
pyproject.toml). Editable installs map the name with an import hook, which mypy does not
follow, so mypy is pointed at a temporary folder where `pmgen` links to `generator/`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "pmgen").symlink_to(REPO / "generator", target_is_directory=True)
        env = {**os.environ, "MYPYPATH": tmp}
        command = [sys.executable, "-m", "mypy", "-p", "pmgen", *argv]
        return subprocess.run(command, cwd=REPO, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
