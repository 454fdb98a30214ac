"""Body maps: SVG figures drawn at build time from content, never by hand.

Everything drawn comes from content: the body outline and bony landmarks (content/body-map.yml), the
regions where pain is felt (content/body-regions.yml), and each muscle's outline and trigger point
positions (content/muscles/*.yml). A figure is a pure function of that content, so it cannot disagree with
the text beside it, and a new muscle gets its figures without any drawing.

The SVG carries classes, not colours: docs/assets/stylesheets/body-map.css colours it for the light and
dark schemes and for print. Meaning never rests on colour alone: the main pain area is solid, the
spill-over area is stippled (an SVG pattern of dots) and the trigger point is an X.

Coordinates: see content/body-map.yml (back view, 200 x 240, x to the person's right, midline x = 100).
"""

from __future__ import annotations

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


def close_up_box(muscle: schema.Muscle) -> tuple[float, float, float, float]:
    """`x, y, width, height` of a view that frames the muscle and its mirror image, so both sides show."""
    outline = list(muscle.body_map.outline)
    xs = [x for x, _ in outline + geometry.mirror(outline)]
    ys = [y for _, y in outline]
    left = max(0.0, min(xs) - CLOSE_UP_MARGIN)
    top = max(0.0, min(ys) - CLOSE_UP_MARGIN)
    right = min(float(schema.MAP_WIDTH), max(xs) + CLOSE_UP_MARGIN)
    bottom = min(float(schema.MAP_HEIGHT), max(ys) + CLOSE_UP_MARGIN)
    return left, top, right - left, bottom - top


# --- the drawing --------------------------------------------------------------


def _tag(name: str, **attrs: str) -> str:
    text = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(str(v))}"' for k, v in attrs.items())
    return f"<{name}{text}/>"


