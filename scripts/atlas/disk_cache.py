"""Results kept on disk between builds, for work whose result depends only on its input.

QR codes (atlas.qr) and exercise pictures (atlas.pose_cache) are each the same for the same input, and
making them is most of what a build pays for its pages. A cache only saves time: the output is the same with
or without it, and a missing, unwritable or damaged entry just means the work is done again. Each kind of
result has its folder under `.cache/` at the project root; an environment variable names another folder,
or turns the cache off when set to "".
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]


class DiskCache:
    """Text results by key, in this process and on disk."""

    def __init__(self, name: str, variable: str, settings: str, looks_whole: Callable[[str], bool]):
        self.name = name
        self.variable = variable
        self.settings = settings
        """Everything else that shapes a result (a library's version, the drawing code): part of every key."""
        self.looks_whole = looks_whole
        self.made: dict[str, str] = {}  # this process's results, for `mkdocs serve` rebuilds

    def folder(self) -> Path | None:
        folder = os.environ.get(self.variable, str(_ROOT / ".cache" / self.name))
        return Path(folder) if folder else None

    def get(self, key: str, make: Callable[[], str], suffix: str = ".txt") -> str:
        """The result for `key`: from this process, from disk, or made by `make()` (then kept)."""
        if key in self.made:
            return self.made[key]
        folder = self.folder()
        path = None
        if folder is not None:
            digest = hashlib.sha256(f"{self.settings}\n{key}".encode()).hexdigest()
            path = folder / f"{digest}{suffix}"
            try:
                text = path.read_text(encoding="utf-8")
                if self.looks_whole(text):
                    self.made[key] = text
                    return text
            except (OSError, UnicodeDecodeError):
                pass
        text = make()
        self.made[key] = text
        if path is not None:
            try:  # written whole or not at all: a build running alongside never reads half a file
                path.parent.mkdir(parents=True, exist_ok=True)
                with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as part:
                    part.write(text)
                os.replace(part.name, path)
            except OSError:
                pass
        return text
