"""What the content in `content/` may say: the single source of truth.

Every YAML file is validated against one of these models. Unknown keys are
errors, so a typo in a field name can never silently drop a fact. Free text is
folded onto one line (YAML block scalars keep their newlines), which also means
no content value can start a Markdown block of its own.

A model checks what one file can check on its own. Rules that span files (a
region, reference or page id that must exist somewhere else) are the named
functions of `atlas.rules`; the pages and sections a cross-link may name are
`atlas.pages`'.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

from atlas.pose_schema import HoldTimer, Pictures  # exercise positions and the hold timer


def _fold_whitespace(value: str) -> str:
    return " ".join(value.split())


Text = Annotated[str, AfterValidator(_fold_whitespace), StringConstraints(min_length=1)]
"""Plain prose: one or more words, whitespace folded to single spaces."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""An id that appears in addresses: lower case words joined by hyphens."""

PageId = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9-]+(?:/[a-z0-9-]+)?(?:#[a-z0-9-]+)?$")
]
"""A page of this site, optionally with a section: `muscles/gluteus-medius#stretch`."""

NonEmpty = Field(min_length=1)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared vocabularies ----------------------------------------------------


WebAddress = Annotated[str, StringConstraints(pattern=r"^https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~%/#?=&+:-]*)?$")]
"""A web address a reference can be checked at: no spaces, quotes or angle brackets can reach a link."""


