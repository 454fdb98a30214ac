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


# Normal ranges of motion (American Academy of Orthopaedic Surgeons tables, as printed in common
# goniometry texts such as Norkin & White): a pose outside them cannot be asked of a patient.
RANGES: dict[str, dict[str, tuple[float, float]]] = {
    "hip": {"flexion": (-30, 120), "abduction": (-30, 45), "rotation": (-45, 45)},
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
View = Literal["side", "above", "front", "back", "feet"]
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


def _start_then_end(pictures: list[Picture]) -> list[Picture]:
    stages = [picture.stage for picture in pictures]
    if stages not in ([], ["start"], ["start", "end"]):
        raise ValueError(f"pictures are a start position and, where the movement matters, an end position, in "
                         f"that order; got {stages}")
    return pictures


Pictures = Annotated[list[Picture], AfterValidator(_start_then_end)]
"""The pictures beside one exercise's steps."""


class HoldTimer(_Model):
    """What the hold timer beside an exercise counts: holds per side, and one side or each side in turn."""

    repetitions: int = Field(default=1, ge=1, le=10)
    sides: int = Field(default=1, ge=1, le=2)
