"""Exercise pictures (atlas.pose): the geometry is a body, the checks catch poses that cannot be drawn, and
every exercise position of the seven muscles (tests/fixtures/poses/) is drawn."""

from __future__ import annotations

import copy
import math
import re
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from atlas import load, pose, pose_schema
from atlas.load import ContentError, load_site

from conftest import ROOT, edit

MUSCLE = "muscles/gluteus-medius.yml"
FIXTURES = ROOT / "tests" / "fixtures" / "poses"


def _fixture_pictures() -> list[tuple[str, pose_schema.Picture]]:
    out = []
    for path in sorted(FIXTURES.glob("*.yml")):
        document = load._Document(path, path.name)
        pictures = TypeAdapter(pose_schema.Pictures).validate_python(document.data["pictures"])
        out += [(f"{path.stem}:{p.stage}", p) for p in pictures]
    return out


def _content_pictures() -> list[tuple[str, pose_schema.Picture]]:
    """Every picture on the site: each exercise's and its pregnancy version's."""
    site = load_site(ROOT / "content")
    out = []
    for m in site.muscles:
        for key, exercise in (("self-release", m.self_release), ("stretch", m.stretch)):
            for suffix, owner in (("", exercise), ("-pregnancy", getattr(exercise, "pregnancy_alternative", None))):
                for i, p in enumerate(getattr(owner, "pictures", [])):
                    out.append((f"{m.id}:{key}{suffix}:{i}-{p.stage}", p))
    return out


ALL = _fixture_pictures() + _content_pictures()
IDS = [name for name, _ in ALL]


def test_every_exercise_of_the_seven_muscles_has_a_pose():
    names = {path.stem for path in FIXTURES.glob("*.yml")}
    for muscle in ("gluteus-minimus", "gluteus-maximus", "piriformis", "quadratus-lumborum", "iliopsoas",
                   "tensor-fasciae-latae"):
        assert any(name.startswith(muscle) for name in names), muscle
    kinds = {p.position for _, p in ALL}
    assert {"lying-back", "lying-right-side", "sitting", "half-kneeling", "standing"} <= kinds
    assert len(ALL) >= 25


@pytest.mark.parametrize("name,picture", ALL, ids=IDS)
def test_limb_lengths_stay_the_same_in_every_pose(name, picture):
    body = pose.solve(picture).body
    joints = {"thigh": ("thigh", "shank"), "shank": ("shank", "foot"), "upper_arm": ("upper_arm", "forearm"),
              "forearm": ("forearm", "hand")}
    for side in ("right", "left"):
        for limb, (a, b) in joints.items():
            length = math.dist(body.points[f"{side}_{a}"], body.points[f"{side}_{b}"])
            assert length == pytest.approx(pose.LENGTHS[limb], abs=0.05), f"{side} {limb}"
        foot = next(s for s in body.segments if s.name == f"{side}_foot")
        assert math.dist(foot.a, foot.b) == pytest.approx(pose.LENGTHS["foot"] + pose.LENGTHS["heel"], abs=0.05)


@pytest.mark.parametrize("name,picture", ALL, ids=IDS)
def test_the_body_rests_on_the_floor_and_never_goes_through_it(name, picture):
    solved = pose.solve(picture)
    body = solved.body
    assert body.lowest() == pytest.approx(body.padded, abs=0.1)
    if picture.position.startswith("lying"):
        # the back (or the side) touches the floor, or the ball under it carries the hips
        trunk = body.lowest({"trunk"})
        assert trunk < (2.5 if picture.roll else 1.0) or any(p.kind == "ball" for p in solved.props)
        assert trunk < 8
    if picture.position == "standing":
        assert min(body.points["right_toe"][2], body.points["left_toe"][2]) < pose.RADII["foot"] + 1


# --- the picture: whole, inside its frame, the head on its neck ----------------------------------------

SVG_NS = "{http://www.w3.org/2000/svg}"
STROKE = re.compile(r"\.([a-z]+)\{[^}]*?stroke-width:([0-9.]+)")