class Reference(Model):
    """A numbered source, written out in full (REFERENCE.md section 4c). Pages list the ids they rest on.

    Printed in Vancouver style, by `kind`:
    book: Authors. *Title*. Edition. Place: Publisher; Year. Details.
    journal-article: Authors. Title. *Journal* Year;volume(issue):pages.
    web-page and guidance: Authors or organisation. *Title*. Publisher; Year. Address.
    """

    id: Slug
    authors: Text | None = None
    """People ("Travell JG, Simons DG"), editors ("Standring S (ed.)") or the organisation that wrote it."""
    title: Text
    edition: Text | None = None
    """As printed: "41st ed."."""
    journal: Text | None = None
    """Journal articles: the journal's abbreviated name."""
    volume_pages: Text | None = None
    """Journal articles: "25(1):80-89"."""
    publisher: Text | None = None
    place: Text | None = None
    year: int | None = Field(default=None, ge=1800, le=2100)
    updated: Text | None = None
    """A guideline's or web page's last update, as the publisher states it ("updated 2020")."""
    url: WebAddress | None = None
    details: Text | None = None
    """What on this site rests on it: a chapter, a figure, a section."""
    kind: Literal["book", "journal-article", "web-page", "guidance"]
    note: Text | None = None
    """What a reader should know about the source itself ("A course provider's page: it sells training.")."""

    @model_validator(mode="after")
    def _checkable(self) -> Reference:
        need = {"book": ("authors", "publisher", "year"), "journal-article": ("authors", "journal", "volume_pages", "year"),
                "web-page": ("url",), "guidance": ("authors", "url")}[self.kind]
        missing = [name for name in need if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a {self.kind} reference needs {', '.join(missing)}, so a reader can find and check it")
        return self


class GlossaryTerm(Model):
    id: Slug
    term: Text
    definition: Text
    also: list[Text] = Field(default_factory=list)
    """Other spellings that appear in page text and should get the same tooltip."""


# --- the body maps: three views, coordinates documented in content/body-map.yml ---

MAP_WIDTH = 200
MAP_HEIGHT = 520
"""Every view's drawing: 200 x 520, x to the right, y down, midline x = 100, waist to soles."""
HIPS_HEIGHT = 240
"""Figures with nothing below the thighs show only the top of the drawing (0-240): the hips and thighs."""

MapX = Annotated[float, Field(ge=0, le=MAP_WIDTH)]
MapY = Annotated[float, Field(ge=0, le=MAP_HEIGHT)]
MapPoint = tuple[MapX, MapY]
"""`[x, y]` on a body map."""

ViewId = Literal["back", "front", "side"]
"""The body maps: seen from behind, from the front and from the right side (content/body-map.yml)."""


class Position(Model):
    """Where a trigger point lies on the body map of its muscle's view."""

    x: MapX
    y: MapY


class RegionView(Model):
    """How a place of pain is drawn in one view."""

    points: list[MapPoint] = Field(min_length=3)
    """The outline of the region; figures draw a smooth closed curve through these points."""
    pin: MapPoint
    """Where /where-does-it-hurt/ puts the place's numbered circle; inside the outline or its mirror image."""


class BodyRegion(Model):
    """A place where pain can be felt. Trigger points refer pain to these ids."""

    id: Slug
    name: Text
    description: Text
    search_terms: list[Text] = Field(default_factory=list)
    """Other everyday names of the place; /where-does-it-hurt/ shows them, so search finds them there."""
    paired: bool
    """A place on each side of the body: given on our right in the back and front views, mirrored where
    pain is felt on both sides. False for a place on the midline."""
    views: dict[ViewId, RegionView] = Field(min_length=1)
    """The views the place is seen in (ids of content/body-map.yml `views`), with its shape in each."""


class MapLine(Model):
    """A thin drawing line (a buttock fold, the spine) that makes the figure readable."""

    name: Text
    points: list[MapPoint] = Field(min_length=2)
    paired: bool = False


class Landmark(Model):
    """A bony landmark the text uses (iliac crest, PSIS, sacrum ...), drawn on every figure of its view."""

    id: Slug
    name: Text
    draw: Literal["curve", "outline", "dot"]
    points: list[MapPoint] = NonEmpty
    paired: bool = False

    @model_validator(mode="after")
    def _enough_points(self) -> Landmark:
        need = {"dot": 1, "curve": 2, "outline": 3}[self.draw]
        if (self.draw == "dot" and len(self.points) != 1) or len(self.points) < need:
            wanted = "exactly 1 point" if self.draw == "dot" else f"at least {need} points"
            raise ValueError(f"a {self.draw} needs {wanted}, got {len(self.points)}")
        return self


class ViewBody(Model):
    edge: list[MapPoint] = Field(min_length=2)
    """Symmetric view: our right side, waist to sole (mirrored for the other). Side view: the back, waist to heel."""
    inner: list[MapPoint] = Field(min_length=2)
    """Symmetric view: the inside of the leg, sole up to the midline. Side view: the front, toes up to the waist."""
    lines: list[MapLine] = Field(default_factory=list)


class View(Model):
    """One drawing of the body: from behind, from the front or from the side."""

    id: ViewId
    name: Text
    """How captions say the view: "seen from behind"."""
    muscle_side: Text
    """Where a muscle drawn at x above 100 lies, in words: "on the right side"."""
    symmetric: bool
    """Back and front: `paired` things are mirrored about x = 100. Side: nothing is mirrored."""
    side_drawn: Literal["right", "left"]
    """The person's side that paired things and muscles are given on (x above 100; the side view shows one
    side). A figure's further panels draw pain on the muscle's side of the body."""
    body: ViewBody
    landmarks: list[Landmark] = NonEmpty
    finder_label: Text
    """What a screen reader announces for this view's map on /where-does-it-hurt/."""
    finder_caption: Text

    @model_validator(mode="after")
    def _paired_only_when_mirrored(self) -> View:
        if not self.symmetric:
            paired = [item.name for item in [*self.body.lines, *self.landmarks] if item.paired]
            if paired:
                raise ValueError(f"the {self.id} view is not mirrored, so nothing in it can be paired: {paired}")
        return self


class BodyArea(Model):
    """A group of muscles on /muscles/."""

    id: Slug
    name: Text
    description: Text


class Finder(Model):
    """Text of the /where-does-it-hurt/ page; the rest of the page is generated."""

    title: Text
    summary: Text
    intro: list[Text] = NonEmpty


class BodyMap(Model):
    views: list[View] = NonEmpty
    areas: list[BodyArea] = NonEmpty
    finder: Finder

    def view(self, view_id: str) -> View:
        return next(view for view in self.views if view.id == view_id)


class Review(Model):
    last_reviewed: dt.date
    next_review_due: dt.date
    how: Text
    """Who checked the page and against what: stated plainly, never embellished."""

    @model_validator(mode="after")
    def _next_after_last(self) -> Review:
        if self.next_review_due <= self.last_reviewed:
            raise ValueError(
                f"next_review_due ({self.next_review_due}) must be after "
                f"last_reviewed ({self.last_reviewed})"
            )
        return self


class RelatedPage(Model):
    page: PageId
    why: Text


class CareLevel(Model):
    """One level of the NHS-style 'when to get help' card."""

    id: Literal["emergency", "urgent", "routine"]
    title: Text
    action: Text
    signs: list[Text] = NonEmpty


class SourcedText(Model):
    """A few sentences with the references they rest on."""

    text: list[Text] = NonEmpty
    sources: list[Slug] = NonEmpty


class PregnancyRedFlags(Model):
    title: Text
    signs: list[Text] = NonEmpty
    action: Text
    sources: list[Slug] = NonEmpty


class PregnancyAdvice(Model):
    """Site-wide advice for anyone pregnant; each exercise adds its own alternative (`PregnancyAlternative`)."""

    advice: list[Text] = NonEmpty
    red_flags: PregnancyRedFlags
    sources: list[Slug] = NonEmpty


class Safety(Model):
    """Safety content that every self-care page carries."""

    when_to_get_help: list[CareLevel] = NonEmpty
    when_to_get_help_sources: list[Slug] = NonEmpty
    """The guidance the three levels rest on (NICE NG59, the NHS): cited on every safety box."""
    do_not_press: list[Text] = NonEmpty
    pressure_guide: list[Text] = NonEmpty
    pain_scale: Text
    """What the numbers mean, with both ends named: printed wherever a page gives a number out of 10."""
    pregnancy: PregnancyAdvice
    trigger_point_evidence: SourcedText
    """One or two plain sentences on the debate about trigger points, printed where a page explains them."""

    def help_source_ids(self) -> list[str]:
        """The references of the "When to get help" box (with its pregnancy red flags)."""
        return list(dict.fromkeys([*self.when_to_get_help_sources, *self.pregnancy.red_flags.sources]))

    def source_ids(self) -> list[str]:
        """Every reference the site-wide safety text cites, in the order pages print it."""
        ids = [*self.trigger_point_evidence.sources, *self.when_to_get_help_sources, *self.pregnancy.sources,
               *self.pregnancy.red_flags.sources]
        return list(dict.fromkeys(ids))

    @model_validator(mode="after")
    def _three_levels_in_order(self) -> Safety:
        ids = [level.id for level in self.when_to_get_help]
        if ids != ["emergency", "urgent", "routine"]:
            raise ValueError(f"when_to_get_help must list emergency, urgent, routine in order, got {ids}")
        return self


# --- the muscle page --------------------------------------------------------


class Names(Model):
    common: Text
    latin: Text
    short: Text | None = None
    search_terms: list[Text] = NonEmpty


class Action(Model):
    movement: Text
    detail: Text


class ClinicianNote(Model):
    """A detail for clinicians, in the collapsed anatomy box: where sources disagree, both views, cited."""

    text: Text
    sources: list[Slug] = NonEmpty


class Anatomy(Model):
    location: list[Text] = NonEmpty
    origin: Text
    insertion: Text
    nerve: Text
    blood_supply: Text | None = None
    """Left out where the sources do not give it: the page never guesses."""
    clinician_notes: list[ClinicianNote] = Field(default_factory=list)
    actions: list[Action] = NonEmpty
    in_movement: list[Text] = Field(default_factory=list)
    """Its job in walking, running and standing on one leg (left out where the sources say nothing)."""
    relations: list[Text] = NonEmpty
    when_weak: list[Text] = Field(default_factory=list)
    """What happens when the muscle is inhibited (by chronic low back pain, say), where the sources say."""
    sources: list[Slug] = Field(default_factory=list)


class MuscleMap(Model):
    """How the muscle is drawn on the body map (at x above 100 in the back and front views)."""

    view: ViewId
    """The view that shows the muscle: its outline and its trigger points' positions are in this view."""
    outline: list[MapPoint] = Field(min_length=3)
    """The muscle's outline in that view; every trigger point must lie inside it."""
    where: Text
    """Where the outline lies, in words, for the figure's text alternative ("below the top of the hip bone")."""


class Referral(Model):
    region: Slug
    zone: Literal["main", "spillover"]


class SelfCare(Model):
    """Which of the muscle page's exercises suit one trigger point, and why, in a sentence or two."""

    exercises: list[Literal["self-release", "stretch"]] = NonEmpty
    """Section ids of the muscle page's own exercises, the best fit first."""
    note: Text


class TriggerPoint(Model):
    id: Annotated[str, StringConstraints(pattern=r"^tp[0-9]+$")]
    number: int = Field(ge=1)
    title: Text
    position: Position
    """Where the X is drawn on the body map; inside the muscle's outline."""
    figure_note: Text | None = None
    """Said in the figure's caption, where the back view needs explaining (a point toward the front)."""
    where: Text
    """Where it lies, in one short phrase (used in captions and tables)."""
    how_to_find: list[Text] = NonEmpty
    referred_pain: list[Referral] = NonEmpty
    pain_pattern: Text
    both_sides: bool = False
    how_common: Text | None = None
    """Only where a source says how common it is ("Uncommon."); left out, the page says nothing about it."""
    certainty: Literal["well-described", "less-certain"]
    certainty_note: Text
    self_care: SelfCare | None = None
    """What the reader can do for this point (the page links it from the point's section)."""
    sources: list[Slug] = NonEmpty

    @model_validator(mode="after")
    def _id_matches_number(self) -> TriggerPoint:
        if self.id != f"tp{self.number}":
            raise ValueError(f"id {self.id!r} does not match number {self.number} (expected 'tp{self.number}')")
        return self


class TriggerPoints(Model):
    intro: list[Text] = NonEmpty
    points: list[TriggerPoint] = NonEmpty
    where_they_gather: Text | None = None
    """Left out where the sources say nothing about where in the muscle they gather."""
    not_from_this_muscle: list[Text] = Field(default_factory=list)
    """Pain that people blame on this muscle but that comes from another: each is a note box on the page."""
    not_from_this_muscle_title: Text | None = None
    """The title of those boxes ("Pain further down the leg"); required when there are any."""

    @model_validator(mode="after")
    def _boxes_have_a_title(self) -> TriggerPoints:
        if self.not_from_this_muscle and self.not_from_this_muscle_title is None:
            raise ValueError("not_from_this_muscle needs not_from_this_muscle_title, the title of its note boxes")
        return self


class Mimic(Model):
    name: Text
    note: Text | None = None


class Symptoms(Model):
    worse_with: list[Text] = NonEmpty
    sleep: list[Text] = Field(default_factory=list)
    mistaken_for: list[Mimic] = NonEmpty
    one_reason_for: list[Text] = Field(default_factory=list)
    """Lasting problems these trigger points can be one reason for (pain that goes on after back surgery):
    each its own sentence, never listed as a mimic."""
    with_neighbours: list[Text] = Field(default_factory=list)
    """What happens when this muscle and its neighbours are weakened together."""
    with_neighbours_title: Text | None = None
    """The heading over `with_neighbours` ("Together with gluteus minimus"): templates name no muscle."""
    sources: list[Slug] = Field(default_factory=list)

    @model_validator(mode="after")
    def _neighbours_have_a_title(self) -> Symptoms:
        if self.with_neighbours and not self.with_neighbours_title:
            raise ValueError("with_neighbours needs a with_neighbours_title (the heading above it)")
        return self


class CauseGroup(Model):
    id: Slug
    title: Text
    items: list[Text] = NonEmpty


class Causes(Model):
    intro: Text
    groups: list[CauseGroup] = NonEmpty
    what_helps: list[Text] = NonEmpty
    sources: list[Slug] = Field(default_factory=list)


class Equipment(Model):
    item: Text
    instead: list[Text] = Field(default_factory=list)
    note: Text | None = None
    """Advice on choosing it ("start with a tennis ball"); on the page, not on the handout."""


class PregnancyAlternative(Model):
    """An exercise done another way in pregnancy, written out in full: a page never promises one it lacks."""

    why: Text
    """Why the usual way is not advised (lying flat on the back later in pregnancy)."""
    name: Text
    """What the alternative is: "A standing release with the ball against a wall"."""
    starting_position: Text
    steps: list[Text] = NonEmpty
    hold_seconds: int = Field(ge=1, le=600)
    stop_if: list[Text] = NonEmpty
    check_first: Text
    """Whom to check with before starting (the midwife or doctor)."""
    sources: list[Slug] = Field(default_factory=list)
    pictures: Pictures = Field(default_factory=list)
    """Start (and end) position, drawn by atlas.pose; see atlas.pose_schema."""
    timer: HoldTimer = Field(default_factory=HoldTimer)


class Exercise(Model):
    """Fields shared by the self-release and the stretch."""

    intro: Text
    starting_position: Text
    steps: list[Text] = NonEmpty
    hold_seconds: int = Field(ge=1, le=600)
    hold_seconds_max: int | None = Field(default=None, ge=1, le=600)
    """The top of a range ("15 to 30 seconds"); `hold_seconds` is then the bottom."""
    repetitions: Text | None = None
    """Left out where the sources give none: the handout leaves a blank for the clinician."""
    how_often: Text | None = None
    both_sides: Text
    cautions: list[Text] = Field(default_factory=list)
    """Who should check with a clinician first, or not do it (after a hip replacement, say)."""
    stop_if: list[Text] = NonEmpty
    """When to stop: printed on the page and on the handout, for every exercise."""
    pregnancy_alternative: PregnancyAlternative
    sources: list[Slug] = Field(default_factory=list)
    pictures: Pictures = Field(default_factory=list)
    """Start (and end) position, drawn by atlas.pose; see atlas.pose_schema."""
    timer: HoldTimer = Field(default_factory=HoldTimer)

    @model_validator(mode="after")
    def _hold_range_in_order(self) -> Exercise:
        if self.hold_seconds_max is not None and self.hold_seconds_max <= self.hold_seconds:
            raise ValueError(
                f"hold_seconds_max ({self.hold_seconds_max}) must be more than hold_seconds ({self.hold_seconds})"
            )
        return self


class SelfRelease(Exercise):
    equipment: list[Equipment] = NonEmpty
    ball_placement: list[Text] = NonEmpty
    """How to keep the ball on muscle and off bone near this muscle's trigger points."""
    gentler: list[Text] = NonEmpty
    stronger: list[Text] = NonEmpty
    what_you_should_feel: list[Text] = NonEmpty


class SelfReleaseNotAdvised(Model):
    """A muscle that is not to be pressed at home (organs, large vessels or nerves lie over it): the page
    says why, what to do instead, and which signs need help at once."""

    intro: Text
    why_not: list[Text] = NonEmpty
    instead: list[Text] = NonEmpty
    emergency: list[Text] = Field(default_factory=list)
    sources: list[Slug] = Field(default_factory=list)


# The tags are in brackets, like pydantic's own ("function-after[...]"), so error paths leave them out:
# `self_release.hold_seconds`, not `self_release.[ball].hold_seconds`.
_BALL, _NOT_ADVISED = "[ball]", "[not-advised]"


def _self_release_kind(value: object) -> str:
    """`why_not` marks the not-advised form, so an error names the fields of the form that was meant."""
    if isinstance(value, dict):
        return _NOT_ADVISED if "why_not" in value else _BALL
    return _NOT_ADVISED if isinstance(value, SelfReleaseNotAdvised) else _BALL


AnySelfRelease = Annotated[
    Annotated[SelfRelease, Tag(_BALL)] | Annotated[SelfReleaseNotAdvised, Tag(_NOT_ADVISED)],
    Discriminator(_self_release_kind),
]


class Stretch(Exercise):
    cautions: list[Text] = NonEmpty
    what_you_should_feel: list[Text] = Field(default_factory=list)


class Muscle(Model):
    id: Slug
    names: Names
    summary: Text
    group_note: Text
    pregnancy: Text | None = None
    """What this muscle adds to the site-wide pregnancy advice ("Before you start", the handout), if anything;
    it never promises an exercise version the page does not give."""
    body_area: Slug
    """Its group on /muscles/: an id of content/body-map.yml `areas`."""
    anatomy: Anatomy
    body_map: MuscleMap
    trigger_points: TriggerPoints
    symptoms: Symptoms
    causes: Causes
    self_release: AnySelfRelease
    stretch: Stretch
    related: list[RelatedPage] = NonEmpty
    references: list[Slug] = NonEmpty
    review: Review

    @model_validator(mode="after")
    def _trigger_points_numbered_in_order(self) -> Muscle:
        numbers = [tp.number for tp in self.trigger_points.points]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"trigger points must be numbered 1, 2, 3 ... in order, got {numbers}")
        return self


