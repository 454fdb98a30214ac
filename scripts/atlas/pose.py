"""Exercise positions: a simple line figure solved in 3D from a pose in content, drawn as a small SVG.

The figure is a fixed skeleton (segment lengths of an average adult, in centimetres) posed by the joint
angles in content (atlas.pose_schema), turned into its position (lying on the back, standing, ...), set down
so that it rests on the floor, and seen from one side (orthographic). Props are placed from the body point
they touch: a ball sits between that point and the floor or the wall, a block under a knee, a chair under the
hips or at a hand. The same solved figure checks the content (`problems`), draws the SVG (`svg`) and writes
the text alternative (`describe`), so the picture, its words and the checks cannot disagree.

World axes: x along the floor, left to right in a side view; y toward the viewer of a side view; z up.
Pictures show the right side: in the side view the person's right side faces the viewer.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from html import escape

from atlas.pose_schema import RANGES

Vec = tuple[float, float, float]
RANGES_KNEE = RANGES["knee"]["flexion"]

# --- small vector helpers ---------------------------------------------------


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def mul(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def norm(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def unit(a: Vec) -> Vec:
    length = norm(a)
    return mul(a, 1 / length) if length else a


def rotation(axis: Vec, degrees: float):
    """The turn about `axis` by `degrees` (right-hand rule; Rodrigues' formula) as a function of a vector,
    its matrix worked out once for all the vectors a joint moves."""
    kx, ky, kz = unit(axis)
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    d = 1 - c
    m = ((c + kx * kx * d, kx * ky * d - kz * s, kx * kz * d + ky * s),
         (ky * kx * d + kz * s, c + ky * ky * d, ky * kz * d - kx * s),
         (kz * kx * d - ky * s, kz * ky * d + kx * s, c + kz * kz * d))
    (a, b, e), (f, g, h), (i, j, k) = m

    def turn(v: Vec) -> Vec:
        x, y, z = v
        return (a * x + b * y + e * z, f * x + g * y + h * z, i * x + j * y + k * z)

    return turn


def rotate(v: Vec, axis: Vec, degrees: float) -> Vec:
    """`v` turned about `axis` by `degrees` (right-hand rule)."""
    return rotation(axis, degrees)(v)


@dataclasses.dataclass(frozen=True)
class Frame:
    """Three body directions: front (anterior), right, up (toward the head). `right == front x up`."""

    front: Vec
    right: Vec
    up: Vec

    def turned(self, axis: Vec, degrees: float) -> Frame:
        turn = rotation(axis, degrees)
        return Frame(turn(self.front), turn(self.right), turn(self.up))

    def local(self, front: float = 0, right: float = 0, up: float = 0) -> Vec:
        return add(add(mul(self.front, front), mul(self.right, right)), mul(self.up, up))


# --- the skeleton -------------------------------------------------------------

LENGTHS = {
    "thigh": 43.0, "shank": 43.0, "foot": 18.0, "heel": 5.0, "upper_arm": 29.0, "forearm": 33.0,
    "trunk": 48.0, "neck": 9.0,
}
"""Centimetres, joint to joint (forearm to the fingertips): an average adult."""
HIP_HALF_WIDTH = 9.0
SHOULDER_HALF_WIDTH = 18.0
HEAD_RADIUS = 10.5
RADII = {"trunk": 11.0, "flank": 7.0, "thigh": 7.0, "shank": 5.0, "foot": 3.0, "upper_arm": 4.2,
         "forearm": 3.4, "neck": 4.5}
"""Half the thickness of each part: the skin is this far from the bone line."""
BALL_RADIUS = 3.5
"""A massage ball about 7 cm across."""
BALL_SINK = 1.5
"""How far the soft tissue gives over the ball: the body point rests this much below the top of the ball."""

BODY_POINTS: dict[str, tuple[str, tuple[float, float, float], str]] = {
    # name: (segment the point moves with, (front, right, up) offset in that segment's frame, words)
    "head": ("head", (0, 0, 0), "the head"),
    "pelvis": ("pelvis", (-3, 0, -8), "the hips"),
    "right-upper-buttock": ("pelvis", (-12, 8, 5),
                            "the right buttock, below the back of the hip bone"),
    "right-mid-buttock": ("pelvis", (-12, 8, -2), "the middle of the right buttock"),
    "right-inner-buttock": ("pelvis", (-12, 3.5, 0),
                            "the inner edge of the right buttock, beside the flat bone at the base of the spine"),
    "right-outer-buttock": ("pelvis", (-9, 12, 2), "the outer part of the right buttock, behind the side of the hip"),
    "right-upper-outer-buttock": ("pelvis", (-11, 9, 4), "the upper, outer part of the right buttock"),
    "right-front-hip": ("pelvis", (3, 16.5, 4),
                        "the right side of the hip, below and behind the bony point at the front of the hip bone"),
    "right-low-back": ("chest", (-12, 7, -30),
                       "the right side of the low back, between the lowest rib and the top of the hip bone"),
    "right-knee": ("right_shank", (0, 0, 0), "the right knee"),
    "left-knee": ("left_shank", (0, 0, 0), "the left knee"),
    "right-thigh": ("right_thigh", (0, 0, -25), "the right thigh"),
    "left-thigh": ("left_thigh", (0, 0, -25), "the left thigh"),
    "right-ankle": ("right_foot", (0, 0, 0), "the right ankle"),
    "left-ankle": ("left_foot", (0, 0, 0), "the left ankle"),
    "right-foot": ("right_foot", (0, 0, 0), "the right foot"),
    "left-foot": ("left_foot", (0, 0, 0), "the left foot"),
    "right-hand": ("right_hand", (0, 0, 0), "the right hand"),
    "left-hand": ("left_hand", (0, 0, 0), "the left hand"),
}
"""Named points of the body that props and hands touch. Trigger point areas are on the skin; the rest are
joint centres. New places a ball goes are new entries here (with the words the text alternative uses); each
`right-` point has its mirror image `left-` made below."""


def _mirror_text(text: str) -> str:
    return text.replace("right", "\0").replace("left", "right").replace("\0", "left")


for _name, (_segment, (_f, _r, _u), _words) in list(BODY_POINTS.items()):
    if _name.startswith("right-"):
        BODY_POINTS.setdefault(_mirror_text(_name), (_mirror_text(_segment), (_f, -_r, _u), _mirror_text(_words)))

MIRROR_WORDS = {"right": "left", "left": "right"}


@dataclasses.dataclass
class Segment:
    name: str
    a: Vec
    b: Vec
    radius: float
    part: str
    """The drawing group: limbs are drawn whole, one over another in depth order."""


@dataclasses.dataclass
class Body:
    points: dict[str, Vec]
    frames: dict[str, Frame]
    segments: list[Segment]
    padded: float = 0.0
    """How far a pad under a kneeling knee raised the body."""

    def move(self, shift: Vec) -> None:
        self.points = {k: add(v, shift) for k, v in self.points.items()}
        for s in self.segments:
            s.a, s.b = add(s.a, shift), add(s.b, shift)

    def turn(self, names: Iterable[str], pivot: Vec, axis: Vec, degrees: float, parts: set[str]) -> None:
        """Turn some points and segments rigidly about an axis through `pivot`."""
        turn = rotation(axis, degrees)
        for k in names:
            self.points[k] = add(pivot, turn(sub(self.points[k], pivot)))
        for k, f in list(self.frames.items()):
            if k in names:
                self.frames[k] = Frame(turn(f.front), turn(f.right), turn(f.up))
        for s in self.segments:
            if s.part in parts:
                s.a = add(pivot, turn(sub(s.a, pivot)))
                s.b = add(pivot, turn(sub(s.b, pivot)))

    def lowest(self, parts: set[str] | None = None) -> float:
        zs = [min(s.a[2], s.b[2]) - s.radius for s in self.segments if parts is None or s.part in parts]
        if parts is None or "head" in parts:
            zs.append(self.points["head"][2] - HEAD_RADIUS)
        return min(zs)

    def point(self, name: str) -> tuple[Vec, Vec]:
        """A named body point and the outward direction of the skin there."""
        segment, (f, r, u), _ = BODY_POINTS[name]
        frame = self.frames[segment]
        offset = frame.local(f, r, u)
        outward = frame.local(f, r, 0)
        return add(self.points[segment], offset), unit(outward) if norm(outward) else (0.0, 0.0, -1.0)


def _abducted(limb: Frame, outward: Vec, degrees: float) -> Frame:
    """The limb moved `degrees` toward `outward` (negative: across the body), in the plane that holds the
    limb and that direction: in the anatomical position that is the frontal plane; with the hip or
    shoulder bent, the knee or hand moves out to the side (horizontal abduction), as clinicians describe it."""
    axis = cross(mul(limb.up, -1), outward)
    if norm(axis) < 1e-6:
        return limb
    return limb.turned(axis, degrees)


def _leg(body: Body, side: str, pelvis: Frame, hip: Vec, hip_angles, knee_angles) -> None:
    out = 1 if side == "right" else -1
    f = Frame(pelvis.front, pelvis.right, pelvis.up)
    f = f.turned(f.up, -out * hip_angles.rotation)  # outward rotation turns the knee out
    f = f.turned(pelvis.right, hip_angles.flexion)
    f = _abducted(f, mul(pelvis.right, out), hip_angles.abduction)
    knee = add(hip, mul(f.up, -LENGTHS["thigh"]))
    shank = f.turned(f.right, -knee_angles.flexion)
    ankle = add(knee, mul(shank.up, -LENGTHS["shank"]))
    _set_leg(body, side, hip, knee, ankle, f, shank)


def _set_leg(body: Body, side: str, hip: Vec, knee: Vec, ankle: Vec, thigh: Frame, shank: Frame) -> None:
    """Put one leg's points, frames and drawn segments where its joints are (replacing any before)."""
    toe = add(ankle, mul(shank.front, LENGTHS["foot"]))
    heel = add(ankle, mul(shank.front, -LENGTHS["heel"]))
    body.points |= {f"{side}_thigh": hip, f"{side}_shank": knee, f"{side}_foot": ankle, f"{side}_toe": toe}
    body.frames |= {f"{side}_thigh": thigh, f"{side}_shank": shank, f"{side}_foot": shank}
    part = f"{side}_leg"
    body.segments = [s for s in body.segments if s.part != part] + [
        Segment(f"{side}_thigh", hip, knee, RADII["thigh"], part),
        # the shin stops short of the ankle, so the foot (thinner) is what stands on the floor
        Segment(f"{side}_shank", knee, add(ankle, mul(shank.up, RADII["shank"] - RADII["foot"])),
                RADII["shank"], part),
        Segment(f"{side}_foot", heel, toe, RADII["foot"], part)]


def _aligned(frame: Frame, up: Vec) -> Frame:
    """`frame` turned the least way that points its `up` along `up`."""
    axis = cross(frame.up, up)
    if norm(axis) < 1e-9:
        return frame
    return frame.turned(axis, math.degrees(math.atan2(norm(axis), dot(frame.up, unit(up)))))


def _resting_spot(body: Body, target: str) -> Vec:
    """Where an ankle lies when it rests on `target` (a knee or thigh): on the front of that thigh, a hand's
    width above the knee, skin on skin."""
    side = "left" if target.startswith("left") else "right"
    hip, knee = body.points[f"{side}_thigh"], body.points[f"{side}_shank"]
    along = add(knee, mul(unit(sub(hip, knee)), 8))
    return add(along, mul(body.frames[f"{side}_thigh"].front, RADII["thigh"] + RADII["shank"]))


FOOT_TARGETS = ("left-knee", "right-knee", "left-thigh", "right-thigh")


def _rest_feet(body: Body, pose, problems: list) -> None:
    """An ankle that rests on the other leg (the figure 4) is put there: the leg bends at the knee to reach
    it, the knee kept where the hip angles turned it."""
    for side in ("right", "left"):
        target = getattr(pose.feet, side)
        if target is None:
            continue
        if target not in FOOT_TARGETS or target.startswith(side):
            problems.append((("feet", side), f"the {side} ankle rests on the other knee or thigh; got {target!r} "
                             f"(one of: {', '.join(t for t in FOOT_TARGETS if not t.startswith(side))})"))
            continue
        hip = body.points[f"{side}_thigh"]
        spot = _resting_spot(body, target)
        reach = LENGTHS["thigh"] + LENGTHS["shank"]
        if norm(sub(spot, hip)) > reach + 2:
            problems.append((("feet", side), (
                f"the {side} ankle cannot reach {BODY_POINTS[target][2]} in this position "
                f"({norm(sub(spot, hip)) - reach:.0f} cm short)")))
            continue
        knee, ankle = _two_link(hip, spot, sub(body.points[f"{side}_shank"], hip), LENGTHS["thigh"], LENGTHS["shank"])
        thigh = _aligned(body.frames[f"{side}_thigh"], sub(hip, knee))
        shank = _aligned(body.frames[f"{side}_shank"], sub(knee, ankle))
        flexion = 180 - math.degrees(math.acos(max(-1.0, min(1.0, dot(unit(sub(hip, knee)), unit(sub(ankle, knee)))))))
        low, high = RANGES_KNEE
        if not low <= flexion <= high:
            problems.append((("feet", side), (
                f"to rest the {side} ankle on {BODY_POINTS[target][2]} the {side} knee would bend {flexion:.0f} "
                f"degrees, outside its normal range of motion ({low:g} to {high:g} degrees)")))
            continue
        _set_leg(body, side, hip, knee, ankle, thigh, shank)


def _two_link(root: Vec, target: Vec, bend: Vec, a: float, b: float) -> tuple[Vec, Vec]:
    """Middle joint and end of a two-link limb (lengths `a`, `b`) from `root` toward `target`, the middle
    joint bent toward `bend`; a target out of reach is reached for along the same line."""
    to = sub(target, root)
    d = max(min(norm(to), a + b - 0.01), abs(a - b) + 0.01)
    direction = unit(to)
    end = add(root, mul(direction, d))
    along = (a * a - b * b + d * d) / (2 * d)
    height = math.sqrt(max(a * a - along * along, 0.0))
    side = unit(sub(bend, mul(direction, dot(bend, direction))))
    return add(add(root, mul(direction, along)), mul(side, height)), end


def _reach(shoulder: Vec, target: Vec, bend: Vec) -> tuple[Vec, Vec]:
    """Elbow and hand of an arm whose hand rests on `target` (two-link inverse kinematics)."""
    # the palm rests on the target, not the fingertips
    return _two_link(shoulder, target, bend, LENGTHS["upper_arm"], LENGTHS["forearm"] - 5)


def _arm(body: Body, side: str, chest: Frame, shoulder: Vec, angles, elbow_angles, target: Vec | None) -> None:
    out = 1 if side == "right" else -1
    f = chest.turned(chest.right, angles.flexion)
    f = _abducted(f, mul(chest.right, out), angles.abduction)
    if target is None:
        elbow = add(shoulder, mul(f.up, -LENGTHS["upper_arm"]))
        fore = f.turned(f.right, elbow_angles.flexion)
        hand = add(elbow, mul(fore.up, -LENGTHS["forearm"]))
    else:
        elbow, _ = _reach(shoulder, target, add(mul(chest.right, out), mul(chest.up, -0.5)))
        hand = add(elbow, mul(unit(sub(target, elbow)), LENGTHS["forearm"]))
    part = f"{side}_arm"
    body.points |= {f"{side}_upper_arm": shoulder, f"{side}_forearm": elbow, f"{side}_hand": hand}
    body.frames |= {f"{side}_hand": f}
    body.segments += [Segment(f"{side}_upper_arm", shoulder, elbow, RADII["upper_arm"], part),
                      Segment(f"{side}_forearm", elbow, hand, RADII["forearm"], part)]


ORIENTATIONS = {
    # position: (front, up) of the pelvis in world axes; right = front x up faces the viewer of a side view
    "standing": ((-1, 0, 0), (0, 0, 1)),
    "sitting": ((-1, 0, 0), (0, 0, 1)),
    "kneeling": ((-1, 0, 0), (0, 0, 1)),
    "half-kneeling": ((-1, 0, 0), (0, 0, 1)),
    "lying-back": ((0, 0, 1), (1, 0, 0)),
    "lying-front": ((0, 0, -1), (-1, 0, 0)),
    "lying-right-side": ((0, 1, 0), (1, 0, 0)),
    "lying-left-side": ((0, 1, 0), (-1, 0, 0)),
}

DEFAULT_VIEWS = {
    "standing": "side", "sitting": "side", "kneeling": "side", "half-kneeling": "side", "lying-back": "side",
    "lying-front": "side", "lying-right-side": "side", "lying-left-side": "side",
}


def _pelvis_frame(pose) -> Frame:
    front, up = ORIENTATIONS[pose.position]
    frame = Frame(front, cross(front, up), up)
    if pose.roll:
        # Turn about the long axis so the named side goes down toward the floor.
        toward = {"right": frame.right, "left": mul(frame.right, -1), "front": frame.front,
                  "back": mul(frame.front, -1)}[pose.roll.toward]
        # the side that goes down moves toward -z: the axis is toward x down
        axis = cross(toward, (0, 0, -1))
        if norm(axis) < 1e-6:  # that side already faces the floor: roll about the long axis instead
            axis = frame.up
        frame = frame.turned(axis, pose.roll.degrees)
    return frame


def build(pose) -> Body:
    """The posed skeleton in world axes, before it is set down on the floor."""
    j = pose.joints
    pelvis = _pelvis_frame(pose)
    origin = (0.0, 0.0, 0.0)
    body = Body({"pelvis": origin}, {"pelvis": pelvis}, [])
    for side, out in (("right", 1), ("left", -1)):
        hip = add(origin, mul(pelvis.right, out * HIP_HALF_WIDTH))
        _leg(body, side, pelvis, hip, getattr(j, f"{side}_hip"), getattr(j, f"{side}_knee"))
    chest = pelvis.turned(pelvis.front, j.trunk.side_bend)
    chest = chest.turned(pelvis.right, -j.trunk.flexion)  # the trunk's up turns toward its front
    chest = chest.turned(chest.up, -j.trunk.rotation)
    neck = add(origin, mul(chest.up, LENGTHS["trunk"]))
    body.points["chest"] = neck
    body.frames["chest"] = chest
    head_frame = chest.turned(chest.right, -j.neck.flexion).turned(chest.up, -j.neck.turn)
    head = add(neck, mul(head_frame.up, LENGTHS["neck"] + HEAD_RADIUS))
    body.points["head"] = head
    body.frames["head"] = head_frame
    body.segments.append(Segment("neck", neck, head, RADII["neck"], "head"))
    body.segments.append(Segment("trunk", add(origin, mul(pelvis.up, 2)), add(neck, mul(chest.up, -6)),
                                 RADII["trunk"], "trunk"))
    for side, out in (("right", 1), ("left", -1)):
        hip = add(origin, mul(pelvis.right, out * HIP_HALF_WIDTH * 0.8))
        shoulder = add(neck, add(mul(chest.right, out * SHOULDER_HALF_WIDTH), mul(chest.up, -3)))
        body.segments.append(Segment(f"{side}_flank", hip, add(shoulder, mul(chest.up, -4)), RADII["flank"], "trunk"))
        target = getattr(pose.hands, side)
        target_point = body.point(target)[0] if target else None
        _arm(body, side, chest, shoulder, getattr(j, f"{side}_shoulder"), getattr(j, f"{side}_elbow"), target_point)
    return body


@dataclasses.dataclass
class Placed:
    """A prop where the solved pose puts it."""

    item: str
    kind: str  # "ball", "box", "wall", "chair"
    center: Vec
    size: Vec = (0.0, 0.0, 0.0)
    normal: Vec = (0.0, 0.0, 0.0)
    index: int = 0


@dataclasses.dataclass
class Solved:
    pose: object
    body: Body
    props: list[Placed]
    problems: list[tuple[tuple, str]]


def _long_axis(body: Body) -> Vec:
    return unit(sub(body.points["chest"], body.points["pelvis"]))


def _lowest_turned(segments: list[Segment], pivot: Vec, axis: Vec):
    """A function of an angle: the lowest skin point of these segments if they were turned about `pivot` by
    it. What `Body.turn` then `Body.lowest` would give, without moving anything: by Rodrigues' formula the
    height of a turned point is `base + along_cos * cos + along_sin * sin`, fixed numbers for each point."""
    k = unit(axis)
    terms = []
    for segment in segments:
        for p in (segment.a, segment.b):
            v = sub(p, pivot)
            steady = k[2] * dot(k, v)
            terms.append((pivot[2] + steady - segment.radius, v[2] - steady, k[0] * v[1] - k[1] * v[0]))

    def lowest(degrees: float) -> float:
        t = math.radians(degrees)
        c, s = math.cos(t), math.sin(t)
        return min(base + along_cos * c + along_sin * s for base, along_cos, along_sin in terms)

    return lowest


def _settle_legs(body: Body, touching_before: set[str]) -> None:
    """After the hips moved, set each leg back on the floor (rigidly at the hip): a leg that rested on the
    floor and now floats is lowered, a leg that now goes into the floor is raised."""
    for side in ("right", "left"):
        part = f"{side}_leg"
        low_point = body.lowest({part})
        lower = part in touching_before and low_point > 0.05
        if not lower and low_point >= -0.05:
            continue
        hip = body.points[f"{side}_thigh"]
        direction = sub(body.points[f"{side}_foot"], hip)
        axis = cross(direction, (0, 0, 1))
        if norm(axis) < 1e-6:
            continue
        names = [f"{side}_thigh", f"{side}_shank", f"{side}_foot", f"{side}_toe"]
        sign = -1 if lower else 1  # turning by -angle about this axis lowers the leg
        low, high = 0.0, 40.0
        lowest_turned = _lowest_turned([s for s in body.segments if s.part == part], hip, axis)
        for _ in range(40):  # bisection: the smallest turn that sets the leg on the floor
            mid = (low + high) / 2
            if (lowest_turned(sign * mid) > 0) == lower:
                low = mid
            else:
                high = mid
        body.turn(names, hip, axis, sign * high, {part})


def _resting_legs(body: Body, pose) -> set[str]:
    """Legs that lie on the floor (a lying body's legs rest on it, they do not hover a few cm above); a leg
    drawn up toward the chest is held there, not resting."""
    return {f"{side}_leg" for side in ("right", "left")
            if body.lowest({f"{side}_leg"}) < 8 and getattr(pose.joints, f"{side}_hip").flexion < 75}


def _lift_hips(body: Body, lift: float, pose) -> None:
    """Raise the hips over a ball under the body: the trunk turns about the shoulders, the legs follow."""
    pelvis = body.points["pelvis"]
    head_side = add(body.points["chest"], (0, 0, 0))
    along = sub(pelvis, head_side)
    flat = unit((along[0], along[1], 0.0))
    axis = cross(flat, (0, 0, 1))
    distance = norm((along[0], along[1], 0.0))
    degrees = math.degrees(math.asin(max(-1.0, min(lift / distance, 1.0))))
    touching = _resting_legs(body, pose)
    upper = {"trunk", "head", "right_arm", "left_arm"}
    names = ["pelvis", "right_thigh", "left_thigh"]
    # the trunk turns about the upper back; the hips and everything below them move with it
    before = {k: body.points[k] for k in names}
    body.turn(["pelvis"], head_side, axis, degrees, {"trunk"})
    shift = sub(body.points["pelvis"], before["pelvis"])
    for side in ("right", "left"):
        for k in (f"{side}_thigh", f"{side}_shank", f"{side}_foot", f"{side}_toe"):
            body.points[k] = add(body.points[k], shift)
        for s in body.segments:
            if s.part == f"{side}_leg":
                s.a, s.b = add(s.a, shift), add(s.b, shift)
    del upper
    _settle_legs(body, touching)
    body.move((0, 0, -min(0.0, body.lowest())))


def _flatten_feet(body: Body, pose) -> None:
    """A bent leg's foot near the floor rests flat on it (the ankle gives), instead of pointing into it."""
    for side in ("right", "left"):
        if getattr(pose.joints, f"{side}_knee").flexion < 30:
            continue
        ankle = body.points[f"{side}_foot"]
        toe_down = body.points[f"{side}_toe"][2] < RADII["foot"] + 2 and ankle[2] > 10  # a kneeling leg's foot points into the floor
        if ankle[2] > 15 and not toe_down:
            continue
        knee = body.points[f"{side}_shank"]
        front = body.frames[f"{side}_foot"].front
        flat = (front[0], front[1], 0.0)
        if norm(flat) < 0.3 or front[2] < -0.7:  # a shank along the floor (kneeling): the foot lies behind it
            flat = (ankle[0] - knee[0], ankle[1] - knee[1], 0.0)
        flat = unit(flat)
        toe = add(ankle, mul(flat, LENGTHS["foot"]))
        heel = add(ankle, mul(flat, -LENGTHS["heel"]))
        body.points[f"{side}_toe"] = toe
        for s in body.segments:
            if s.name == f"{side}_foot":
                s.a, s.b = heel, toe


def solve(pose) -> Solved:
    """The pose's figure, solved once per pose: checking the content and drawing the picture use the same one
    (`Pose._solved` keeps it; the figure is never changed after it is solved)."""
    if pose._solved is None:
        pose._solved = _solve(pose)
    return pose._solved


def _solve(pose) -> Solved:
    body = build(pose)
    body.move((0, 0, -body.lowest()))
    _flatten_feet(body, pose)
    body.move((0, 0, -body.lowest()))
    if pose.position.startswith("lying"):
        _settle_legs(body, _resting_legs(body, pose))
    problems: list[tuple[tuple, str]] = []
    props: list[Placed] = []
    lying = pose.position.startswith("lying")

    # A ball under the body lifts the hips; do that first, every other prop is placed on the final figure.
    for i, prop in enumerate(pose.props):
        if prop.item == "ball" and prop.under and prop.under in BODY_POINTS and lying:
            point, outward = body.point(prop.under)
            need = 2 * BALL_RADIUS - BALL_SINK
            # The hips rest on the ball: raised over it, or (side-lying, where the shoulder bears the weight)
            # lowered onto it.
            if outward[2] < -0.5 and abs(point[2] - need) > 0.5 and point[2] < need + 8:
                _lift_hips(body, need - point[2], pose)

    _rest_feet(body, pose, problems)
    body.move((0, 0, -min(0.0, body.lowest())))

    for i, prop in enumerate(pose.props):
        where = prop.under or prop.at or prop.beside
        field = "under" if prop.under else "at" if prop.at else "beside"
        if where not in BODY_POINTS:
            problems.append((("props", i, field), f"unknown body point {where!r}; known points: "
                             + ", ".join(sorted(BODY_POINTS))))
            continue
        point, outward = body.point(where)
        words = BODY_POINTS[where][2]
        if prop.beside:
            # On the floor, on the outer side of that point, a hand's width from the skin.
            pelvis = body.frames["pelvis"]
            side = -1 if where.startswith("left") else 1
            out = unit((pelvis.right[0] * side, pelvis.right[1] * side, 0.0))
            height = {"block": 15.0, "bolster": 15.0, "pillow": 8.0, "ball": 2 * BALL_RADIUS}[prop.item]
            spot = add((point[0], point[1], height / 2), mul(out, 22))
            if prop.item == "ball":
                props.append(Placed("ball", "ball", (spot[0], spot[1], BALL_RADIUS), index=i))
            else:
                props.append(Placed(prop.item, "box", spot, size=(15, 23, height), index=i))
            continue
        if prop.item == "ball":
            if prop.against == "floor":
                gap = point[2] - (2 * BALL_RADIUS - BALL_SINK)
                if outward[2] > -0.5 or gap > 2:
                    problems.append((("props", i, field), (
                        f"a ball under {words} cannot touch both the body and the floor in this position "
                        f"(that point is {max(point[2], 0):.0f} cm above the floor); lie on it, or put the ball "
                        "against a wall (against: wall, at: the point)")))
                    continue
                center = (point[0], point[1], BALL_RADIUS)
                props.append(Placed("ball", "ball", center, index=i))
            else:
                flat = (outward[0], outward[1], 0.0)
                if norm(flat) < 0.6 or abs(outward[2]) > 0.8:
                    problems.append((("props", i, "at"), (
                        f"a ball against a wall at {words} cannot touch the body: that point faces the floor or "
                        "the ceiling in this position, not a wall")))
                    continue
                direction = unit(flat)
                center = add(point, mul(direction, BALL_RADIUS - BALL_SINK))
                wall = add(center, mul(direction, BALL_RADIUS))
                props.append(Placed("ball", "ball", center, index=i))
                props.append(Placed("wall", "wall", wall, normal=mul(direction, -1), index=i))
        elif prop.item in ("block", "bolster", "pillow"):
            if prop.under is None:
                problems.append((("props", i, "at"), f"a {prop.item} goes under a body point (under: ...)"))
                continue
            if where == "head":
                skin = point[2] - HEAD_RADIUS
            else:
                radius = next((s.radius for s in body.segments if s.name == BODY_POINTS[where][0]), 5.0)
                skin = point[2] - radius
            low, high = {"pillow": (2, 20), "block": (4, 40), "bolster": (8, 40)}[prop.item]
            if prop.item == "pillow" and where != "head" and not lying and skin < low:
                # A pad under a knee that kneels on the floor: the body rises onto it.
                body.move((0, 0, low + 3 - skin))
                body.padded = low + 3 - skin
                point, _ = body.point(where)
                radius = next((s.radius for s in body.segments if s.name == BODY_POINTS[where][0]), 5.0)
                skin = point[2] - radius
            if prop.item == "pillow" and where == "head" and lying and skin < low:
                _raise_head(body, low + 4)
                point, _ = body.point(where)
                skin = point[2] - HEAD_RADIUS
            if not low <= skin <= high:
                problems.append((("props", i, "under"), (
                    f"a {prop.item} under {words} must be {low} to {high} cm high to touch it, but {words} is "
                    f"{skin:.0f} cm above the floor in this position")))
                continue
            width = {"pillow": 40, "block": 23, "bolster": 22}[prop.item]
            size = (width if where == "head" else 15, 30 if where == "head" else width, skin)
            props.append(Placed(prop.item, "box", (point[0], point[1], skin / 2), size=size, index=i))
        elif prop.item == "chair":
            if where == "pelvis":
                seat = point[2] - 1
                if not 35 <= seat <= 60 or pose.position != "sitting":
                    problems.append((("props", i, "under"), (
                        "a chair under the hips needs a sitting position with the hips 35 to 60 cm above the floor "
                        f"(here {seat:.0f} cm)")))
                    continue
                props.append(Placed("chair", "chair", (point[0], point[1], seat), size=(42, 42, 85),
                                    normal=body.frames["pelvis"].front, index=i))
            elif where in ("left-hand", "right-hand"):
                if not 60 <= point[2] <= 110:
                    problems.append((("props", i, "at"), (
                        f"{words} is {point[2]:.0f} cm above the floor: too low or high to rest on the back of a "
                        "chair (60 to 110 cm)")))
                    continue
                toward = unit((point[0] - body.points["pelvis"][0], point[1] - body.points["pelvis"][1], 0))
                props.append(Placed("chair", "chair-back", add(point, mul(toward, 4)), size=(42, 42, point[2]),
                                    normal=toward, index=i))
            else:
                problems.append((("props", i, field), "a chair goes under the hips (pelvis) or at a hand"))
        elif prop.item == "wall":
            if where not in ("left-hand", "right-hand"):
                problems.append((("props", i, field), "a wall prop is at the hand that rests on it; a ball against "
                                 "a wall is a ball prop with against: wall"))
                continue
            toward = unit((point[0] - body.points["pelvis"][0], point[1] - body.points["pelvis"][1], 0))
            props.append(Placed("wall", "wall", add(point, mul(toward, RADII["forearm"])),
                                normal=mul(toward, -1), index=i))

    for placed in props:
        if placed.kind == "wall":
            # skin, not bone: a limb's surface may touch the wall (a hand resting on it), not go into it
            deepest = max(dot(sub(p, placed.center), mul(placed.normal, -1)) + s.radius for s in body.segments
                          for p in (s.a, s.b))
            if deepest > 1.0:
                problems.append((("props", placed.index), (
                    f"the body would go {deepest:.0f} cm into the wall in this position")))

    _reach_again(body, pose)
    _check_support(pose, body, props, problems)
    if pose.moves is not None:
        if pose.moves.part not in BODY_POINTS:
            problems.append((("moves", "part"), f"unknown body point {pose.moves.part!r}; known points: "
                             + ", ".join(sorted(BODY_POINTS))))
    for side in ("right", "left"):
        target = getattr(pose.hands, side)
        if target is None:
            continue
        if target not in BODY_POINTS:
            problems.append((("hands", side), f"unknown body point {target!r}; known points: "
                             + ", ".join(sorted(BODY_POINTS))))
        else:
            shoulder = body.points[f"{side}_upper_arm"]
            reach = LENGTHS["upper_arm"] + LENGTHS["forearm"]
            gap = norm(sub(body.point(target)[0], shoulder)) - reach
            if gap > 3:
                problems.append((("hands", side), (
                    f"the {side} hand cannot reach {BODY_POINTS[target][2]} in this position ({gap:.0f} cm short)")))
    return Solved(pose, body, props, problems)


def _reach_again(body: Body, pose) -> None:
    """Hands that hold a knee or a thigh follow it after the legs were set on the floor."""
    for side in ("right", "left"):
        target = getattr(pose.hands, side)
        if not target or target not in BODY_POINTS:
            continue
        body.segments = [s for s in body.segments if s.part != f"{side}_arm"]
        chest = body.frames["chest"]
        _arm(body, side, chest, body.points[f"{side}_upper_arm"], getattr(pose.joints, f"{side}_shoulder"),
             getattr(pose.joints, f"{side}_elbow"), body.point(target)[0])


def _raise_head(body: Body, height: float) -> None:
    """Rest the head on a pillow: the neck bends forward about its base until the head is `height` up."""
    base = body.points["chest"]
    along = sub(body.points["head"], base)
    axis = cross(along, (0, 0, 1))
    if norm(axis) < 1e-6:
        return
    for degrees in range(0, 60):
        head = add(base, rotate(along, axis, degrees))
        if head[2] - HEAD_RADIUS >= height - 4:
            break
    body.points["head"] = head
    body.frames["head"] = body.frames["head"].turned(axis, degrees)
    for s in body.segments:
        if s.name == "neck":
            s.b = head


SUPPORT = {
    "standing": ("right_leg", "left_leg"),
    "half-kneeling": ("right_leg", "left_leg"),
    "kneeling": ("right_leg", "left_leg"),
}


def _check_support(pose, body: Body, props: list[Placed], problems: list) -> None:
    """The position named must be the one the angles make: a standing body stands on a foot, and so on."""
    position = pose.position
    if position in ("standing", "kneeling", "half-kneeling"):
        feet = {side: min(body.points[f"{side}_foot"][2], body.points[f"{side}_toe"][2]) for side in ("right", "left")}
        knees = {side: body.points[f"{side}_shank"][2] - RADII["shank"] for side in ("right", "left")}
        on_floor = lambda z: z < 6 + body.padded
        if position == "standing" and not any(on_floor(z) for z in feet.values()):
            problems.append((("joints",), "a standing position needs a foot on the floor; check the hip and knee angles"))
        if position == "kneeling" and not all(on_floor(z) for z in knees.values()):
            problems.append((("joints",), "a kneeling position needs both knees on the floor (hips straight, knees bent)"))
        if position == "half-kneeling" and [on_floor(z) for z in knees.values()].count(True) != 1:
            problems.append((("joints",), "a half-kneeling position needs one knee on the floor and the other foot "
                             "forward (that hip and knee bent about 90 degrees)"))
    if position == "sitting" and not any(p.kind == "chair" for p in props):
        problems.append((("props",), "a sitting position needs a chair under the hips (item: chair, under: pelvis)"))


def problems(pose) -> list[tuple[tuple, str]]:
    return solve(pose).problems


# --- seeing it from one side -------------------------------------------------

VIEWS = {
    # view: (screen x axis, screen y axis (down), toward the viewer)
    "side": ((1, 0, 0), (0, 0, -1), (0, 1, 0)),
    "above": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "front": ((0, -1, 0), (0, 0, -1), (-1, 0, 0)),
    "back": ((0, 1, 0), (0, 0, -1), (1, 0, 0)),
    "feet": ((0, -1, 0), (0, 0, -1), (-1, 0, 0)),
}


def _oblique(raised: float, turned: float) -> tuple[Vec, Vec, Vec]:
    """A side view from `raised` degrees above the floor, turned `turned` degrees toward the -x end (the
    feet of a body lying on its back, the front of one sitting): shapes across the body, such as a figure 4,
    read in it."""
    r, t = math.radians(raised), math.radians(turned)
    toward = (-math.sin(t) * math.cos(r), math.cos(t) * math.cos(r), math.sin(r))
    across = (math.cos(t), math.sin(t), 0.0)
    return across, cross(toward, across), toward


VIEWS["oblique"] = _oblique(35, 15)


def view_of(pose) -> str:
    return pose.view or DEFAULT_VIEWS[pose.position]


def _project(view: str, p: Vec) -> tuple[float, float, float]:
    sx, sy, toward = VIEWS[view]
    return dot(p, sx), dot(p, sy), dot(p, toward)


SCALE = 2.0
"""Pixels per centimetre at the picture's natural size."""
MARGIN = 3.0
"""Centimetres of clear space between the outermost ink (stroke included) and the picture's edge."""
OUTLINE = 0.8
"""Half the width of the dark outline drawn round every body part."""
HALO = 1.2
"""A limb's pale rim: where it passes in front of another part, the part behind shows a gap, so crossing
limbs read as in front and behind (the usual device of line drawings)."""
INSET = 0.5
"""The floor and walls run to the frame's edges, stopping this short so their strokes stay inside it."""
FAR_DEPTH = 4.0
"""A limb whose middle is this many centimetres behind the trunk's is on the far side of the body: lighter."""

_STYLE = (
    "<style>"
    ".l{fill:none;stroke:#1b1b1b;stroke-linecap:round;stroke-linejoin:round}"
    ".f{fill:none;stroke:#f4e9e1;stroke-linecap:round;stroke-linejoin:round}"
    ".g{fill:none;stroke:#fff;stroke-linecap:round;stroke-linejoin:round}"
    ".far .f{stroke:#d9cbc0}"
    ".far .l{stroke:#5a5a5a}"
    ".m .f{stroke:#f2b8b5}"
    ".fl{stroke:#1b1b1b;stroke-width:.8;fill:none}"
    ".mat{fill:#ececec;stroke:#9a9a9a;stroke-width:.5}"
    ".p{fill:#dcdcdc;stroke:#1b1b1b;stroke-width:.7;stroke-linejoin:round}"
    ".b{fill:#1f5fa8;stroke:#1b1b1b;stroke-width:.7}"
    ".h{fill:none;stroke:#1f5fa8;stroke-width:1;stroke-dasharray:2 1.4}"
    ".a{fill:none;stroke:#b71c1c;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}"
    ".e{fill:#1b1b1b}"
    ".hd{fill:#f4e9e1;stroke:#1b1b1b;stroke-width:1.6}"
    ".hd.m{fill:#f2b8b5}"
    "</style>"
)
STROKES = {"fl": 0.8, "mat": 0.5, "p": 0.7, "b": 0.7, "h": 1.0, "a": 1.6, "hd": 1.6, "e": 0.0}
"""Stroke width of each class that sets one (the others say theirs on the element); the frame of the picture
is measured with them, so no ink is cut off at its edge."""


def _n(v: float) -> str:
    text = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    pts = sorted(set((round(x, 2), round(y, 2)) for x, y in points))
    if len(pts) < 3:
        return pts

    def turn(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _box_corners(center: Vec, size: Vec, front: Vec | None = None) -> list[Vec]:
    cx, cy, cz = center
    dx, dy, dz = size[0] / 2, size[1] / 2, size[2] / 2
    return [(cx + sx * dx, cy + sy * dy, cz + sz * dz) for sx in (-1, 1) for sy in (-1, 1) for sz in (-1, 1)]


class _Canvas:
    """Projects 3D points onto the picture and draws SVG elements, keeping the box that holds all their ink
    (strokes included): the picture's frame is that box and a margin, whatever is drawn."""

    def __init__(self, view: str):
        self.view = view
        self.left = self.top = math.inf
        self.right = self.bottom = -math.inf

    def p(self, v: Vec) -> tuple[float, float, float]:
        x, y, depth = _project(self.view, v)
        return x, y, depth

    def cover(self, x: float, y: float, reach: float = 0.0) -> None:
        self.left, self.right = min(self.left, x - reach), max(self.right, x + reach)
        self.top, self.bottom = min(self.top, y - reach), max(self.bottom, y + reach)

    def path(self, points: list[tuple[float, float]], cls: str, width: float | None = None,
             closed: bool = False) -> str:
        """A polyline (or polygon) of class `cls`; `width` overrides the class's stroke width."""
        reach = (width if width is not None else STROKES[cls]) / 2
        for x, y in points:
            self.cover(x, y, reach)
        d = "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in points) + ("Z" if closed else "")
        stroke = f' stroke-width="{_n(width)}"' if width is not None else ""
        return f'<path class="{cls}"{stroke} d="{d}"/>'

    def circle(self, x: float, y: float, r: float, cls: str) -> str:
        self.cover(x, y, r + STROKES[cls.split()[0]] / 2)
        return f'<circle class="{cls}" cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}"/>'

    def rect(self, left: float, top: float, width: float, height: float, cls: str, rx: float = 0) -> str:
        reach = STROKES[cls] / 2
        self.cover(left, top, reach)
        self.cover(left + width, top + height, reach)
        corner = f' rx="{_n(rx)}"' if rx else ""
        return (f'<rect class="{cls}" x="{_n(left)}" y="{_n(top)}" width="{_n(width)}" '
                f'height="{_n(height)}"{corner}/>')


def _segment_gap(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float],
                 d: tuple[float, float]) -> float:
    """The least distance between two line segments on the picture."""
    def to_segment(p, q, r):
        qr = (r[0] - q[0], r[1] - q[1])
        length2 = qr[0] ** 2 + qr[1] ** 2
        t = 0.0 if not length2 else max(0.0, min(1.0, ((p[0] - q[0]) * qr[0] + (p[1] - q[1]) * qr[1]) / length2))
        return math.hypot(p[0] - q[0] - t * qr[0], p[1] - q[1] - t * qr[1])

    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    if side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0:
        return 0.0
    return min(to_segment(a, c, d), to_segment(b, c, d), to_segment(c, a, b), to_segment(d, a, b))


def _crosses(canvas: _Canvas, near: list[Segment], far: list[Segment]) -> bool:
    """Whether a limb, drawn over another, overlaps it on the picture."""
    return any(_segment_gap(canvas.p(a.a)[:2], canvas.p(a.b)[:2], canvas.p(b.a)[:2], canvas.p(b.b)[:2])
               < a.radius + b.radius for a in near for b in far)


HALO_FROM = 0.45
"""A limb's halo starts this far along its first segment: its root (hip, shoulder) sits in the trunk, which
the halo must not cut."""


def _part_svg(canvas: _Canvas, segments: list[Segment], moving: bool, far: bool, halo: bool) -> str:
    """One body part: the outline, then the fill of each of its segments; a limb that crosses another in
    front of it first gets a pale halo, which cuts a gap into the limb behind."""
    halos, outlines, fills = [], [], []
    for i, s in enumerate(segments):
        (ax, ay, _), (bx, by, _) = canvas.p(s.a), canvas.p(s.b)
        line = [(ax, ay), (bx, by)]
        if halo:
            start = (ax + (bx - ax) * HALO_FROM, ay + (by - ay) * HALO_FROM) if i == 0 else (ax, ay)
            halos.append(canvas.path([start, (bx, by)], "g", 2 * (s.radius + OUTLINE + HALO)))
        outlines.append(canvas.path(line, "l", 2 * (s.radius + OUTLINE)))
        fills.append(canvas.path(line, "f", 2 * s.radius))
    classes = " ".join(c for c, on in (("m", moving), ("far", far)) if on)
    group = f'<g class="{classes}">' if classes else "<g>"
    return group + "".join(halos) + "".join(outlines) + "".join(fills) + "</g>"


def _moving_part(pose) -> str | None:
    if pose.moves is None:
        return None
    segment = BODY_POINTS[pose.moves.part][0]
    if segment in ("head",):
        return "head"
    for side in ("right", "left"):
        if segment.startswith(side):
            return f"{side}_arm" if segment.endswith(("hand", "arm")) else f"{side}_leg"
    return "trunk"


def _direction(solved: Solved, direction: str, part_point: str) -> Vec:
    body = solved.body
    point, outward = body.point(part_point)
    pelvis = body.frames["pelvis"]
    side = -1 if part_point.startswith("left") else 1
    return {
        "up": (0, 0, 1), "down": (0, 0, -1),
        "out": mul(pelvis.right, side), "in": mul(pelvis.right, -side),
        "forward": pelvis.front, "back": mul(pelvis.front, -1),
        "left": mul(pelvis.right, -1), "right": pelvis.right,
        "toward-head": pelvis.up, "toward-feet": mul(pelvis.up, -1),
    }[direction]


def _mean_depth(canvas: _Canvas, segments: list[Segment]) -> float:
    return sum(canvas.p(s.a)[2] + canvas.p(s.b)[2] for s in segments) / (2 * len(segments))


def _head_svg(canvas: _Canvas, body: Body, moving: bool) -> tuple[float, str]:
    hx, hy, hd = canvas.p(body.points["head"])
    head = "<g>" + canvas.circle(hx, hy, HEAD_RADIUS, "hd m" if moving else "hd")
    face = body.frames["head"].front
    ex, ey, ed = canvas.p(add(body.points["head"], mul(face, HEAD_RADIUS * 0.55)))
    if abs(ed - hd) < HEAD_RADIUS * 0.5:  # the face is seen from the side: a nose shows which way it looks
        nx, ny, _ = canvas.p(add(body.points["head"], mul(face, HEAD_RADIUS + 2.5)))
        head += canvas.circle(ex, ey, 1.1, "e")
        bx, by, _ = canvas.p(add(body.points["head"], add(mul(face, HEAD_RADIUS - 1), mul(body.frames["head"].up, 2))))
        head += canvas.path([(bx, by), (nx, ny)], "fl")
    elif ed > hd:  # the face looks at the viewer
        for side in (-1, 1):
            eye = add(add(body.points["head"], mul(face, HEAD_RADIUS * 0.8)),
                      add(mul(body.frames["head"].right, side * 3.5), mul(body.frames["head"].up, 1.5)))
            x, y, _ = canvas.p(eye)
            head += canvas.circle(x, y, 1.1, "e")
    return hd, head + "</g>"


def svg(solved: Solved, label: str) -> str:
    """The picture as a standalone SVG document (an <img> loads it; the page never inlines it)."""
    pose = solved.pose
    view = view_of(pose)
    canvas = _Canvas(view)
    body = solved.body
    moving = _moving_part(pose)
    parts: dict[str, list[Segment]] = {}
    for s in body.segments:
        parts.setdefault(s.part, []).append(s)
    trunk_depth = _mean_depth(canvas, parts["trunk"])
    drawn: list[tuple[float, str]] = []
    head_depth, head = _head_svg(canvas, body, moving == "head")
    head_key = head_depth
    depths = {part: max(max(canvas.p(s.a)[2], canvas.p(s.b)[2]) for s in segments)
              for part, segments in parts.items()}
    means = {part: _mean_depth(canvas, segments) for part, segments in parts.items()}
    limbs = [part for part in parts if part.endswith(("_arm", "_leg"))]
    keys = dict(depths)  # the drawing order: nearest last
    # The trunk covers the tops of the thighs that are not in front of it, so the hips read as joints, not as
    # round caps drawn over the body; arms that are not behind the body go over it (a hand may rest across it).
    keys["trunk"] = max([depths["trunk"]] + [depths[leg] + 0.01 for leg in limbs
                                             if leg.endswith("_leg") and means[leg] < trunk_depth + FAR_DEPTH])
    for arm in limbs:
        if arm.endswith("_arm") and means[arm] >= trunk_depth - FAR_DEPTH:
            keys[arm] = max(keys[arm], keys["trunk"] + 0.01)
    for part, segments in parts.items():
        limb = part in limbs
        far = limb and means[part] < trunk_depth - FAR_DEPTH
        halo = limb and any(keys[other] < keys[part] and _crosses(canvas, segments, parts[other])
                            for other in limbs if other != part)
        drawn.append((keys[part], _part_svg(canvas, segments, part == moving, far, halo)))
        if part.endswith("_arm") and means[part] < head_depth + HEAD_RADIUS:
            # An arm that reaches toward the viewer from beside the head (to hold a knee) passes by the face,
            # not through it: the head goes over it unless most of the arm is in front of the head.
            head_key = max(head_key, keys[part] + 0.01)
    drawn.append((head_key, head))

    hidden = []
    for placed in solved.props:
        if placed.kind == "ball":
            x, y, d = canvas.p(placed.center)
            drawn.append((d + 50 if view == "side" else d, canvas.circle(x, y, BALL_RADIUS, "b")))
            # A ball under or behind the body stays visible: its outline is drawn again over the figure.
            hidden.append(canvas.circle(x, y, BALL_RADIUS + 1.2, "h"))
        elif placed.kind == "box":
            corners = [canvas.p(c)[:2] for c in _box_corners(placed.center, placed.size)]
            depth = canvas.p(placed.center)[2] - (0 if view != "above" else 100)
            drawn.append((depth, canvas.path(_hull(corners), "p", closed=True)))
        elif placed.kind in ("chair", "chair-back"):
            drawn.append(_chair(canvas, placed))
    items = sorted(drawn, key=lambda item: item[0])
    content = "".join(text for _, text in items) + "".join(hidden) + _arrow(canvas, solved)

    floor_mat = ""
    if view == "oblique":  # the floor is a mat under the body and its props, seen at a slant
        xs = [c for s in body.segments for c in (s.a[0], s.b[0])] + [p.center[0] for p in solved.props]
        ys = [c for s in body.segments for c in (s.a[1], s.b[1])] + [p.center[1] for p in solved.props]
        corners = [(x, y, 0.0) for x, y in ((min(xs) - 8, min(ys) - 8), (max(xs) + 8, min(ys) - 8),
                                            (max(xs) + 8, max(ys) + 8), (min(xs) - 8, max(ys) + 8))]
        floor_mat = canvas.path([canvas.p(c)[:2] for c in corners], "mat", closed=True)

    # The frame: everything drawn so far, and a margin. The floor and walls then run to its edges.
    left, right = canvas.left - MARGIN, canvas.right + MARGIN
    top, bottom = canvas.top - MARGIN, canvas.bottom + MARGIN
    floor_y = None
    if view not in ("above", "oblique"):
        floor_y = canvas.p((0, 0, 0))[1]
        bottom = max(bottom, floor_y + 3.5 + STROKES["fl"] + MARGIN / 2)
    # Mats (the floor seen from above, a wall facing the viewer) lie behind the figure; the floor line and
    # a wall seen edge-on are drawn over it, so a limb's halo never cuts a gap in them.
    walls, mats = "", floor_mat
    for placed in solved.props:
        if placed.kind != "wall":
            continue
        wx, wy, _ = canvas.p(placed.center)
        screen_normal = canvas.p(placed.normal)
        if abs(screen_normal[0]) > 0.5:  # the wall is seen edge-on: a line with hatching behind it
            behind = -1 if screen_normal[0] > 0 else 1
            left, right = min(left, wx + behind * 4 - MARGIN), max(right, wx + behind * 4 + MARGIN)
            y0, y1 = top + INSET, floor_y if floor_y is not None else bottom - INSET
            walls += canvas.path([(wx, y0), (wx, y1)], "fl")
            walls += "".join(canvas.path([(wx, y), (wx + behind * 4, y + 4)], "fl")
                             for y in _frange(y0 + 2, y1 - 4, 8))
        else:  # the wall faces the viewer: a light panel behind everything
            mats += canvas.rect(left + INSET, top + INSET, right - left - 2 * INSET,
                                (floor_y or bottom) - top - 2 * INSET, "mat")
    if view == "above":
        mats += canvas.rect(left + 2, top + 2, right - left - 4, bottom - top - 4, "mat", rx=3)
        ground = ""
    elif view == "oblique":
        ground = ""
    else:
        ground = canvas.path([(left + INSET, floor_y), (right - INSET, floor_y)], "fl") + "".join(
            canvas.path([(x, floor_y), (x - 3, floor_y + 3.5)], "fl") for x in _frange(left + 4, right - 1, 8))
    # The floor and walls stay inside the frame they were drawn to; nothing else may reach past it.
    assert left <= canvas.left and right >= canvas.right and top <= canvas.top and bottom >= canvas.bottom, \
        "pose picture: ink outside its frame"
    width, height = right - left, bottom - top
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_n(left)} {_n(top)} {_n(width)} {_n(height)}" '
        f'width="{_n(width * SCALE)}" height="{_n(height * SCALE)}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{_STYLE}{mats}{content}{walls}{ground}</svg>"
    )


