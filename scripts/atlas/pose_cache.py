"""Exercise pictures kept between builds: whether a pose can be drawn, and its drawing.

Solving a pose (atlas.pose) to check it and again to draw it was most of what a muscle page cost to make:
about 0.3 ms a picture, six or seven pictures a muscle. The same description always gives the same figure,
so both results are kept on disk (atlas.disk_cache), keyed by the pose's description (its fields, as JSON)
and by the source of the code that solves and draws it. Only a pose that passed its check is remembered
as drawable: a pose with problems is checked again every time, so its error message is always fresh.
The cache lives in `.cache/poses/` at the project root (ATLAS_POSE_CACHE names another folder, "" turns it off).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from atlas import pose as drawing
from atlas.disk_cache import DiskCache

_DRAWING_CODE = ("pose.py", "pose_schema.py")


def _code_version() -> str:
    """A digest of the code a picture comes from: an edit to it draws every picture again."""
    digest = hashlib.sha256()
    for name in _DRAWING_CODE:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


_VERSION = _code_version()
_DRAWABLE = "drawable"
CHECKED = DiskCache("poses", "ATLAS_POSE_CACHE", f"checked by {_VERSION}", lambda text: text == _DRAWABLE)
DRAWN = DiskCache("poses", "ATLAS_POSE_CACHE", f"drawn by {_VERSION}",
                  lambda text: text.startswith("<svg ") and text.endswith("</svg>"))


class _NotDrawable(Exception):
    def __init__(self, problems: list[tuple[tuple, str]]):
        self.problems = problems


def _check(pose) -> str:
    problems = drawing.problems(pose)
    if problems:
        raise _NotDrawable(problems)
    return _DRAWABLE


def problems(pose) -> list[tuple[tuple, str]]:
    """What keeps `pose` from being drawn (field path, message); none for a pose checked before."""
    try:
        CHECKED.get(pose.model_dump_json(), lambda: _check(pose))
    except _NotDrawable as error:
        return error.problems
    return []


def svg(pose) -> str:
    """The picture of `pose` with its text alternative (atlas.pose.svg, atlas.pose.describe)."""
    label = drawing.describe(pose)
    return DRAWN.get(f"{pose.model_dump_json()}\n{label}", lambda: drawing.svg(drawing.solve(pose), label),
                     suffix=".svg")