def ink_boxes(svg_text: str) -> list[tuple[str, float, float, float, float]]:
    """(element, left, top, right, bottom) of every drawn element of a pose picture, its stroke included,
    read back from the SVG itself (paths of M/L/H/V/Z, circles, rects), independently of how it was made."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg_text)
    widths = {cls: float(w) for cls, w in STROKE.findall(root.find(f"{SVG_NS}style").text)}
    out = []
    for el in root.iter():
        tag = el.tag.replace(SVG_NS, "")
        if tag not in ("path", "circle", "rect"):
            continue
        classes = el.get("class", "").split()
        width = float(el.get("stroke-width") or max([widths.get(c, 0.0) for c in classes] + [0.0]))
        half = width / 2
        if tag == "circle":
            cx, cy, r = (float(el.get(k)) for k in ("cx", "cy", "r"))
            out.append((tag, cx - r - half, cy - r - half, cx + r + half, cy + r + half))
        elif tag == "rect":
            x, y, w, h = (float(el.get(k)) for k in ("x", "y", "width", "height"))
            out.append((tag, x - half, y - half, x + w + half, y + h + half))
        else:
            xs, ys, x, y = [], [], 0.0, 0.0
            for command, numbers in re.findall(r"([MLlHVZ])([^MLlHVZ]*)", el.get("d")):
                values = [float(v) for v in numbers.replace(",", " ").split()]
                if command in "ML":
                    x, y = values
                elif command == "l":
                    x, y = x + values[0], y + values[1]
                elif command == "H":
                    x = values[0]
                elif command == "V":
                    y = values[0]
                if command != "Z":
                    xs.append(x)
                    ys.append(y)
            out.append((f"path.{'.'.join(classes)}", min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half))
    return out


def outside_the_frame(svg_text: str) -> list[str]:
    left, top, width, height = (float(v) for v in re.search(r'viewBox="([^"]+)"', svg_text).group(1).split())
    right, bottom = left + width, top + height
    return [f"{name} reaches {x0:.1f},{y0:.1f}-{x1:.1f},{y1:.1f}, frame {left},{top}-{right:.1f},{bottom:.1f}"
            for name, x0, y0, x1, y1 in ink_boxes(svg_text)
            if x0 < left - 0.05 or y0 < top - 0.05 or x1 > right + 0.05 or y1 > bottom + 0.05]


@pytest.mark.parametrize("name,picture", ALL, ids=IDS)
def test_every_drawn_element_lies_inside_the_picture(name, picture):
    """The frame (viewBox) holds the body, limbs, props and arrow with their strokes: nothing is cut off."""
    svg = pose.svg(pose.solve(picture), pose.describe(picture))
    assert outside_the_frame(svg) == []
    # and it is not padded out either: the ink reaches within a margin and a half of each edge
    boxes = ink_boxes(svg)
    left, top, width, height = (float(v) for v in re.search(r'viewBox="([^"]+)"', svg).group(1).split())
    assert min(b[1] for b in boxes) - left < 1.5 * pose.MARGIN + 1
    assert min(b[2] for b in boxes) - top < 1.5 * pose.MARGIN + 1


def test_the_frame_check_catches_a_limb_cut_off_at_the_edge():
    """Twin: the old framing (bounds from bone lines without their strokes, a small margin) cut off the
    raised arm of the standing side bend; the same picture with its frame pulled in is caught."""
    picture = next(p for name, p in ALL if name.startswith("quadratus-lumborum:stretch:") and p.stage == "end")
    svg = pose.svg(pose.solve(picture), pose.describe(picture))
    left, top, width, height = (float(v) for v in re.search(r'viewBox="([^"]+)"', svg).group(1).split())
    tight = svg.replace(f'viewBox="{pose._n(left)} ', f'viewBox="{pose._n(left + pose.MARGIN + 0.5)} ', 1)
    assert outside_the_frame(tight)


@pytest.mark.parametrize("name,picture", ALL, ids=IDS)
def test_the_head_sits_on_the_neck_in_every_view(name, picture):
    body = pose.solve(picture).body
    base, head = body.points["chest"], body.points["head"]
    # in the figure: the head's centre is a neck's length and a head's radius from the top of the trunk
    assert math.dist(base, head) == pytest.approx(pose.LENGTHS["neck"] + pose.HEAD_RADIUS, abs=0.05)
    trunk = [s for s in body.segments if s.part == "trunk"]
    for view in pose.VIEWS:
        project = lambda v: pose._project(view, v)[:2]
        (bx, by), (hx, hy) = project(base), project(head)
        # seen from any side, the neck reaches the head's circle, and its base is inside the drawn trunk
        assert math.hypot(hx - bx, hy - by) <= pose.LENGTHS["neck"] + pose.HEAD_RADIUS + 0.05, view
        assert min(_distance_to_segment((bx, by), project(s.a), project(s.b)) - s.radius for s in trunk) <= 0.05, view


def _distance_to_segment(p, a, b) -> float:
    ab = (b[0] - a[0], b[1] - a[1])
    length2 = ab[0] ** 2 + ab[1] ** 2
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / length2))
    return math.hypot(p[0] - a[0] - t * ab[0], p[1] - a[1] - t * ab[1])


def test_the_head_check_catches_a_head_off_its_neck():
    picture = next(p for name, p in ALL if name.startswith("quadratus-lumborum:stretch:") and p.stage == "end")
    body = copy.deepcopy(pose.solve(picture).body)  # the solved figure is kept (pose.solve): not changed here
    body.points["head"] = pose.add(body.points["head"], (0, 6, 0))  # the floating head the side bend had
    base, head = body.points["chest"], body.points["head"]
    assert math.dist(base, head) != pytest.approx(pose.LENGTHS["neck"] + pose.HEAD_RADIUS, abs=0.05)


@pytest.mark.parametrize("name,picture", [a for a in ALL if a[1].feet.right or a[1].feet.left],
                         ids=[n for n, p in ALL if p.feet.right or p.feet.left])
def test_a_resting_ankle_lies_on_the_other_thigh(name, picture):
    """The figure 4: the ankle rests skin on skin on the front of the other thigh, above the knee."""
    body = pose.solve(picture).body
    for side, other in (("right", "left"), ("left", "right")):
        if getattr(picture.feet, side) is None:
            continue
        hip, knee = body.points[f"{other}_thigh"], body.points[f"{other}_shank"]
        ankle = body.points[f"{side}_foot"]
        ab = pose.sub(knee, hip)
        t = pose.dot(pose.sub(ankle, hip), ab) / pose.dot(ab, ab)
        closest = pose.add(hip, pose.mul(ab, t))
        assert 0.6 < t < 1.0  # just above the knee
        assert math.dist(ankle, closest) == pytest.approx(pose.RADII["thigh"] + pose.RADII["shank"], abs=1.0)


def _floor_balls():
    for name, picture in ALL:
        for i, prop in enumerate(picture.props):
            if prop.item == "ball" and prop.under:
                yield name, picture, i


@pytest.mark.parametrize("name,picture,index", list(_floor_balls()), ids=[n for n, _, _ in _floor_balls()])
def test_a_ball_under_the_body_sits_between_the_trigger_point_and_the_floor(name, picture, index):
    solved = pose.solve(picture)
    point, _ = solved.body.point(picture.props[index].under)
    ball = next(p for p in solved.props if p.index == index and p.kind == "ball")
    assert ball.center[2] == pytest.approx(pose.BALL_RADIUS)  # on the floor
    assert math.dist(ball.center[:2], point[:2]) < 0.01  # straight under the point
    top = 2 * pose.BALL_RADIUS
    assert top - pose.BALL_SINK - 2.1 <= point[2] <= top  # the point rests on the top of the ball


def test_a_ball_against_the_wall_touches_the_point_and_the_wall():
    for name, picture in ALL:
        for i, prop in enumerate(picture.props):
            if prop.item != "ball" or prop.against != "wall":
                continue
            solved = pose.solve(picture)
            point, _ = solved.body.point(prop.at)
            ball, wall = [p for p in solved.props if p.index == i]
            assert math.dist(ball.center, point) == pytest.approx(pose.BALL_RADIUS - pose.BALL_SINK, abs=0.01)
            gap = pose.dot(pose.sub(ball.center, wall.center), wall.normal)
            assert gap == pytest.approx(pose.BALL_RADIUS, abs=0.01), name


@pytest.mark.parametrize("name,picture", [a for a in ALL if a[1].position != "sitting"][:12])
def test_left_and_right_are_mirror_images(name, picture):
    left = pose.mirror_pose(picture)
    a, b = pose.build(picture), pose.build(left)
    fa, fb = a.frames["pelvis"], b.frames["pelvis"]

    def local(body, frame, key):
        v = pose.sub(body.points[key], body.points["pelvis"])
        return (pose.dot(v, frame.front), pose.dot(v, frame.right), pose.dot(v, frame.up))

    for key in a.points:
        twin = key.replace("right", "\0").replace("left", "right").replace("\0", "left")
        f, r, u = local(a, fa, key)
        f2, r2, u2 = local(b, fb, twin)
        assert (f2, r2, u2) == pytest.approx((f, -r, u), abs=1e-6), key
    # the same words with left and right swapped (the right side is named first, so the order may differ)
    phrases = lambda text: sorted(re.split(r"[,;.] ", text.rstrip(".").lower()))
    assert phrases(pose.describe(left)) == phrases(pose._mirror_text(pose.describe(picture)))


def test_a_standing_figure_is_upright_and_a_lying_one_flat():
    standing = pose_schema.Pose(position="standing")
    body = pose.solve(standing).body
    assert body.points["head"][2] > 150 and body.points["head"][2] < 185
    lying = pose_schema.Pose(position="lying-back")
    body = pose.solve(lying).body
    assert body.points["head"][2] < 25 and abs(body.points["head"][0] - body.points["right_foot"][0]) > 140


@pytest.mark.parametrize("name,picture", ALL, ids=IDS)
def test_every_pose_draws_a_small_picture_with_its_text_alternative(name, picture):
    alt = pose.describe(picture)
    svg = pose.svg(pose.solve(picture), alt)
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title>" in svg
    assert len(svg) < 8000  # a few KB: pictures must not weigh down the page
    assert alt.endswith(".") and POSITION_WORD.match(alt)
    width, height = pose.size(svg)
    assert 60 < width < 600 and 60 < height < 600


POSITION_WORD = re.compile(r"^(Lying|Standing|Sitting|Kneeling)")


def test_the_text_alternative_says_what_the_picture_shows():
    site = load_site(ROOT / "content")
    end = next(m for m in site.muscles if m.id == "gluteus-medius").self_release.pictures[-1]
    text = pose.describe(end)
    assert text.startswith("Lying on the back, right knee bent and lowered out to the side")
    assert "a ball under the right buttock, below the back of the hip bone" in text
    assert "block under the right knee" in text and "arrow" in text


# --- poses that cannot be drawn are content errors with file, field and line ---


def line_of(content: Path, relative: str, needle: str) -> int:
    """The line where `needle` (which may span lines) starts."""
    text = (content / relative).read_text()
    assert needle in text, needle
    return text[:text.index(needle)].count("\n") + 1


BAD_POSES = {
    "unknown joint": (
        "        right_knee: {flexion: 90}\n      props:\n        - {item: pillow, under: head}\n        - {item: ball",
        "        right_knees: {flexion: 90}\n      props:\n        - {item: pillow, under: head}\n        - {item: ball",
        "right_knees:", "self_release.pictures[0].joints.right_knees", "unknown field"),
    "angle outside the normal range": (
        "right_hip: {flexion: 45}", "right_hip: {flexion: 150}", "right_hip: {flexion: 150}",
        "self_release.pictures[0].joints.right_hip.flexion",
        "hip flexion of 150 degrees is outside the normal range of motion (-15 to 120 degrees)"),
    "ball that does not touch the floor": (
        "    - stage: start\n      position: lying-back", "    - stage: start\n      position: standing",
        "- {item: ball, under: right-upper-buttock}", "self_release.pictures[0].props[1].under",
        "a ball under the right buttock, below the back of the hip bone cannot touch both the body and the floor"),
    "ball against a wall where the point faces the floor": (
        "        - {item: ball, under: right-upper-buttock}\n        - {item: block, under: right-knee}",
        "        - {item: ball, at: right-upper-buttock, against: wall}\n        - {item: block, under: right-knee}",
        "- {item: ball, at: right-upper-buttock, against: wall}\n        - {item: block, under: right-knee}",
        "self_release.pictures[1].props[1].at",
        "cannot touch the body: that point faces the floor or the ceiling"),
    "unknown body point": (
        "- {item: block, under: right-knee}", "- {item: block, under: right-kneecap}",
        "- {item: block, under: right-kneecap}", "self_release.pictures[1].props[2].under",
        "unknown body point 'right-kneecap'"),
    "block too high for the knee": (
        "right_hip: {flexion: 40, abduction: 40, rotation: 30}", "right_hip: {flexion: 90, abduction: 0}",
        "- {item: block, under: right-knee}", "self_release.pictures[1].props[2].under",
        "a block under the right knee must be 4 to 40 cm high"),
    "hand that cannot reach": (
        "      hands: {left: right-knee}", "      hands: {left: right-ankle}", "hands: {left: right-ankle}",
        "stretch.pictures[1].hands.left", "the left hand cannot reach the right ankle"),
    "end before start": (
        "    - stage: start\n      position: lying-back\n      joints:\n        right_hip: {flexion: 60}",
        "    - stage: end\n      position: lying-back\n      joints:\n        right_hip: {flexion: 60}",
        "- stage: end\n      position: lying-back\n      joints:\n        right_hip: {flexion: 60}",
        "stretch.pictures", "a start position and, where the movement matters, an end position"),
}


@pytest.mark.parametrize("case", sorted(BAD_POSES))
def test_a_pose_that_cannot_be_drawn_is_a_content_error(content_copy: Path, case: str):
    old, new, needle, field, message = BAD_POSES[case]
    edit(content_copy, MUSCLE, old, new)
    expected_line = line_of(content_copy, MUSCLE, needle)
    with pytest.raises(ContentError) as caught:
        load_site(content_copy)
    text = str(caught.value)
    assert f"content/{MUSCLE}: {field}" in text, text
    assert message in text, text
    assert f"{field} (line {expected_line})" in text, text


def test_the_real_poses_are_drawable_and_the_twin_bad_pose_is_not():
    good = {"position": "lying-back", "props": [{"item": "ball", "under": "right-upper-buttock"}]}
    assert pose_schema.Pose.model_validate(good)
    with pytest.raises(ValidationError) as caught:
        pose_schema.Pose.model_validate({**good, "position": "standing"})
    assert caught.value.errors()[0]["loc"] == ("props", 0, "under")


def test_the_build_writes_each_picture_beside_its_page():
    from atlas import render

    site = load_site(ROOT / "content")
    files = {page.path: page.markdown for page in render.render_site(site) if page.path.endswith(".svg")}
    expected = {f"muscles/{m.id}/poses/{key}{suffix}-{name}.svg"
                for m in site.muscles for key, exercise in (("self-release", m.self_release), ("stretch", m.stretch))
                for suffix, owner in (("", exercise), ("-pregnancy", getattr(exercise, "pregnancy_alternative", None)))
                for _, name, _ in pose_schema.labelled(getattr(owner, "pictures", []))}
    assert "muscles/gluteus-minimus/poses/self-release-back-group-start.svg" in expected
    assert set(files) == expected and len(expected) >= 7
    assert all(text.startswith("<svg") and "<title>" in text for text in files.values())


def test_an_exercise_with_two_ball_positions_has_a_picture_of_each_named_by_its_caption():
    """Gluteus minimus: the front group (side-lying) and the back group (lying on the back, the ball under
    the upper outer buttock), each with its own caption, as the steps describe them."""
    site = load_site(ROOT / "content")
    release = next(m for m in site.muscles if m.id == "gluteus-minimus").self_release
    labels = pose_schema.labelled(release.pictures)
    assert [(caption, name) for caption, name, _ in labels] == [("Front group", "start"),
                                                                ("Back group", "back-group-start")]
    back = labels[1][2]
    assert back.position == "lying-back" and "back group, lie on your back" in " ".join(release.steps).lower()
    assert "a ball under the upper, outer part of the right buttock" in pose.describe(back)
    # one position: plain Start and End, as before
    medius = next(m for m in site.muscles if m.id == "gluteus-medius").self_release
    assert [c for c, _, _ in pose_schema.labelled(medius.pictures)] == ["Start", "End"]


@pytest.mark.parametrize("stages,message", [
    ([("start", None), ("start", None)], "says what each shows"),
    ([("start", "Front group"), ("end", "Back group")], "'shows' names a start picture"),
    ([("end", None)], "a start position and, where the movement matters, an end position"),
    ([("start", "Front group"), ("end", None), ("end", None)], "a start position and"),
])
def test_pictures_of_more_than_one_position_must_say_which_is_which(stages, message):
    pictures = [{"stage": stage, "position": "lying-back", **({"shows": shows} if shows else {})}
                for stage, shows in stages]
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(pose_schema.Pictures).validate_python(pictures)
    assert message in str(caught.value)
    good = [{"stage": "start", "shows": "Front group", "position": "lying-back"},
            {"stage": "end", "position": "lying-back"},
            {"stage": "start", "shows": "Back group", "position": "lying-back"}]
    assert len(TypeAdapter(pose_schema.Pictures).validate_python(good)) == 3


def test_the_ranges_of_motion_are_the_cited_ones():
    """pose_schema.RANGES carries its sources beside it; the values checked against them hold, and the
    ones that differ from the remembered figures were changed (hip extension 15, not 30; rotation 40 in and
    60 out, not 45 each way)."""
    source = Path(pose_schema.__file__).read_text()
    assert "Wilson JJ, Furukawa M. Evaluation of the patient with hip pain. Am Fam Physician. 2014;89(1):27-34" in source
    assert "Norkin CC, White DJ. Measurement of Joint Motion: A Guide to Goniometry" in source
    assert "NOT CHECKED" in source  # what could not be checked says so
    assert pose_schema.HipAngles(flexion=-15, rotation=60)
    assert pose_schema.ShoulderAngles(flexion=180, abduction=180) and pose_schema.ElbowAngles(flexion=150)
    for bad in ({"flexion": -20}, {"rotation": -45}, {"rotation": 65}, {"flexion": 125}):
        with pytest.raises(ValidationError):
            pose_schema.HipAngles(**bad)
    with pytest.raises(ValidationError):
        pose_schema.ElbowAngles(flexion=155)


def test_a_limb_that_would_go_into_the_wall_is_a_content_error():
    """Skin, not bone lines, is checked against a wall: standing side-on with a ball at the front of the hip
    and leaning toward the wall put the shoulder and hanging arm into it (the picture drew the arm through
    the wall); leaning a little away keeps the body clear."""
    ball = [{"item": "ball", "at": "right-front-hip", "against": "wall"}]
    with pytest.raises(ValidationError) as caught:
        pose_schema.Pose.model_validate({"position": "standing", "view": "front",
                                         "joints": {"trunk": {"side_bend": 8}}, "props": ball})
    assert "into the wall" in str(caught.value)
    assert pose_schema.Pose.model_validate({"position": "standing", "view": "front",
                                            "joints": {"trunk": {"side_bend": -6}}, "props": ball})
