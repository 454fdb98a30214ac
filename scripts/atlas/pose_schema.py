"""What content may say about an exercise position (a "pose"), drawn by scripts/atlas/pose.py.

A pose names the body's position (lying on the back, standing, ...), the angles at the joints that are not
neutral, the props and where they touch the body, and the part that moves. Every angle is checked against
the normal range of motion of that joint, and the whole pose is solved (atlas.pose.solve) while the file is
validated: a ball that cannot reach its floor or wall, a block too high for a knee or a body that would go
through a wall is a content error that names the file, the field and the line.

Angles are in degrees from the anatomical position (standing, arms by the sides, palms forward).
Signs: flexion bends forward; abduction moves away from the midline (negative: across it, adduction);
hip rotation is positive outward (external); trunk side bend, trunk rotation and head turn are positive
toward the person's right.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, create_model, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Normal ranges of motion, in degrees (low, high): a pose outside them cannot be asked of a patient.
# Checked on 2026-11-25 against these published sources (values as the sources give them):
#
# [N&W] Norkin CC, White DJ. Measurement of Joint Motion: A Guide to Goniometry. Philadelphia: F.A. Davis.
#       Appendix A, Table A.1 "Shoulder, Elbow, Forearm, and Wrist Motion: Mean Values in Degrees", column
#       AAOS (American Academy of Orthopaedic Surgeons), as shown in F.A. Davis's online edition
#       (fadavispt.mhmedical.com; the edition was not shown): shoulder flexion 180, extension 60,
#       abduction 180; elbow flexion 150.
# [W&F] Wilson JJ, Furukawa M. Evaluation of the patient with hip pain. Am Fam Physician. 2014;89(1):27-34.
#       Normal hip range of motion as summarised from it by FPnotebook, "Hip Range of Motion"
#       (fpnotebook.com/Ortho/Exam/HpRngOfMtn.htm); the article's own table was not seen: flexion 110-120,
#       extension 10-15, abduction 30-50, adduction 20-30, external rotation 40-60, internal rotation 30-40.
#       The upper end of each is the limit here.
#
#   joint     motion      low   high   source
#   hip       flexion     -15   120    [W&F] (extension 15, flexion 120). Changed: extension was 30, the
#                                      AAOS figure as remembered, which could not be checked.
#   hip       abduction   -30    45    [W&F] (adduction 30, abduction 45)
#   hip       rotation    -40    60    [W&F] (internal 40, external 60). Changed: was -45 to 45.
#   knee      flexion       0   135    NOT CHECKED: no source seen gives a value (Soucie et al. 2011 measured
#                                      it, but its adult table was not seen).
#   shoulder  flexion     -60   180    [N&W] (extension 60, flexion 180)
#   shoulder  abduction   -30   180    abduction 180 [N&W]; the -30 (across the body) is NOT CHECKED.
#   elbow     flexion       0   150    [N&W]
#   trunk     all                      NOT CHECKED: flexion 80, extension 25, side bend 35, rotation 45
#                                      are the remembered AAOS thoracolumbar figures.
#   neck      all                      NOT CHECKED: flexion 45, extension 60, turn 80 are remembered.
RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "hip": {"flexion": (-15, 120), "abduction": (-30, 45), "rotation": (-40, 60)},
    "knee": {"flexion": (0, 135)},
    "shoulder": {"flexion": (-60, 180), "abduction": (-30, 180)},
    "elbow": {"flexion": (0, 150)},
    "trunk": {"flexion": (-25, 80), "side_bend": (-35, 35), "rotation": (-45, 45)},
    "neck": {"flexion": (-60, 45), "turn": (-80, 80)},
}


class _Angles(_Model):
    """One joint's angles; each is checked against RANGES[KIND] with a message that names the range."""

    KIND: ClassVar[str] = ""

    @model_validator(mode="after")
    def _in_range(self):
        errors = []
        for name, (low, high) in RANGES[self.KIND].items():
            degrees = getattr(self, name)
            if not low <= degrees <= high:
                errors.append(InitErrorDetails(
                    type=PydanticCustomError(
                        "pose_range",
                        "{joint} {motion} of {degrees} degrees is outside the normal range of motion "
                        "({low} to {high} degrees)",
                        {"joint": self.KIND, "motion": name.replace("_", " "), "degrees": f"{degrees:g}",
                         "low": f"{low:g}", "high": f"{high:g}"}),
                    loc=(name,), input=degrees))
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self


def _angles(kind: str) -> type[_Angles]:
    fields = {name: (float, 0.0) for name in RANGES[kind]}
    model = create_model(f"{kind.capitalize()}Angles", __base__=_Angles, **fields)
    model.KIND = kind
    return model


HipAngles = _angles("hip")
KneeAngles = _angles("knee")
ShoulderAngles = _angles("shoulder")
ElbowAngles = _angles("elbow")
TrunkAngles = _angles("trunk")
NeckAngles = _angles("neck")


class Joints(_Model):
    """Only the joints that are not in the anatomical position need saying; unknown joints are errors."""

    right_hip: HipAngles = HipAngles()
    left_hip: HipAngles = HipAngles()
    right_knee: KneeAngles = KneeAngles()
    left_knee: KneeAngles = KneeAngles()
    right_shoulder: ShoulderAngles = ShoulderAngles()
    left_shoulder: ShoulderAngles = ShoulderAngles()
    right_elbow: ElbowAngles = ElbowAngles()
    left_elbow: ElbowAngles = ElbowAngles()
    trunk: TrunkAngles = TrunkAngles()
    neck: NeckAngles = NeckAngles()


POSITIONS = ("lying-back", "lying-front", "lying-right-side", "lying-left-side", "sitting", "kneeling",
             "half-kneeling", "standing")