# --- other page kinds -------------------------------------------------------


class Section(Model):
    """A titled block of prose and bullet points with a pinned id."""

    id: Slug
    title: Text
    paragraphs: list[Text] = Field(default_factory=list)
    points: list[Text] = Field(default_factory=list)
    sources: list[Slug] = Field(default_factory=list)
    """References the section rests on; each must be in the page's references list."""

    @model_validator(mode="after")
    def _not_empty(self) -> Section:
        if not self.paragraphs and not self.points:
            raise ValueError(f"section {self.id!r} needs paragraphs or points")
        return self


class Condition(Model):
    id: Slug
    name: Text
    summary: Text
    search_terms: list[Text] = Field(default_factory=list)
    regions: list[Slug] = NonEmpty
    """Trigger points that refer pain to these regions are listed on the page."""
    sections: list[Section] = NonEmpty
    related: list[RelatedPage] = NonEmpty
    references: list[Slug] = NonEmpty
    review: Review


class Technique(Model):
    id: Slug
    name: Text
    summary: Text
    done_by: Literal["yourself", "a trained clinician"]
    sections: list[Section] = NonEmpty
    related: list[RelatedPage] = NonEmpty
    references: list[Slug] = NonEmpty
    review: Review


class ClinicianGuide(Model):
    """Content of the /for-clinicians/ page that is not generated from other pages."""

    summary: Text
    sections: list[Section] = NonEmpty
    review: Review


