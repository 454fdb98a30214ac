"""The page registry: every page the content makes, built from the content, in one place.

A page id names a page (`muscles/gluteus-medius`); `page_id#section` names a section of it. For each page
the registry holds its source file, its docs-relative path, its public address, its title and its ordered
sections (id, title, heading level). Everything that needs to know "what pages are there, what are they
called, what can be linked to" asks here: the renderer (links, related-page titles, the headings the
templates print), the cross-file rules (cross-links must land on a page and section listed here), JSON-LD,
the serve cache (which file a page reads) and the link-contract tests.

The headings of the fixed sections of each page kind live here, once; templates print them with
`heading(id)`, so a heading and its title on /for-clinicians/ and in related links cannot disagree.
Section ids are addresses clinicians link to: never derived from headings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping

from atlas import schema
from atlas.links import page_address

FOLDERS = {schema.Muscle: "muscles", schema.Condition: "conditions", schema.Technique: "techniques"}
"""Content models that have one file, and one page, each: `content/<folder>/<id>.yml` -> `<folder>/<id>`."""

MUSCLE_INDEX = "muscles"
GLOSSARY = "glossary"
FOR_CLINICIANS = "for-clinicians"
FINDER = "where-does-it-hurt"
"""Page ids of the site-wide generated pages."""

MUSCLE_SECTIONS = (
    ("anatomy", "Where it is and what it does"),
    ("trigger-points", "Trigger points and where they send pain"),
    # the trigger points (#tp1, #tp2 ...) follow here, one level down
    ("symptoms", "Symptoms"),
    ("causes", "Causes and what keeps it going"),
    ("self-release", "Self-release with a ball"),
    ("stretch", "Stretch"),
    ("when-to-get-help", "When to get help"),
    ("related", "Related pages"),
    ("references", "References"),
)
"""The pinned sections of every muscle page, in page order: a public contract (content/link-contract.txt)."""

HANDOUT_SECTIONS = (
    ("trigger-points", "Where the trigger points are"),
    ("self-release", "Self-release with a ball"),
    ("stretch", "Stretch"),
    ("get-help", "Stop and get help if"),
    ("pregnancy", "If you are pregnant"),
    ("notes", "Notes from your clinician"),
)

WHEN_TO_GET_HELP = ("when-to-get-help", "When to get help")
RELATED = ("related", "Related pages")
REFERENCES = ("references", "References")
ABOUT_THIS_PAGE = ("about-this-page", "About this page")
"""The review, publisher and disclaimer at the end of every page with a review (partials/review.md.j2)."""
CONDITION_TRIGGER_POINTS = ("trigger-points", "Trigger points that can cause this pain")
FINDER_PLACES = ("places", "The same places as a list")
SECTION_ADDRESSES = ("section-addresses", "Every section you can link to")


@dataclasses.dataclass(frozen=True)
class Section:
    id: str
    title: str
    level: int = 2
    """2 for a section (`##`), 3 for a part of one (`###`)."""
    listed: bool = True
    """Listed on /for-clinicians/ among the sections to link to; the closing "About this page" is not."""
    copy_link: bool = True
    """A control beside the heading copies the section's address (copy-link.js); the glossary's letters, an
    index rather than sections, have none."""


@dataclasses.dataclass(frozen=True)
class PageEntry:
    """One page of the site, as the content defines it."""

    id: str
    kind: str
    """muscle, handout, condition, technique, muscle-index, glossary, for-clinicians or finder."""
    title: str
    source: str | None
    """The content file that holds its own text, relative to `content/` (`muscles/gluteus-medius.yml`);
    None for the muscle index, which is made from every muscle file."""
    sections: tuple[Section, ...]
    content: object = dataclasses.field(default=None, compare=False, repr=False)
    """The content model the page is made from (a `schema.Muscle` ...), or None for a site-wide page."""

    @property
    def path(self) -> str:
        """Docs-relative path of its Markdown: `muscles/gluteus-medius.md`, `muscles/index.md`."""
        return "muscles/index.md" if self.id == MUSCLE_INDEX else f"{self.id}.md"

    @property
    def address(self) -> str:
        """Public address from the site root: `/muscles/gluteus-medius/`."""
        return page_address(self.id)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"page {self.id!r} has no section {section_id!r}; "
                       f"its sections: {', '.join(s.id for s in self.sections)}")

    def section_ids(self) -> list[str]:
        return [section.id for section in self.sections]


def page_id(item: object) -> str:
    """Page id of a content model with a page of its own: a Muscle `gluteus-medius` -> `muscles/gluteus-medius`."""
    return f"{FOLDERS[type(item)]}/{item.id}"


def handout_id(muscle: schema.Muscle) -> str:
    """Page id of a muscle's printable handout: `muscles/gluteus-medius/handout`."""
    return f"{page_id(muscle)}/handout"