Position = Literal["lying-back", "lying-front", "lying-right-side", "lying-left-side", "sitting", "kneeling",
                   "half-kneeling", "standing"]
View = Literal["side", "above", "front", "back", "feet", "oblique"]
Side = Literal["left", "right", "front", "back"]
Direction = Literal["up", "down", "out", "in", "forward", "back", "left", "right", "toward-head", "toward-feet"]
PropItem = Literal["ball", "block", "bolster", "pillow", "wall", "chair"]


class Roll(_Model):
    """The whole body turned about its long axis (side-lying rolled forward, the hips of a lying twist)."""

    toward: Side
    degrees: float = Field(gt=0, le=90)


class Prop(_Model):
    """A prop and the body point it touches. `under` a point: the prop is between that point and the
    floor. `at` a point: a ball between that point and the wall (`against: wall`), or the wall or chair
    the hand rests on."""

    item: PropItem
    under: str | None = None
    at: str | None = None
    beside: str | None = None
    """Ready on the floor beside a body point, not yet touching it (a block set out in the start position)."""
    against: Literal["floor", "wall"] = "floor"

    @model_validator(mode="after")
    def _one_place(self) -> "Prop":
        if [self.under, self.at, self.beside].count(None) != 2:
            raise ValueError("say where the prop is: one of 'under', 'at' or 'beside' a body point")
        if self.beside is not None and self.item not in ("block", "bolster", "pillow", "ball"):
            raise ValueError(f"a {self.item} cannot stand 'beside' the body; a block, bolster, pillow or ball can")
        if self.against == "wall" and self.item != "ball":
            raise ValueError("only a ball is pressed 'against: wall'; a wall prop is 'at' the hand that rests on it")
        return self


class Hands(_Model):
    """Where a hand rests, when it holds the body (a knee, a thigh); the arm reaches there."""

    right: str | None = None
    left: str | None = None


class Feet(_Model):
    """Where an ankle rests on the other leg (the figure 4: the right ankle on the left knee); the leg bends
    at the knee to put it there, the knee staying on the side the hip angles turned it to."""

    right: str | None = None
    left: str | None = None


class Move(_Model):
    """The part that moves, shown with an arrow and a highlight."""

    part: str
    direction: Direction


class Pose(_Model):
    position: Position
    view: View | None = None
    """Where the picture is seen from; each position has a default (pose.DEFAULT_VIEWS)."""
    roll: Roll | None = None
    joints: Joints = Joints()
    hands: Hands = Hands()
    feet: Feet = Feet()
    props: list[Prop] = Field(default_factory=list)
    moves: Move | None = None
    _solved: Any = PrivateAttr(default=None)
    """The solved figure (atlas.pose.solve), kept so it is solved once per build, not once per use."""

    @model_validator(mode="wrap")
    @classmethod
    def _drawable(cls, value: Any, handler):
        pose = handler(value)
        from atlas import pose_cache  # the geometry lives beside the drawing

        problems = pose_cache.problems(pose)
        if problems:
            raise ValidationError.from_exception_data(cls.__name__, [
                InitErrorDetails(type=PydanticCustomError("pose", message), loc=loc, input=value)
                for loc, message in problems
            ])
        return pose


class Picture(Pose):
    """One picture beside an exercise's steps: the start or the end position."""

    stage: Literal["start", "end"]
    shows: str | None = Field(default=None, min_length=3, max_length=40, pattern=r"^[A-Z][A-Za-z ,-]*$")
    """Where an exercise has more than one position (the ball in two places), a few words saying which one a
    start picture shows ("Back group"): its caption. Each such start may be followed by its end."""


def _start_then_end(pictures: list[Picture]) -> list[Picture]:
    stages = [picture.stage for picture in pictures]
    groups = _groups(pictures)
    if not all([p.stage for p in group] in (["start"], ["start", "end"]) for group in groups):
        raise ValueError(f"pictures are a start position and, where the movement matters, an end position, in "
                         f"that order; got {stages}")
    if any(p.shows is not None for p in pictures if p.stage == "end"):
        raise ValueError("'shows' names a start picture; its end picture shows the same position")
    if len(groups) > 1 and any(group[0].shows is None for group in groups):
        raise ValueError("an exercise with more than one start position says what each shows ('shows: Back "
                         "group'), so the pictures can be told apart")
    return pictures


def _groups(pictures: list[Picture]) -> list[list[Picture]]:
    groups: list[list[Picture]] = []
    for picture in pictures:
        if picture.stage == "start" or not groups:
            groups.append([])
        groups[-1].append(picture)
    return groups


def labelled(pictures: list[Picture]) -> list[tuple[str, str, Picture]]:
    """(caption, file name, picture) of each picture of one exercise, in order: "Start" and "End"; where the
    exercise has more than one position, the words of `shows` ("Back group", "Back group: end"). The first
    position keeps the plain names (start, end), so adding a second position renames no file."""
    out = []
    for number, group in enumerate(_groups(pictures)):
        shows = group[0].shows
        for picture in group:
            stage = picture.stage
            if shows is None:
                caption = stage.capitalize()
            else:
                caption = shows if len(group) == 1 else f"{shows}: {stage}"
            slug = "-".join(shows.lower().replace(",", " ").split()) if shows else ""
            out.append((caption, stage if number == 0 else f"{slug}-{stage}", picture))
    return out


Pictures = Annotated[list[Picture], AfterValidator(_start_then_end)]
"""The pictures beside one exercise's steps."""


class HoldTimer(_Model):
    """What the hold timer beside an exercise counts: holds per side, and one side or each side in turn."""

    repetitions: int = Field(default=1, ge=1, le=10)
    sides: int = Field(default=1, ge=1, le=2)
