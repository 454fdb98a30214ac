"""A content problem (file, field, line, message) and the error that carries all of them to the editor."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Problem:
    file: str
    field: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.field:
            where += f": {self.field}"
        if self.line is not None:
            where += f" (line {self.line})"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Content that cannot be published. `str()` is the message shown to editors."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        lines = [f"Content error ({count}); the site was not built:"]
        lines += [f"  {p}" for p in problems]
        super().__init__("\n".join(lines))


def dotted(loc: tuple) -> str:
    """A field path as editors read it: `("trigger_points", "points", 1, "id")` -> `trigger_points.points[1].id`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