class BodyMapDrawer:
    """Draws the figures of one site's content."""

    def __init__(self, body_map: schema.BodyMap, regions: Sequence[schema.BodyRegion]):
        self.body_map = body_map
        self.regions = {region.id: region for region in regions}
        self._curves: dict[tuple[str, bool], list[str]] = {}

    # --- layers shared by every figure --------------------------------------
    # Drawn once per drawer (one per build): every figure of every muscle repeats them.

    @functools.cached_property
    def _silhouette(self) -> str:
        body = self.body_map.body
        right = list(body.outer_side)
        left = geometry.mirror(right)
        thighs = list(body.inner_thigh) + geometry.mirror(list(reversed(body.inner_thigh)))[1:]
        fill = (
            f"M{_pt(right[0])}" + _segments(right, closed=False) + f"L{_pt(thighs[0])}"
            + _segments(thighs, closed=False) + f"L{_pt(left[-1])}"
            + _segments(list(reversed(left)), closed=False) + "Z"
        )
        edges = [curve(right), curve(left), curve(thighs)]
        lines = [curve(side) for line in body.lines for side in _sides(line.points, line.paired)]
        return (
            _tag("path", class_="bm-body", d=fill)
            + _tag("path", class_="bm-edge", d="".join(edges))
            + _tag("path", class_="bm-line", d="".join(lines))
        )

    @functools.cached_property
    def _landmarks(self) -> str:
        out = []
        for landmark in self.body_map.landmarks:
            for side in _sides(landmark.points, landmark.paired):
                if landmark.draw == "dot":
                    x, y = side[0]
                    out.append(_tag("circle", class_="bm-bone bm-dotmark", cx=_n(x), cy=_n(y), r="2",
                                    data_landmark=landmark.id))
                else:
                    d = curve(side) if landmark.draw == "curve" else closed_curve(side)
                    out.append(_tag("path", class_="bm-bone", d=d, data_landmark=landmark.id))
        return "".join(out)

    def _region_curves(self, region_id: str, both_sides: bool) -> list[str]:
        """Path data of a region's shape (and its mirror image, for a paired region felt on both sides)."""
        key = (region_id, both_sides)
        if key not in self._curves:
            shape = self.regions[region_id].shape
            self._curves[key] = [closed_curve(side) for side in _sides(shape.points, shape.paired and both_sides)]
        return self._curves[key]

    @staticmethod
    def _muscle_area(muscle: schema.Muscle) -> str:
        """The muscle's tint, under the pain shading so it never hides it."""
        return _tag("path", class_="bm-muscle-area", d=closed_curve(muscle.body_map.outline))

    @staticmethod
    def _muscle(muscle: schema.Muscle) -> str:
        """The muscle's dashed outline, over everything but the X."""
        return _tag("path", class_="bm-muscle", d=closed_curve(muscle.body_map.outline), data_muscle=muscle.id)

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
             view_box: tuple[float, float, float, float] | None = None) -> str:
        x, y, width, height = view_box or (0, 0, schema.MAP_WIDTH, schema.MAP_HEIGHT)
        dots = (
            f'<defs><pattern id="{uid}-dots" width="3" height="3" patternUnits="userSpaceOnUse">'
            '<circle class="bm-dot" cx="1.5" cy="1.5" r=".8"/></pattern></defs>'
        ) if uid else ""
        role = "group" if role_group else "img"
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="bm" viewBox="{_n(x)} {_n(y)} {_n(width)} {_n(height)}" '
            f'width="{_n(width)}" height="{_n(height)}" role="{role}" aria-label="{escape(label)}">'
            + dots + body + "</svg>"
        )

    # --- the figures -----------------------------------------------------------

    def pain_shapes(self, tp: schema.TriggerPoint, uid: str) -> str:
        """The shaded regions of one trigger point: spill-over (dots) under main (solid)."""
        out = []
        for zone in ("spillover", "main"):
            for referral in tp.referred_pain:
                if referral.zone != zone:
                    continue
                for d in self._region_curves(referral.region, tp.both_sides):
                    attrs = {"class_": f"bm-{zone}", "d": d, "data_region": referral.region,
                             "data_zone": zone}
                    if zone == "spillover":
                        attrs["fill"] = f"url(#{uid}-dots)"
                    out.append(_tag("path", **attrs))
        return "".join(out)

    def trigger_point_svg(self, muscle: schema.Muscle, tp: schema.TriggerPoint) -> str:
        uid = f"bm-{muscle.id}-{tp.id}"
        body = (
            self._silhouette + self._muscle_area(muscle) + self.pain_shapes(tp, uid) + self._landmarks
            + self._muscle(muscle) + self._x(tp)
        )
        return self._svg(body, self.trigger_point_alt(muscle, tp), uid)

    def overview_svg(self, muscle: schema.Muscle, close_up: bool = False) -> str:
        points = "".join(self._x(tp, label=True) for tp in muscle.trigger_points.points)
        body = self._silhouette + self._muscle_area(muscle) + self._landmarks + self._muscle(muscle) + points
        view_box = close_up_box(muscle) if close_up else None
        return self._svg(body, self.overview_alt(muscle), None, view_box=view_box)

    def finder_svg(self, label: str) -> str:
        """Every region as a link to its section (`#region-id`); both sides for paired regions.

        In content order, which is also the keyboard's order; a later region is drawn over an earlier one
        (tests/browser/test_body_map.py checks that every region can still be clicked somewhere).
        """
        links = []
        for region in self.regions.values():
            shapes = "".join(
                _tag("path", class_="bm-pick", d=closed_curve(side))
                for side in _sides(region.shape.points, region.shape.paired)
            )
            name = escape(region.name)
            links.append(f'<a href="#{region.id}" aria-label="{name}" data-region="{region.id}">'
                         f"<title>{name}</title>{shapes}</a>")
        body = self._silhouette + "".join(links) + f'<g class="bm-over">{self._landmarks}</g>'
        return self._svg(body, label, None, role_group=True)

    # --- words for the same pictures -----------------------------------------

    def _names(self, tp: schema.TriggerPoint, zone: str) -> str:
        names = [self.regions[r.region].name.lower() for r in tp.referred_pain if r.zone == zone]
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)

    def trigger_point_alt(self, muscle: schema.Muscle, tp: schema.TriggerPoint) -> str:
        text = (
            f"Body map, seen from behind: {muscle.names.common} outlined on the right side. "
            f"X marks trigger point {tp.number}, {tp.where}. Solid shading, the main pain area: "
            f"{self._names(tp, 'main')}."
        )
        if self._names(tp, "spillover"):
            text += f" Dotted shading, where the pain can spread: {self._names(tp, 'spillover')}."
        if tp.both_sides:
            text += " The pain is shaded on both sides of the body."
        if tp.figure_note:
            text += f" {tp.figure_note}"
        return text

    def overview_alt(self, muscle: schema.Muscle) -> str:
        points = " ".join(f"X {tp.number}: {tp.where}." for tp in muscle.trigger_points.points)
        return (
            f"Body map, seen from behind: {muscle.names.common} outlined on the right side, "
            f"{muscle.body_map.where}. {points}"
        )

    # --- figures ready for a page -------------------------------------------------

    def figure(self, muscle: schema.Muscle, tp: schema.TriggerPoint | None = None, close_up: bool = False) -> Markup:
        """A `<figure>` with the SVG and a caption: one trigger point, or (tp=None) all of the muscle's.

        `close_up` (overview only) frames just the muscle on both sides of the body: small enough for the
        one-sheet handout.

        Raw HTML on one line, so Markdown passes it through untouched; content text is HTML-escaped.
        """
        if tp is None:
            svg = self.overview_svg(muscle, close_up)
            count = len(muscle.trigger_points.points)
            count_words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
            points = "trigger point" if count == 1 else f"{count_words.get(count, count)} trigger points"
            caption = (
                f"Where the {points} of {muscle.names.common.lower()} {'lies' if count == 1 else 'lie'} (X), "
                "seen from behind. The dashed line is the muscle."
            )
            kind = "overview"
        else:
            svg = self.trigger_point_svg(muscle, tp)
            caption = (
                f"Trigger point {tp.number} (X) and where it sends pain, seen from behind. Solid: the main "
                "pain area."
            )
            if any(r.zone == "spillover" for r in tp.referred_pain):
                caption += " Dots: where it can spread."
            if tp.both_sides:
                caption += " Shaded on both sides: the pain may be felt on both sides."
            caption += " The dashed line is the muscle."
            if tp.figure_note:
                caption += f" {tp.figure_note}"
            kind = "trigger-point"
        return Markup(
            f'<figure class="body-map body-map--{kind}">{svg}'
            f"<figcaption>{escape(caption)}</figcaption></figure>"
        )

    def finder_figure(self, label: str, caption: str) -> Markup:
        return Markup(
            f'<figure class="body-map body-map--finder">{self.finder_svg(label)}'
            f"<figcaption>{escape(caption)}</figcaption></figure>"
        )