def size(svg_text: str) -> tuple[int, int]:
    """The natural width and height (px) of a picture made by `svg`, for the <img> that shows it."""
    import re

    match = re.search(r'width="([0-9.]+)" height="([0-9.]+)"', svg_text)
    return round(float(match.group(1))), round(float(match.group(2)))


def _frange(start: float, stop: float, step: float) -> list[float]:
    out = []
    while start <= stop:
        out.append(start)
        start += step
    return out


def _chair(canvas: _Canvas, placed: Placed) -> tuple[float, str]:
    facing = unit((placed.normal[0], placed.normal[1], 0.0))
    side = cross((0, 0, 1), facing)
    if placed.kind == "chair":
        seat_center = add(placed.center, mul(facing, 8))
        seat_z = placed.center[2]
    else:  # the hand rests on the top of the back: the seat is beyond it
        seat_center = add(placed.center, mul(facing, 21))
        seat_z = placed.center[2] - 42
    seat_center = (seat_center[0], seat_center[1], seat_z)
    back_base = add(seat_center, mul(facing, -21))
    half = 20.0
    legs = []
    for s in (-1, 1):
        for f in (-1, 1):
            foot = add(add(seat_center, mul(side, s * half)), mul(facing, f * half))
            legs.append((foot, (foot[0], foot[1], 0.0)))
    back_top_z = seat_z + 42
    corners = [add(add(seat_center, mul(side, s * half)), mul(facing, f * half)) for s in (-1, 1) for f in (-1, 1)]
    back = [add(back_base, mul(side, s * half)) for s in (-1, 1)]
    back += [(p[0], p[1], back_top_z) for p in back]
    out, depths = [], []
    for a, b in legs:
        (ax, ay, ad), (bx, by, _) = canvas.p(a), canvas.p(b)
        depths.append(ad)
        out.append(canvas.path([(ax, ay), (bx, by)], "fl", 1.4))
    seat = [canvas.p(c)[:2] for c in corners]
    seat += [(x, y + 2.5) for x, y in seat]
    panel = [canvas.p(c)[:2] for c in back]
    shapes = canvas.path(_hull(seat), "p", closed=True) + canvas.path(_hull(panel), "p", closed=True)
    return min(depths) - 30, "<g>" + "".join(out) + shapes + "</g>"


