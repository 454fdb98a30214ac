"""Rules that span content files, each a named function: ids are unique, every reference, region and
cross-link lands somewhere, trigger points lie inside their muscle, no redirect hides a page.

One file on its own is checked by the schema when it is read (`atlas.load`); these rules need the whole
folder, so `load.load_site` runs them once every file has been read. Cross-links are checked against
the page registry (`atlas.pages`), the same one the renderer links with.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from typing import Any

from atlas import geometry, map_checks, pages
from atlas.problems import Problem, dotted


@dataclasses.dataclass
class Contents:
    """The files that were read, for the rules to check."""

    fields: dict[str, Any]
    """Site-wide files by key (`glossary`, `references` ...); page folders (`muscles` ...) as (label, page) pairs."""
    labels: dict[str, str]
    """Label of each site-wide file by key: `content/glossary.yml`."""
    line_of: dict[str, Callable[[tuple], int | None]]
    """By file label: the line of the value at a field path."""

    def problem(self, label: str, loc: tuple, message: str) -> Problem:
        line_of = self.line_of.get(label)
        return Problem(label, dotted(loc), line_of(loc) if line_of else None, message)

    def pages_of(self, folder: str) -> list[tuple[str, Any]]:
        return self.fields[folder]

    def every_page(self) -> Iterator[tuple[str, str, Any]]:
        for folder in ("muscles", "conditions", "techniques"):
            for label, page in self.fields[folder]:
                yield folder, label, page

    @functools.cached_property
    def registry(self) -> pages.PageRegistry:
        return pages.build(muscles=[m for _, m in self.pages_of("muscles")],
                           conditions=[c for _, c in self.pages_of("conditions")],
                           techniques=[t for _, t in self.pages_of("techniques")],
                           glossary=self.fields["glossary"], for_clinicians=self.fields["for_clinicians"],
                           regions=self.fields["regions"], finder=self.fields["body_map"].finder,
                           views=self.fields["body_map"].views, areas=self.fields["body_map"].areas)


def _duplicates(contents: Contents, label: str, items: list, where: tuple, what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            yield contents.problem(label, where + (i, "id"), f"duplicate {what} id {item.id!r}")
        seen.add(item.id)


def ids_are_unique(contents: Contents) -> Iterator[Problem]:
    """Within a list (references, regions, glossary terms, sections, trigger points) every id is used once."""
    labels, fields = contents.labels, contents.fields
    yield from _duplicates(contents, labels["references"], fields["references"], ("references",), "reference")
    yield from _duplicates(contents, labels["regions"], fields["regions"], ("regions",), "body region")
    yield from _duplicates(contents, labels["glossary"], fields["glossary"].terms, ("terms",), "glossary term")
    yield from _duplicates(contents, labels["for_clinicians"], fields["for_clinicians"].sections, ("sections",),
                           "section")
    for folder, label, page in contents.every_page():
        if folder == "muscles":
            yield from _duplicates(contents, label, page.trigger_points.points, ("trigger_points", "points"),
                                   "trigger point")
        else:
            yield from _duplicates(contents, label, page.sections, ("sections",), "section")


def cross_links_resolve(contents: Contents) -> Iterator[Problem]:
    """Every related link names a page of the registry and, if it has one, a section of that page."""
    registry = contents.registry
    for _, label, page in contents.every_page():
        for i, link in enumerate(page.related):
            target, _, section = link.page.partition("#")
            if target not in registry:
                yield contents.problem(label, ("related", i, "page"),
                                       f"cross-link to unknown page {target!r}; known pages: {', '.join(sorted(registry))}")
            elif section and section not in registry[target].section_ids():
                yield contents.problem(label, ("related", i, "page"),
                                       f"cross-link to unknown section '#{section}' on page {target!r}")


def references_resolve(contents: Contents) -> Iterator[Problem]:
    """Every reference id exists, and a section cites only references its page lists."""
    known = {r.id for r in contents.fields["references"]}

    def check(label: str, loc: tuple, ids: list[str], allowed: set[str]) -> Iterator[Problem]:
        for i, ref in enumerate(ids):
            if ref not in known:
                yield contents.problem(label, loc + (i,),
                                       f"unknown reference id {ref!r}; known: {', '.join(sorted(known))}")
            elif ref not in allowed:
                yield contents.problem(label, loc + (i,), f"reference {ref!r} is cited here but missing from the "
                                                           "page's references list")

    for folder, label, page in contents.every_page():
        yield from check(label, ("references",), page.references, known)
        allowed = set(page.references)
        if folder != "muscles":
            for s, section in enumerate(page.sections):
                yield from check(label, ("sections", s, "sources"), section.sources, allowed)
            continue
        for section in ("anatomy", "symptoms", "causes", "self_release", "stretch"):
            yield from check(label, (section, "sources"), getattr(page, section).sources, allowed)
        for n, note in enumerate(page.anatomy.clinician_notes):
            yield from check(label, ("anatomy", "clinician_notes", n, "sources"), note.sources, allowed)
        for exercise in ("self_release", "stretch"):
            alternative = getattr(getattr(page, exercise), "pregnancy_alternative", None)  # none when not advised
            if alternative is not None:
                yield from check(label, (exercise, "pregnancy_alternative", "sources"), alternative.sources, allowed)
        for t, tp in enumerate(page.trigger_points.points):
            yield from check(label, ("trigger_points", "points", t, "sources"), tp.sources, allowed)
    # The site-wide safety and evidence text cites references that must exist.
    safety = contents.fields["safety"]
    for loc, ids in ((("when_to_get_help_sources",), safety.when_to_get_help_sources),
                     (("pregnancy", "sources"), safety.pregnancy.sources),
                     (("pregnancy", "red_flags", "sources"), safety.pregnancy.red_flags.sources),
                     (("trigger_point_evidence", "sources"), safety.trigger_point_evidence.sources)):
        yield from check(contents.labels["safety"], loc, ids, known)


def regions_exist(contents: Contents) -> Iterator[Problem]:
    """Every region a condition covers or a trigger point sends pain to is in body-regions.yml."""
    known = {r.id for r in contents.fields["regions"]}
    for label, condition in contents.pages_of("conditions"):
        for i, region in enumerate(condition.regions):
            if region not in known:
                yield contents.problem(label, ("regions", i), _unknown_region(region, known))
    for label, muscle in contents.pages_of("muscles"):
        for t, tp in enumerate(muscle.trigger_points.points):
            for r, referral in enumerate(tp.referred_pain):
                if referral.region not in known:
                    yield contents.problem(label, ("trigger_points", "points", t, "referred_pain", r, "region"),
                                           _unknown_region(referral.region, known))


def trigger_points_inside_muscle(contents: Contents) -> Iterator[Problem]:
    """Every trigger point's X lies inside its muscle's outline on the body map."""
    for label, muscle in contents.pages_of("muscles"):
        for t, tp in enumerate(muscle.trigger_points.points):
            if not geometry.inside(tp.position.x, tp.position.y, muscle.body_map.outline):
                yield contents.problem(label, ("trigger_points", "points", t, "position"),
                                       f"trigger point {tp.number} at ({tp.position.x:g}, {tp.position.y:g}) lies "
                                       "outside the muscle's outline (body_map.outline); move it inside, or fix the "
                                       "outline")


def maps_agree(contents: Contents) -> Iterator[Problem]:
    """Views, places of pain and muscles agree (atlas.map_checks): known views and body areas, pins inside
    their places and apart, links between muscles returned."""
    found: list[Problem] = []

    def report(label: str, loc: tuple, message: str) -> None:
        found.append(contents.problem(label, loc, message))

    map_checks.check_regions(contents.fields["regions"], contents.fields["body_map"], report,
                             contents.labels["regions"], contents.labels["body_map"])
    map_checks.check_muscles(contents.pages_of("muscles"), contents.fields["body_map"], report)
    yield from found


def redirects_hide_no_page(contents: Contents) -> Iterator[Problem]:
    """A redirect away from a page that still exists would hide that page."""
    generated = {entry.address for entry in contents.registry.values()}
    for i, redirect in enumerate(contents.fields["redirects"].pages):
        if redirect.old in generated:
            yield contents.problem(contents.labels["redirects"], ("pages", i, "from"),
                                   f"{redirect.old} is a page generated from content/; a redirect would hide it")


RULES = (ids_are_unique, cross_links_resolve, references_resolve, regions_exist, trigger_points_inside_muscle,
         maps_agree, redirects_hide_no_page)


def check(contents: Contents) -> list[Problem]:
    """Every problem every rule finds, in rule order."""
    return [problem for rule in RULES for problem in rule(contents)]


def _unknown_region(region: str, known: set[str]) -> str:
    return f"unknown body region {region!r}; known regions (content/body-regions.yml): {', '.join(sorted(known))}"
