"""Plane geometry on the body map's coordinates, shared by the content checks and the drawing."""

from __future__ import annotations

from collections.abc import Sequence

from atlas.schema import MAP_WIDTH

Point = tuple[float, float]


def inside(x: float, y: float, polygon: Sequence[Point]) -> bool:
    """Whether (x, y) lies inside the closed polygon (even-odd ray casting; the edge counts as outside)."""
    result = False
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def mirror(points: Sequence[Point]) -> list[Point]:
    """The same points on the other side of the body (the midline is x = MAP_WIDTH / 2)."""
    return [(MAP_WIDTH - x, y) for x, y in points]

