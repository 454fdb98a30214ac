"""Body maps: SVG figures drawn at build time from content, never by hand.

Everything drawn comes from content: the body outline and bony landmarks (content/body-map.yml), the
regions where pain is felt (content/body-regions.yml), and each muscle's outline and trigger point
positions (content/muscles/*.yml). A figure is a pure function of that content, so it cannot disagree with
the text beside it, and a new muscle gets its figures without any drawing.

The SVG carries classes, not colours: docs/assets/stylesheets/body-map.css colours it for the light and
dark schemes and for print. Meaning never rests on colour alone: the main pain area is solid, the
spill-over area is stippled (an SVG pattern of dots) and the trigger point is an X.

Coordinates: see content/body-map.yml (three views, back, front and side, each 200 x 520, midline x = 100).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from atlas import geometry, schema
from atlas.geometry import Point

_X_ARM = 4.5
"""Half the width of a trigger point's X, in map units."""

# --- paths ------------------------------------------------------------------


def _n(value: float) -> str:
    """A coordinate with at most one decimal, as short as possible (figures stay a few KB)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _pt(point: Point) -> str:
    """A point of a curve, to the nearest unit (a quarter of a centimetre on the body, about a pixel on a
    phone): the curves are smooth outlines, and whole numbers keep the figures small."""
    return f"{round(point[0])} {round(point[1])}"


def _segments(points: Sequence[Point], closed: bool) -> str:
    """Cubic Bezier segments of a Catmull-Rom spline through the points (smooth, passes through each one)."""
    count = len(points)
    out = []
    last = count if closed else count - 1
    for i in range(last):
        p0 = points[(i - 1) % count] if closed or i > 0 else points[0]
        p1, p2 = points[i], points[(i + 1) % count]
        p3 = points[(i + 2) % count] if closed or i + 2 < count else points[-1]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(f"C{_pt(c1)} {_pt(c2)} {_pt(p2)}")
    return "".join(out)


def curve(points: Sequence[Point]) -> str:
    """Path data of a smooth open line through the points."""
    return f"M{_pt(points[0])}" + _segments(points, closed=False)


def closed_curve(points: Sequence[Point]) -> str:
    """Path data of a smooth closed shape through the points."""
    return f"M{_pt(points[0])}" + _segments(points, closed=True) + "Z"


def _sides(points: Sequence[Point], paired: bool) -> list[list[Point]]:
    """The right-side points and, for a paired item, their mirror image on the left."""
    points = list(points)
    return [points, geometry.mirror(points)] if paired else [points]


CLOSE_UP_MARGIN = 14
"""Map units of body shown around the muscle in a close-up."""
CLOSE_UP_MIN_ASPECT = 0.9
"""A close-up is at least this wide for its height."""

FRAMES = (schema.HIPS_HEIGHT, 340, schema.MAP_HEIGHT)
"""How far down a figure shows the body: the hips and thighs, to below the knees, or to the feet. A figure
takes the shortest that holds everything it draws with FRAME_MARGIN to spare."""
FRAME_MARGIN = 12

FINDER_WIDTH = 160
"""Map units across a finder map: the body without the empty sides, so the places are larger on a phone."""


def _mirrored(points: Sequence[Point], paired: bool, view: schema.View) -> list[list[Point]]:
    """The points and, for a paired item in a mirrored (back or front) view, their mirror image."""
    return _sides(points, paired and view.symmetric)


def close_up_box(muscle: schema.Muscle, view: schema.View | None = None) -> tuple[float, float, float, float]:
    """`x, y, width, height` of a view that frames the muscle and (in a mirrored view) its mirror image."""
    outline = list(muscle.body_map.outline)
    mirrored = view is None or view.symmetric
    xs = [x for x, _ in outline + (geometry.mirror(outline) if mirrored else [])]
    ys = [y for _, y in outline]
    left = max(0.0, min(xs) - CLOSE_UP_MARGIN)
    top = max(0.0, min(ys) - CLOSE_UP_MARGIN)
    right = min(float(schema.MAP_WIDTH), max(xs) + CLOSE_UP_MARGIN)
    bottom = min(float(schema.MAP_HEIGHT), max(ys) + CLOSE_UP_MARGIN)
    # A tall, narrow muscle (seen from the side) gets body beside it too: the handout prints the close-up
    # at a fixed width, and a tall figure would push the handout onto a second sheet.
    least_width = CLOSE_UP_MIN_ASPECT * (bottom - top)
    if right - left < least_width:
        middle = (left + right) / 2
        left = max(0.0, min(middle - least_width / 2, schema.MAP_WIDTH - least_width))
        right = min(float(schema.MAP_WIDTH), left + least_width)
    return left, top, right - left, bottom - top


def frame_for(lowest: float) -> int:
    """The bottom of the shortest frame that shows everything down to `lowest`."""
    return next((bottom for bottom in FRAMES if lowest + FRAME_MARGIN <= bottom), schema.MAP_HEIGHT)


def _down_to(points: Sequence[Point], bottom: float) -> list[Point]:
    """A line that runs downwards, up to its first point at or below `bottom` (the rest is off the figure)."""
    points = list(points)
    end = next((i for i, (_, y) in enumerate(points) if y >= bottom), len(points) - 1)
    return points[: end + 1]


def _up_from(points: Sequence[Point], bottom: float) -> list[Point]:
    """A line that runs upwards, from its last point at or below `bottom`."""
    points = list(points)
    start = max((i for i, (_, y) in enumerate(points) if y >= bottom), default=0)
    return points[start:]


def _shows(points: Sequence[Point], bottom: float) -> bool:
    return min(y for _, y in points) <= bottom


# --- the drawing --------------------------------------------------------------


def _tag(name: str, **attrs: str) -> str:
    text = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(str(v))}"' for k, v in attrs.items())
    return f"<{name}{text}/>"


def _and(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


@dataclasses.dataclass(frozen=True)
class Panel:
    """One picture of a trigger point's figure: a view and the places of pain it shows."""

    view: schema.View
    referrals: tuple[schema.Referral, ...]
    with_muscle: bool
    """The first panel shows the muscle and the X; further panels show only pain the first cannot."""