def trigger_point_title(tp: schema.TriggerPoint) -> str:
    return f"Trigger point {tp.number}: {tp.title.lower()}"


def _sections(pairs: Iterable[tuple[str, str]], level: int = 2) -> list[Section]:
    return [Section(id_, title, level, listed=(id_, title) != ABOUT_THIS_PAGE) for id_, title in pairs]


def _content_sections(sections: Iterable[schema.Section]) -> list[Section]:
    return [Section(s.id, s.title) for s in sections]


SELF_RELEASE_NOT_ADVISED = "Self-release: why not for this muscle"
"""The self-release section's title where the muscle is not to be pressed at home (the id stays)."""


def _for_muscle(pairs: Iterable[tuple[str, str]], muscle: schema.Muscle) -> list[Section]:
    """The fixed sections of a muscle's page or handout, titled for this muscle."""
    if isinstance(muscle.self_release, schema.SelfReleaseNotAdvised):
        pairs = [(id_, SELF_RELEASE_NOT_ADVISED if id_ == "self-release" else title) for id_, title in pairs]
    return _sections(pairs)


def muscle_sections(muscle: schema.Muscle) -> tuple[Section, ...]:
    """The muscle page's linkable sections in page order: the fixed ones, with its trigger points after #trigger-points."""
    fixed = _for_muscle(MUSCLE_SECTIONS, muscle)
    at = [s.id for s in fixed].index("trigger-points") + 1
    points = [Section(tp.id, trigger_point_title(tp), 3) for tp in muscle.trigger_points.points]
    return tuple(fixed[:at] + points + fixed[at:] + [Section(*ABOUT_THIS_PAGE, listed=False)])


class PageRegistry(Mapping[str, PageEntry]):
    """Page id -> `PageEntry`, in site order."""

    def __init__(self, entries: Iterable[PageEntry]):
        self._entries: dict[str, PageEntry] = {}
        for entry in entries:
            if entry.id in self._entries:
                raise ValueError(f"two pages with the id {entry.id!r}")
            self._entries[entry.id] = entry

    def __getitem__(self, page_id_: str) -> PageEntry:
        return self._entries[page_id_]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def of(self, item: object) -> PageEntry:
        """The page of a content model (Muscle, Condition, Technique)."""
        return self._entries[page_id(item)]

    @property
    def finder(self) -> PageEntry:
        """/where-does-it-hurt/, which every muscle page links to."""
        return self._entries[FINDER]

    def resolve(self, target: str) -> tuple[PageEntry, Section | None]:
        """`muscles/gluteus-medius#stretch` -> (its page, its section); KeyError if either does not exist."""
        page, _, section = target.partition("#")
        entry = self._entries[page]
        return entry, (entry.section(section) if section else None)

    def title(self, target: str) -> str:
        """What a link to `target` is called: the page's title, or "Page: Section" for a section."""
        entry, section = self.resolve(target)
        return f"{entry.title}: {section.title}" if section else entry.title