def _arrow(canvas: _Canvas, solved: Solved) -> str:
    pose = solved.pose
    if pose.moves is None:
        return ""
    point, outward = solved.body.point(pose.moves.part)
    direction = _direction(solved, pose.moves.direction, pose.moves.part)
    start3 = add(point, mul(outward, 9))
    end3 = add(start3, mul(direction, 16))
    (sx, sy, _), (ex, ey, _) = canvas.p(start3), canvas.p(end3)
    length = math.hypot(ex - sx, ey - sy)
    if length < 6:  # seen end-on: show it as a sideways arrow would be wrong; a ring marks the part instead
        return canvas.circle(sx, sy, 4, "a")
    ux, uy = (ex - sx) / length, (ey - sy) / length
    head = [(ex - 4.5 * ux + 3 * uy, ey - 4.5 * uy - 3 * ux), (ex, ey), (ex - 4.5 * ux - 3 * uy, ey - 4.5 * uy + 3 * ux)]
    return canvas.path([(sx, sy), (ex, ey)], "a") + canvas.path(head, "a")


# --- the same picture in words ---------------------------------------------

POSITION_WORDS = {
    "lying-back": "Lying on the back", "lying-front": "Lying on the front",
    "lying-right-side": "Lying on the right side", "lying-left-side": "Lying on the left side",
    "sitting": "Sitting on a chair", "kneeling": "Kneeling", "half-kneeling": "Kneeling on one knee",
    "standing": "Standing",
}


