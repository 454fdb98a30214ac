"""Same input, same output: compare two built site trees byte for byte."""

from __future__ import annotations

import filecmp
import subprocess
from pathlib import Path


def tree_differences(first: Path, second: Path) -> list[str]:
    """Files only in one tree, or whose bytes differ, as paths relative to the tree roots."""
    differences = []
    files = lambda root: {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    a, b = files(first), files(second)
    differences += [f"only in the first build: {p}" for p in sorted(a - b)]
    differences += [f"only in the second build: {p}" for p in sorted(b - a)]
    differences += [f"differs: {p}" for p in sorted(a & b)
                    if not filecmp.cmp(first / p, second / p, shallow=False)]
    return differences


def source_date_epoch(root: Path) -> str:
    """The time of the last commit: the one date a build may print (SOURCE_DATE_EPOCH)."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    return result.stdout.strip() or "0"