def build(*, muscles: list[schema.Muscle], conditions: list[schema.Condition],
          techniques: list[schema.Technique], glossary: schema.Glossary, for_clinicians: schema.ClinicianGuide,
          regions: list[schema.BodyRegion], finder: schema.Finder, views: list[schema.View] = (),
          areas: list[schema.BodyArea] = ()) -> PageRegistry:
    """The registry of the pages these contents make (the cross-file rules call it before `SiteContent` exists)."""
    # /muscles/ groups the muscles by body area (content/body-map.yml `areas`); an area with none is left out.
    index_sections = []
    for area in areas:
        in_area = [m for m in muscles if m.body_area == area.id]
        if in_area:
            index_sections += [Section(area.id, area.name)] + [Section(m.id, m.names.common, 3) for m in in_area]
    entries = [PageEntry(MUSCLE_INDEX, "muscle-index", "Muscles", None, tuple(index_sections))]
    for muscle in muscles:
        source = f"muscles/{muscle.id}.yml"
        entries.append(PageEntry(page_id(muscle), "muscle", muscle.names.common, source,
                                 muscle_sections(muscle), muscle))
        entries.append(PageEntry(handout_id(muscle), "handout", f"{muscle.names.common}: handout to print", source,
                                 tuple(_for_muscle(HANDOUT_SECTIONS, muscle)), muscle))
    for condition in conditions:
        sections = _content_sections(condition.sections)
        sections += _sections([CONDITION_TRIGGER_POINTS, WHEN_TO_GET_HELP, RELATED, REFERENCES, ABOUT_THIS_PAGE])
        entries.append(PageEntry(page_id(condition), "condition", condition.name,
                                 f"conditions/{condition.id}.yml", tuple(sections), condition))
    for technique in techniques:
        sections = _content_sections(technique.sections) + _sections([RELATED, REFERENCES, ABOUT_THIS_PAGE])
        entries.append(PageEntry(page_id(technique), "technique", technique.name,
                                 f"techniques/{technique.id}.yml", tuple(sections), technique))
    by_letter: dict[str, list[schema.GlossaryTerm]] = {}
    for term in sorted(glossary.terms, key=lambda t: t.term.lower()):
        by_letter.setdefault(term.term[0].upper(), []).append(term)
    glossary_sections: list[Section] = []
    for letter, terms in by_letter.items():
        glossary_sections.append(Section(f"letter-{letter.lower()}", letter, copy_link=False))
        glossary_sections += [Section(term.id, term.term, 3) for term in terms]
    glossary_sections += _sections([ABOUT_THIS_PAGE])
    entries.append(PageEntry(GLOSSARY, "glossary", "Glossary", "glossary.yml", tuple(glossary_sections), glossary))
    clinician_sections = _content_sections(for_clinicians.sections) + _sections([SECTION_ADDRESSES])
    clinician_sections += [Section(f"links-{m.id}", m.names.common, 3) for m in muscles]
    clinician_sections += _sections([ABOUT_THIS_PAGE])
    entries.append(PageEntry(FOR_CLINICIANS, "for-clinicians", "For clinicians", "for-clinicians.yml",
                             tuple(clinician_sections), for_clinicians))
    finder_sections = [Section(f"map-{view.id}", view.name[0].upper() + view.name[1:]) for view in views]
    finder_sections += _sections([FINDER_PLACES]) + [Section(r.id, r.name) for r in regions]
    finder_sections += _sections([WHEN_TO_GET_HELP, REFERENCES])
    entries.append(PageEntry(FINDER, "finder", finder.title, "body-map.yml", tuple(finder_sections), finder))
    return PageRegistry(entries)


def of_site(site: schema.SiteContent) -> PageRegistry:
    return build(muscles=site.muscles, conditions=site.conditions, techniques=site.techniques,
                 glossary=site.glossary, for_clinicians=site.for_clinicians, regions=site.regions,
                 finder=site.body_map.finder, views=site.body_map.views, areas=site.body_map.areas)


def nav_with_muscles(nav: list | None, registry: PageRegistry, title=str) -> list | None:
    """The `nav` of mkdocs.yml with every muscle page listed after the muscle index, by `title(its title)`.

    mkdocs.yml names the section once (`- Muscles: [muscles/index.md]`); the muscles come from the
    content, so a new muscle needs no edit there. Entries that are already muscle pages are replaced, so
    the result is the same however often it is applied. With no `nav`, MkDocs lists every page itself.
    """
    if nav is None:
        return None
    index = registry[MUSCLE_INDEX].path
    muscles = [entry for entry in registry.values() if entry.kind == "muscle"]
    generated = {entry.path for entry in muscles}

    def is_muscle(item: object) -> bool:
        if isinstance(item, dict) and len(item) == 1:
            item = next(iter(item.values()))
        return isinstance(item, str) and item in generated

    def walk(items: list) -> list:
        result = []
        for item in items:
            if isinstance(item, dict):
                item = {title: walk(value) if isinstance(value, list) else value for title, value in item.items()}
            if is_muscle(item):
                continue
            result.append(item)
            if item == index:
                result += [{title(entry.title): entry.path} for entry in muscles]
        return result

    return walk(nav)