class Glossary(Model):
    summary: Text
    terms: list[GlossaryTerm] = NonEmpty
    review: Review


ContactAddress = Annotated[str, StringConstraints(pattern=r"^(?:https://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~%/#?=&+:-]*)?|mailto:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})$")]
"""Where to report an error: an https:// address or a mailto: link (checked, so it can sit in an href)."""


class Publisher(Model):
    name: Text
    description: Text
    contact: ContactAddress | None = None
    """Where readers report an error. Never invented: left unset until the publisher has a real one."""
    contact_label: Text | None = None
    """How the contact reads on the page ("the editors' email address"); the address itself when unset."""


# --- redirects: how a removed page or section id keeps working ---------------

Address = Annotated[str, StringConstraints(pattern=r"^/(?:[a-z0-9-]+/)*$")]
"""A page's public address from the site root, as in the link contract: `/muscles/gluteus-medius/`."""


class PageRedirect(Model):
    """A page that moved: its old address gets a redirect page (works without JavaScript)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    old: Address = Field(alias="from")
    to: Address

    @model_validator(mode="after")
    def _not_to_itself(self) -> PageRedirect:
        if self.old == self.to:
            raise ValueError(f"redirect from {self.old!r} to itself")
        return self


class SectionRedirect(Model):
    """A section id that was renamed on a page: a small script maps the old `#id` to the new one."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    page: Address
    old: Slug = Field(alias="from")
    to: Slug

    @model_validator(mode="after")
    def _not_to_itself(self) -> SectionRedirect:
        if self.old == self.to:
            raise ValueError(f"section redirect from #{self.old} to itself")
        return self