def _leg_words(pose, side: str) -> str:
    hip = getattr(pose.joints, f"{side}_hip")
    knee = getattr(pose.joints, f"{side}_knee")
    other = "left" if side == "right" else "right"
    rests = getattr(pose.feet, side)
    if rests:
        # the figure 4: the bent leg turned out, its ankle on the other leg (which may be drawn up with it;
        # that leg's own words and the arrow say so)
        return f"{side} leg crossed in a figure 4, the {side} ankle on {BODY_POINTS[rests][2]}"
    if hip.flexion >= 60 and hip.abduction >= 20 and hip.rotation >= 30 and knee.flexion >= 60:
        # the figure 4: the bent leg turned out, its ankle across the other leg
        drawn = " and drawn up toward the chest" if hip.flexion >= 100 else ""
        return f"{side} leg crossed in a figure 4, the {side} ankle across the {other} knee{drawn}"
    bits = []
    if knee.flexion >= 30:
        bits.append("knee bent")
    elif hip.flexion > 45:
        bits.append("leg raised straight")
    if hip.flexion >= 100:
        bits.append("drawn up toward the chest")
    elif hip.flexion <= -10:
        bits.append("behind the body")
    elif knee.flexion >= 30 and 20 <= hip.flexion < 100 and pose.position.startswith("lying"):
        pass
    if hip.abduction >= 20:
        bits.append("lowered out to the side" if pose.position.startswith("lying") and hip.flexion > 20
                    else "out to the side")
    elif hip.abduction <= -10:
        crossing = "behind" if hip.flexion <= 5 and not pose.position.startswith("lying") else "over"
        bits.append(f"crossed {crossing} the other leg")
    if hip.rotation >= 30 and knee.flexion >= 60 and hip.flexion >= 45:
        bits.append("turned out")
    if "crossed behind the other leg" in bits and "behind the body" in bits:
        bits.remove("behind the body")
    if not bits:
        return f"{side} leg straight"
    text = f"{side} " + ("" if bits[0].startswith(("knee", "leg")) else "leg ") + bits[0]
    if len(bits) > 1:
        text += " and " + ", ".join(bits[1:])
    return text