class BodyMapDrawer:
    """Draws the figures of one site's content."""

    def __init__(self, body_map: schema.BodyMap, regions: Sequence[schema.BodyRegion]):
        self.body_map = body_map
        self.views = {view.id: view for view in body_map.views}
        self.regions = {region.id: region for region in regions}
        self.numbers = {region.id: number for number, region in enumerate(regions, start=1)}
        """Each place's number on /where-does-it-hurt/: the same in every view."""
        self._curves: dict[tuple, list[str] | str] = {}

    # --- layers shared by every figure --------------------------------------
    # Drawn once per view and frame (once per build): every figure of every muscle repeats them.

    @functools.lru_cache(maxsize=None)
    def _silhouette(self, view_id: str, bottom: float) -> str:
        view = self.views[view_id]
        body = view.body
        right = _down_to(body.edge, bottom)
        inner = _up_from(body.inner, bottom)
        if view.symmetric:
            left = geometry.mirror(right)
            legs = inner + geometry.mirror(list(reversed(inner)))[1:]
            fill = (
                f"M{_pt(right[0])}" + _segments(right, closed=False) + f"L{_pt(legs[0])}"
                + _segments(legs, closed=False) + f"L{_pt(left[-1])}"
                + _segments(list(reversed(left)), closed=False) + "Z"
            )
            edges = [curve(right), curve(left), curve(legs)]
        else:
            fill = f"M{_pt(right[0])}" + _segments(right, closed=False) + f"L{_pt(inner[0])}" + _segments(
                inner, closed=False) + "Z"
            edges = [curve(right), curve(inner)]
        lines = [curve(side) for line in body.lines if _shows(line.points, bottom)
                 for side in _mirrored(line.points, line.paired, view)]
        return (
            _tag("path", class_="bm-body", d=fill)
            + _tag("path", class_="bm-edge", d="".join(edges))
            + _tag("path", class_="bm-line", d="".join(lines))
        )

    @functools.lru_cache(maxsize=None)
    def _landmarks(self, view_id: str, bottom: float) -> str:
        view = self.views[view_id]
        out = []
        for landmark in view.landmarks:
            if not _shows(landmark.points, bottom):
                continue
            for side in _mirrored(landmark.points, landmark.paired, view):
                if landmark.draw == "dot":
                    x, y = side[0]
                    out.append(_tag("circle", class_="bm-bone bm-dotmark", cx=_n(x), cy=_n(y), r="2",
                                    data_landmark=landmark.id))
                else:
                    d = curve(side) if landmark.draw == "curve" else closed_curve(side)
                    out.append(_tag("path", class_="bm-bone", d=d, data_landmark=landmark.id))
        return "".join(out)

    def _region_curves(self, region_id: str, view_id: str, both_sides: bool, flip: bool = False) -> list[str]:
        """Path data of a region's shape in a view (and its mirror image, for a paired region felt on both
        sides, in a mirrored view). `flip`: the other side only (the muscle is on the side at x below 100)."""
        key = (region_id, view_id, both_sides, flip)
        if key not in self._curves:
            region = self.regions[region_id]
            shape = region.views[view_id]
            view = self.views[view_id]
            sides = _mirrored(shape.points, region.paired and both_sides, view)
            if flip and region.paired and view.symmetric and not both_sides:
                sides = [geometry.mirror(shape.points)]
            self._curves[key] = [closed_curve(side) for side in sides]
        return self._curves[key]

    def _outline(self, muscle: schema.Muscle) -> str:
        """Path data of the muscle's outline, worked out once: every figure of the muscle draws it twice."""
        key = ("muscle", muscle.id)
        if key not in self._curves:
            self._curves[key] = closed_curve(muscle.body_map.outline)
        return self._curves[key]

    def _muscle_area(self, muscle: schema.Muscle) -> str:
        """The muscle's tint, under the pain shading so it never hides it."""
        return _tag("path", class_="bm-muscle-area", d=self._outline(muscle))

    def _muscle(self, muscle: schema.Muscle) -> str:
        """The muscle's dashed outline, over everything but the X."""
        return _tag("path", class_="bm-muscle", d=self._outline(muscle), data_muscle=muscle.id)

    @staticmethod
    def _x(tp: schema.TriggerPoint, label: bool = False) -> str:
        a = _X_ARM
        d = f"M{_n(-a)} {_n(-a)}L{_n(a)} {_n(a)}M{_n(a)} {_n(-a)}L{_n(-a)} {_n(a)}"
        number = f'<text class="bm-number" x="{_n(a + 1.5)}" y="{_n(-a - 1)}">{tp.number}</text>' if label else ""
        return (
            f'<g class="bm-tp" data-tp="{tp.id}" data-x="{_n(tp.position.x)}" data-y="{_n(tp.position.y)}" '
            f'transform="translate({_n(tp.position.x)} {_n(tp.position.y)})">'
            + _tag("path", class_="bm-x-halo", d=d) + _tag("path", class_="bm-x", d=d) + number + "</g>"
        )

    def _svg(self, body: str, label: str, uid: str | None, role_group: bool = False,
             view_box: tuple[float, float, float, float] | None = None, view_id: str | None = None) -> str:
        x, y, width, height = view_box or (0, 0, schema.MAP_WIDTH, schema.HIPS_HEIGHT)
        dots = (
            f'<defs><pattern id="{uid}-dots" width="3" height="3" patternUnits="userSpaceOnUse">'
            '<circle class="bm-dot" cx="1.5" cy="1.5" r=".8"/></pattern></defs>'
        ) if uid else ""
        role = "group" if role_group else "img"
        # A figure of the back view, the only one before there were three, says no view: it stays as it was.
        data_view = f' data-view="{view_id}"' if view_id and (view_id != "back" or role_group) else ""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="bm"{data_view} viewBox="{_n(x)} {_n(y)} {_n(width)} '
            f'{_n(height)}" width="{_n(width)}" height="{_n(height)}" role="{role}" aria-label="{escape(label)}">'
            + dots + body + "</svg>"
        )

    # --- which pictures a trigger point needs ---------------------------------

    def panels(self, muscle: schema.Muscle, tp: schema.TriggerPoint) -> list[Panel]:
        """The muscle's view with the pain it shows, then the fewest other views that show the rest."""
        home = self.views[muscle.body_map.view]
        panels = [Panel(home, tuple(r for r in tp.referred_pain if home.id in self.regions[r.region].views), True)]
        missing = [r for r in tp.referred_pain if home.id not in self.regions[r.region].views]
        others = [view for view in self.body_map.views if view.id != home.id]
        while missing:
            best = max(others, key=lambda v: sum(v.id in self.regions[r.region].views for r in missing))
            shown = tuple(r for r in tp.referred_pain if best.id in self.regions[r.region].views)
            panels.append(Panel(best, shown, False))
            others.remove(best)
            missing = [r for r in missing if best.id not in self.regions[r.region].views]
        return panels

    def _lowest(self, muscle: schema.Muscle, tp: schema.TriggerPoint | None, panels: list[Panel]) -> float:
        ys = [y for _, y in muscle.body_map.outline]
        if tp is not None:
            ys.append(tp.position.y + _X_ARM)
        for panel in panels:
            for referral in panel.referrals:
                ys += [y for _, y in self.regions[referral.region].views[panel.view.id].points]
        return max(ys)

    # --- the figures -----------------------------------------------------------

    def pain_shapes(self, referrals: Sequence[schema.Referral], view_id: str, both_sides: bool, uid: str,
                    flip: bool = False) -> str:
        """The shaded regions of one trigger point in one view: spill-over (dots) under main (solid)."""
        out = []
        for zone in ("spillover", "main"):
            for referral in referrals:
                if referral.zone != zone:
                    continue
                for d in self._region_curves(referral.region, view_id, both_sides, flip):
                    attrs = {"class_": f"bm-{zone}", "d": d, "data_region": referral.region,
                             "data_zone": zone}
                    if zone == "spillover":
                        attrs["fill"] = f"url(#{uid}-dots)"
                    out.append(_tag("path", **attrs))
        return "".join(out)

    def trigger_point_svgs(self, muscle: schema.Muscle, tp: schema.TriggerPoint) -> list[str]:
        """One SVG per panel (usually one)."""
        panels = self.panels(muscle, tp)
        bottom = frame_for(self._lowest(muscle, tp, panels))
        svgs = []
        for panel in panels:
            view = panel.view.id
            uid = f"bm-{muscle.id}-{tp.id}" + ("" if panel.with_muscle else f"-{view}")
            # Pain on the muscle's side of the body: the front view gives the person's left side at x above
            # 100, the back view their right, so a further panel may draw its places on the other half.
            flip = panel.view.side_drawn != panels[0].view.side_drawn
            pain = self.pain_shapes(panel.referrals, view, tp.both_sides, uid, flip)
            if panel.with_muscle:
                body = (self._silhouette(view, bottom) + self._muscle_area(muscle) + pain
                        + self._landmarks(view, bottom) + self._muscle(muscle) + self._x(tp))
                label = self.trigger_point_alt(muscle, tp, panel if len(panels) > 1 else None)
            else:
                body = self._silhouette(view, bottom) + pain + self._landmarks(view, bottom)
                label = self.panel_alt(muscle, tp, panel)
            svgs.append(self._svg(body, label, uid, view_box=(0, 0, schema.MAP_WIDTH, bottom), view_id=view))
        return svgs

    def trigger_point_svg(self, muscle: schema.Muscle, tp: schema.TriggerPoint) -> str:
        return "".join(self.trigger_point_svgs(muscle, tp))

    def overview_svg(self, muscle: schema.Muscle, close_up: bool = False) -> str:
        view = self.views[muscle.body_map.view]
        bottom = frame_for(self._lowest(muscle, None, []) if not muscle.trigger_points.points else max(
            self._lowest(muscle, None, []), *(tp.position.y + _X_ARM for tp in muscle.trigger_points.points)))
        points = "".join(self._x(tp, label=True) for tp in muscle.trigger_points.points)
        body = (self._silhouette(view.id, bottom) + self._muscle_area(muscle) + self._landmarks(view.id, bottom)
                + self._muscle(muscle) + points)
        view_box = close_up_box(muscle, view) if close_up else (0, 0, schema.MAP_WIDTH, bottom)
        return self._svg(body, self.overview_alt(muscle), None, view_box=view_box, view_id=view.id)

    # --- the finder: every place as a numbered circle ------------------------------

    def finder_svg(self, view_id: str) -> str:
        """Every place seen in the view as a link to its section (`#region-id`): a numbered circle at the
        place's pin, and the place's shape (both sides for a paired place in a mirrored view), which shows
        while the circle is pointed at or focused. Only the circle takes a click or tap: circles are far
        enough apart (atlas.map_checks) that no two targets touch, and each is 14 units across.

        In content order, which is also the keyboard's order.
        """
        from atlas.map_checks import PIN_RADIUS

        view = self.views[view_id]
        places = []
        for region in self.regions.values():
            if view_id not in region.views:
                continue
            shape = region.views[view_id]
            area = "".join(closed_curve(side) for side in _mirrored(shape.points, region.paired, view))
            name = escape(region.name)
            x, y = shape.pin
            places.append(
                _tag("path", class_="bm-area", d=area, data_region=region.id)
                + f'<a href="#{region.id}" aria-label="{name}" data-region="{region.id}"><title>{name}</title>'
                + _tag("circle", class_="bm-pin", cx=_n(x), cy=_n(y), r=_n(PIN_RADIUS))
                + f'<text class="bm-pin-number" x="{_n(x)}" y="{_n(y)}" aria-hidden="true">'
                  f"{self.numbers[region.id]}</text></a>"
            )
        body = self._silhouette(view_id, schema.MAP_HEIGHT) + self._landmarks(view_id, schema.MAP_HEIGHT) + "".join(places)
        left = (schema.MAP_WIDTH - FINDER_WIDTH) / 2 if view.symmetric else self._side_left(view)
        return self._svg(body, view.finder_label, None, role_group=True,
                         view_box=(left, 0, FINDER_WIDTH, schema.MAP_HEIGHT), view_id=view_id)

    @staticmethod
    def _side_left(view: schema.View) -> float:
        """The left edge of a finder map of an unmirrored view: the body's extent, centred."""
        xs = [x for x, _ in [*view.body.edge, *view.body.inner]]
        return round((min(xs) + max(xs) - FINDER_WIDTH) / 2)

    # --- words for the same pictures -----------------------------------------

    def _names(self, referrals: Sequence[schema.Referral], zone: str) -> str:
        return _and([self.regions[r.region].name.lower() for r in referrals if r.zone == zone])

    def _pain_words(self, referrals: Sequence[schema.Referral]) -> str:
        text = ""
        if self._names(referrals, "main"):
            text += f" Solid shading, the main pain area: {self._names(referrals, 'main')}."
        if self._names(referrals, "spillover"):
            text += f" Dotted shading, where the pain can spread: {self._names(referrals, 'spillover')}."
        return text

    def trigger_point_alt(self, muscle: schema.Muscle, tp: schema.TriggerPoint, panel: Panel | None = None) -> str:
        view = self.views[muscle.body_map.view]
        referrals = tp.referred_pain if panel is None else panel.referrals
        text = (
            f"Body map, {view.name}: {muscle.names.common} outlined {view.muscle_side}. "
            f"X marks trigger point {tp.number}, {tp.where}." + self._pain_words(referrals)
        )
        if tp.both_sides:
            text += " The pain is shaded on both sides of the body."
        if tp.figure_note:
            text += f" {tp.figure_note}"
        return text

    def panel_alt(self, muscle: schema.Muscle, tp: schema.TriggerPoint, panel: Panel) -> str:
        text = (f"Body map, {panel.view.name}: more of where trigger point {tp.number} of "
                f"{muscle.names.common.lower()} sends pain." + self._pain_words(panel.referrals))
        if tp.both_sides:
            text += (" The pain is shaded on both sides of the body." if panel.view.symmetric
                     else " The pain can be felt on both sides; this view shows one side.")
        return text

    def overview_alt(self, muscle: schema.Muscle) -> str:
        view = self.views[muscle.body_map.view]
        points = " ".join(f"X {tp.number}: {tp.where}." for tp in muscle.trigger_points.points)
        return (f"Body map, {view.name}: {muscle.names.common} outlined {view.muscle_side}, "
                f"{muscle.body_map.where}. {points}")

    # --- figures ready for a page -------------------------------------------------

    def figure(self, muscle: schema.Muscle, tp: schema.TriggerPoint | None = None, close_up: bool = False) -> Markup:
        """A `<figure>` with the SVG(s) and a caption: one trigger point, or (tp=None) all of the muscle's.

        `close_up` (overview only) frames just the muscle on both sides of the body: small enough for the
        one-sheet handout.

        Raw HTML on one line, so Markdown passes it through untouched; content text is HTML-escaped.
        """
        view = self.views[muscle.body_map.view]
        if tp is None:
            svg = self.overview_svg(muscle, close_up)
            count = len(muscle.trigger_points.points)
            count_words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
            points = "trigger point" if count == 1 else f"{count_words.get(count, count)} trigger points"
            caption = (
                f"Where the {points} of {muscle.names.common.lower()} {'lies' if count == 1 else 'lie'} (X), "
                f"{view.name}. The dashed line is the muscle."
            )
            kind = "overview"
        else:
            svgs = self.trigger_point_svgs(muscle, tp)
            panels = self.panels(muscle, tp)
            if len(svgs) == 1:
                svg = svgs[0]
                where = view.name
            else:
                svg = f'<div class="body-map__panels">{"".join(svgs)}</div>'
                count = {2: "two", 3: "three"}[len(panels)]
                where = f"in {count} pictures side by side: {_and([p.view.name for p in panels])}"
            caption = f"Trigger point {tp.number} (X) and where it sends pain, {where}. Solid: the main pain area."
            if any(r.zone == "spillover" for r in tp.referred_pain):
                caption += " Dots: where it can spread."
            if tp.both_sides:
                caption += " Shaded on both sides: the pain may be felt on both sides."
            caption += " The dashed line is the muscle."
            if tp.figure_note:
                caption += f" {tp.figure_note}"
            kind = "trigger-point" + (" body-map--panels" if len(svgs) > 1 else "")
        return Markup(
            f'<figure class="body-map body-map--{kind}">{svg}'
            f"<figcaption>{escape(caption)}</figcaption></figure>"
        )

    def finder_figure(self, view_id: str) -> Markup:
        """One view's map for /where-does-it-hurt/, with the names of its places beside it."""
        view = self.views[view_id]
        return Markup(
            f'<figure class="body-map body-map--finder">{self.finder_svg(view_id)}'
            f"<figcaption>{escape(view.finder_caption)}</figcaption></figure>"
        )

    def finder_block(self, view_id: str) -> Markup:
        """The view's map and, beside it, its places by number and name, each a link (the names the map
        cannot show, and a second way to choose)."""
        items = []
        for region in self.regions.values():
            if view_id not in region.views:
                continue
            items.append(f'<li value="{self.numbers[region.id]}"><a href="#{region.id}">{escape(region.name)}</a></li>')
        return Markup(
            f'<div class="finder-view">{self.finder_figure(view_id)}'
            f'<ol class="finder-places" aria-label="Places {escape(self.views[view_id].name)}">{"".join(items)}</ol></div>'
        )