class Redirects(Model):
    pages: list[PageRedirect] = Field(default_factory=list)
    sections: list[SectionRedirect] = Field(default_factory=list)

    @model_validator(mode="after")
    def _each_old_address_once(self) -> Redirects:
        olds = [r.old for r in self.pages]
        doubled = sorted({o for o in olds if olds.count(o) > 1})
        if doubled:
            raise ValueError(f"page redirected twice: {', '.join(doubled)}")
        keys = [(r.page, r.old) for r in self.sections]
        doubled = sorted({f"{p}#{o}" for p, o in keys if keys.count((p, o)) > 1})
        if doubled:
            raise ValueError(f"section redirected twice: {', '.join(doubled)}")
        return self


# --- the whole site ---------------------------------------------------------


class SiteContent(Model):
    """Everything in `content/`; `load.load_site` makes it only once `atlas.rules` found no problem."""

    publisher: Publisher
    references: list[Reference] = NonEmpty
    regions: list[BodyRegion] = NonEmpty
    body_map: BodyMap
    glossary: Glossary
    safety: Safety
    muscles: list[Muscle] = NonEmpty
    conditions: list[Condition] = Field(default_factory=list)
    techniques: list[Technique] = Field(default_factory=list)
    for_clinicians: ClinicianGuide
    redirects: Redirects = Field(default_factory=Redirects)


    def muscle(self, muscle_id: str) -> Muscle:
        """The muscle with this id (KeyError if there is none)."""
        for muscle in self.muscles:
            if muscle.id == muscle_id:
                return muscle
        raise KeyError(muscle_id)