def _arm_words(pose, side: str) -> str | None:
    target = getattr(pose.hands, side)
    if target:
        return f"{side} hand on {BODY_POINTS[target][2]}"
    shoulder = getattr(pose.joints, f"{side}_shoulder")
    if shoulder.abduction >= 150 or shoulder.flexion >= 150:
        return f"{side} arm raised overhead"
    if 70 <= shoulder.abduction < 150:
        return f"{side} arm stretched out to the side at shoulder height"
    if 70 <= shoulder.flexion < 150:
        return f"{side} arm reaching forward"
    return None


def _prop_words(pose) -> list[str]:
    out = []
    for prop in pose.props:
        where = BODY_POINTS[prop.under or prop.at or prop.beside][2]
        if prop.beside:
            name = {"block": "yoga block", "bolster": "bolster", "pillow": "pillow", "ball": "ball"}[prop.item]
            out.append(f"a {name} on the floor beside {where}")
        elif prop.item == "ball":
            out.append(f"a ball under {where}" if prop.against == "floor"
                       else f"a ball between the wall and {where}")
        elif prop.item in ("block", "bolster"):
            out.append(f"a {'yoga block' if prop.item == 'block' else 'bolster'} under {where}")
        elif prop.item == "pillow":
            out.append(f"a pillow under {where}")
        elif prop.item == "chair" and prop.under:
            continue  # said with the position
        elif prop.item == "chair":
            out.append(f"{where} resting on the back of a chair")
        elif prop.item == "wall":
            out.append(f"{where} resting on a wall")
    return out


