"""Rules between the body maps, the places of pain and the muscles, which no single file can check.

Each rule reports through `problem(label, loc, message)` (atlas.rules), so an error names the file, the
field and the line.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from atlas import geometry, schema

PIN_RADIUS = 7.0
"""Radius of a place's circle on /where-does-it-hurt/, in map units (14 units: 25 CSS px on a phone)."""
PIN_SPACING = 16.0
"""Least distance between two circles' centres in one view, so that no two circles touch."""

Report = Callable[[str, tuple, str], None]

REGIONS = "content/body-regions.yml"
BODY_MAP = "content/body-map.yml"


def pin_side(region: schema.BodyRegion, view: schema.View) -> list[geometry.Point]:
    """The region's outline on the side of the body where its pin is (a pin may go on either side)."""
    shape = region.views[view.id]
    x, _ = shape.pin
    if region.paired and view.symmetric and x < schema.MAP_WIDTH / 2:
        return geometry.mirror(shape.points)
    return list(shape.points)


def check_regions(regions: list[schema.BodyRegion], body_map: schema.BodyMap, problem: Report,
                  regions_label: str = REGIONS, map_label: str = BODY_MAP) -> None:
    """`regions_label`, `map_label`: the labels of the two files, as the loader names them."""
    views = {view.id: view for view in body_map.views}
    for i, view in enumerate(body_map.views):
        if [v.id for v in body_map.views].index(view.id) != i:
            problem(map_label, ("views", i, "id"), f"the {view.id} view is described twice; each view once")
    for i, area in enumerate(body_map.areas):
        if [a.id for a in body_map.areas].index(area.id) != i:
            problem(map_label, ("areas", i, "id"), f"duplicate body area id {area.id!r}")
    for i, region in enumerate(regions):
        for view_id, shape in region.views.items():
            loc = ("regions", i, "views", view_id)
            if view_id not in views:
                problem(regions_label, loc, f"unknown view {view_id!r}; known views (content/body-map.yml): "
                                      f"{', '.join(views)}")
                continue
            if not geometry.inside(*shape.pin, pin_side(region, views[view_id])):
                problem(regions_label, loc + ("pin",),
                        f"the pin of {region.id!r} at ({shape.pin[0]:g}, {shape.pin[1]:g}) lies outside its "
                        f"outline in the {view_id} view" + (" (or its mirror image)" if region.paired else ""))
    for view_id in views:
        pins = [(i, region.id, region.views[view_id].pin) for i, region in enumerate(regions)
                if view_id in region.views]
        for a, (i, first, (x1, y1)) in enumerate(pins):
            for j, second, (x2, y2) in pins[a + 1:]:
                if math.dist((x1, y1), (x2, y2)) < PIN_SPACING:
                    problem(regions_label, ("regions", j, "views", view_id, "pin"),
                            f"the pin of {second!r} is {math.dist((x1, y1), (x2, y2)):.1f} units from the pin of "
                            f"{first!r} in the {view_id} view; keep pins at least {PIN_SPACING:g} apart so "
                            "their circles do not touch")


def check_muscles(pages: list[tuple[str, schema.Muscle]], body_map: schema.BodyMap, report: Report) -> None:
    """`pages`: (file label, muscle)."""
    views = {view.id for view in body_map.views}
    areas = {area.id for area in body_map.areas}
    for document, muscle in pages:
        if muscle.body_map.view not in views:
            report(document, ("body_map", "view"),
                   f"unknown view {muscle.body_map.view!r}; known views (content/body-map.yml): {', '.join(views)}")
        if muscle.body_area not in areas:
            report(document, ("body_area",),
                   f"unknown body area {muscle.body_area!r}; known areas (content/body-map.yml areas): "
                   f"{', '.join(sorted(areas))}")
    _check_related_both_ways(pages, report)


def _check_related_both_ways(pages: list[tuple[str, schema.Muscle]], report: Report) -> None:
    """A muscle that links to another muscle must be linked back: neighbours and partners both ways."""
    links = {
        muscle.id: {link.page.partition("#")[0].removeprefix("muscles/") for link in muscle.related
                    if link.page.startswith("muscles/")}
        for _, muscle in pages
    }
    for document, muscle in pages:
        for i, link in enumerate(muscle.related):
            page = link.page.partition("#")[0]
            other = page.removeprefix("muscles/")
            if not page.startswith("muscles/") or other not in links or other == muscle.id:
                continue
            if muscle.id not in links[other]:
                report(document, ("related", i, "page"),
                       f"links to {page}, but content/muscles/{other}.yml does not link back: add "
                       f"`- page: muscles/{muscle.id}` (with a `why`) to its related list")
