"""Count what the generated operation methods return, over a samples folder.

    .venv/bin/python scripts/return_types.py [generated_samples]

Every sync and async method that sends a request (its body names `_SPECS[...]`) is
counted by its return annotation; model classes count as `<Model>`.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from pathlib import Path

_MODEL = re.compile(r"\b[A-Z]\w*(?:Response|Body)\b")


def count(root: Path) -> Counter[str]:
    found: Counter[str] = Counter()
    for path in sorted(root.glob("*/client/*/**/*.py")):
        text = path.read_text(encoding="utf-8")
        if "_SPECS[" not in text:
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if "_SPECS[" in ast.unparse(node) and node.returns is not None:
                    found[_MODEL.sub("<Model>", ast.unparse(node.returns))] += 1
    return found


def main(argv: list[str]) -> int:
    root = Path(argv[0] if argv else "generated_samples")
    found = count(root)
    print(f"{sum(found.values())} methods")
    for annotation, n in found.most_common():
        print(f"{n:5d}  {annotation}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