def describe(pose) -> str:
    """A text alternative made from the same description as the picture."""
    parts = [POSITION_WORDS[pose.position]]
    if pose.roll:
        parts[0] += f", rolled toward the {pose.roll.toward}" if pose.roll.toward in ("front", "back") else \
            f", hips rolled toward the {pose.roll.toward}"
    legs = [_leg_words(pose, side) for side in ("right", "left")]
    if legs == ["right leg straight", "left leg straight"]:
        legs = ["legs straight"] if pose.position.startswith("lying") else []
    parts += legs
    trunk = pose.joints.trunk
    if abs(trunk.side_bend) >= 10:
        parts.append(f"leaning to the {'right' if trunk.side_bend > 0 else 'left'}")
    if trunk.flexion >= 15:
        parts.append("leaning forward from the hips with a straight back" if pose.position == "sitting"
                     else "bending forward")
    if abs(trunk.rotation) >= 20 and not pose.roll:
        parts.append(f"upper body turned to the {'right' if trunk.rotation > 0 else 'left'}")
    if pose.hands.right and pose.hands.right == pose.hands.left:
        parts.append(f"both hands on {BODY_POINTS[pose.hands.right][2]}")
    else:
        parts += [w for w in (_arm_words(pose, side) for side in ("right", "left")) if w]
    if abs(pose.joints.neck.turn) >= 20:
        parts.append(f"head turned to the {'right' if pose.joints.neck.turn > 0 else 'left'}")
    text = parts[0] + (", " + ", ".join(parts[1:]) if len(parts) > 1 else "")
    props = _prop_words(pose)
    if props:
        text += "; " + "; ".join(props)
    text += "."
    if pose.moves:
        what = BODY_POINTS[pose.moves.part][2]
        direction = {"out": "out to the side", "in": "in toward the middle", "forward": "forward",
                     "back": "backward", "up": "up", "down": "down", "left": "to the left",
                     "right": "to the right", "toward-head": "toward the chest",
                     "toward-feet": "toward the feet"}[pose.moves.direction]
        text += f" The arrow shows {what} moving {direction}."
    return text[0].upper() + text[1:]


def mirror_pose(pose):
    """The same pose on the other side of the body (left for right), for the left-side steps and tests."""
    data = pose.model_dump()

    def swap(value):
        if isinstance(value, str):
            return _mirror_text(value)
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                out[swap(k)] = swap(v)
            return out
        if isinstance(value, list):
            return [swap(v) for v in value]
        return value

    data = swap(data)
    joints = data["joints"]
    for key in ("trunk",):
        joints[key]["side_bend"] = -joints[key]["side_bend"]
        joints[key]["rotation"] = -joints[key]["rotation"]
    joints["neck"]["turn"] = -joints["neck"]["turn"]
    return type(pose).model_validate(data)
