"""Render validated content into Markdown pages, one Jinja template per page kind.

The output is plain Markdown (with Material's admonitions and attribute lists)
so that MkDocs, or any engine that reads the same Markdown, builds the same
pages. Nothing here knows about MkDocs: the hook only hands these strings over.

This module shapes each page's data (which trigger points send pain to a region, the glossary by
letter ...) and hands a template everything it may use as render context (`_context`): the content,
the page's registry entry, and the helpers bound to that page (`link`, `address`, `heading`,
`page_title`, `cite`, `body_map`). Nothing shared changes from one page to the next. Escaping and
filters are `atlas.templating`'s; pages, titles and sections are `atlas.pages`'.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import json
from pathlib import Path

from markupsafe import Markup

from atlas import bodymap, pages, pose, pose_cache, pose_schema, schema, structured_data
from atlas.gc_pause import paused_gc
from atlas.links import (DEFAULT_SITE_URL, absolute_address, json_for_script, page_address, relative_link,
                         short_address)
from atlas.qr import qr_svg
from atlas.templating import environment, escape_markdown

__all__ = ["Page", "Renderer", "render_site", "write_markdown_tree"]


def _contact_link(publisher: schema.Publisher) -> Markup:
    """The publisher's error-report contact as a link; its text is the label, or the address itself."""
    label = publisher.contact_label or publisher.contact.removeprefix("mailto:")
    return Markup(f'<a href="{html.escape(publisher.contact, quote=True)}">{escape_markdown(label)}</a>')


def _web_link(url: str) -> Markup:
    """A reference's web address as a link. The schema allows no space, quote or angle bracket in it; the
    HTML escape is a second guard, and the link text is the address itself, so a reader can copy it (and
    print.css, told so by the class, does not print the address a second time after it)."""
    safe = html.escape(url, quote=True)
    return Markup(f'<a class="link-is-address" href="{safe}">{safe}</a>')


@dataclasses.dataclass(frozen=True)
class Page:
    """A generated Markdown page: `path` is relative to the docs folder."""

    path: str
    markdown: str


class Renderer:
    def __init__(self, site: schema.SiteContent, site_url: str = DEFAULT_SITE_URL):
        self.site = site
        self.site_url = site_url
        """The public address (mkdocs.yml `site_url`): absolute links, QR codes and JSON-LD use it."""
        self.pages = pages.of_site(site)
        self.references = {r.id: r for r in site.references}
        self.regions = {r.id: r for r in site.regions}
        self.env = environment(
            region_names=self._region_names,
            with_pain_scale=self._with_pain_scale,
            region_list=lambda ids: _and([self.regions[i].name.lower() for i in ids]),
            first_sentence=lambda text: text.split(". ")[0].rstrip(".") + ".",
        )
        self.body_maps = bodymap.BodyMapDrawer(site.body_map, site.regions)

    # --- helpers the templates call ----------------------------------------

    def _region_names(self, referrals: list[schema.Referral], zone: str) -> str:
        return ", ".join(self.regions[r.region].name.lower() for r in referrals if r.zone == zone)

    def _with_pain_scale(self, text: str) -> str:
        """A sentence that gives a number out of 10, followed by what the numbers mean (REFERENCE.md 4)."""
        return f"{text} {self.site.safety.pain_scale}" if "out of 10" in text else text

    def _complaints_of(self, muscle: schema.Muscle) -> list[tuple[schema.Condition, list[schema.TriggerPoint]]]:
        """The condition pages whose regions this muscle's trigger points send pain to (main or spill-over),
        each with those trigger points: the muscle page links to them, as they list it."""
        found = []
        linked = {link.page.partition("#")[0] for link in muscle.related}
        for condition in self.site.conditions:
            if pages.page_id(condition) in linked:
                continue  # already among its related pages, with words of its own
            points = [tp for tp in muscle.trigger_points.points
                      if any(r.region in condition.regions for r in tp.referred_pain)]
            if points:
                found.append((condition, points))
        return found

    def _cite(self, page_references: list[str], sources: list[str]) -> Markup:
        """Numbered citation links such as `[1], [3]` to the page's reference list."""
        links = [
            f"[\\[{page_references.index(s) + 1}\\]](#ref-{s})" for s in sources if s in page_references
        ]
        return Markup("Sources: " + ", ".join(links)) if links else Markup("")

    def _target(self, target: object, section: str | None) -> str:
        """A link target as `page#section`: `target` is a page id (may carry `#section`), a registry entry or a
        content model (Muscle, Condition, Technique)."""
        if isinstance(target, pages.PageEntry):
            ref = target.id
        else:
            ref = target if isinstance(target, str) else pages.page_id(target)
        if section:
            ref = f"{ref.partition('#')[0]}#{section}"
        if ref.partition("#")[0] in self.pages:
            self.pages.resolve(ref)  # a KeyError names a section that does not exist
        return ref

    def _path(self, page: str) -> str:
        """Docs-relative Markdown path of a page; a page outside the registry is a hand-written one in
        docs/ (`about` -> `about.md`), whose links `mkdocs build --strict` checks."""
        return self.pages[page].path if page in self.pages else f"{page}.md"

    def _address(self, target: object, section: str | None = None) -> str:
        """Full public address: `address(muscle, "stretch")` -> `https://.../muscles/gluteus-medius/#stretch`."""
        page, _, anchor = self._target(target, section).partition("#")
        return absolute_address(self.site_url, page_address(page) + (f"#{anchor}" if anchor else ""))

    def _json_ld(self, entry: pages.PageEntry) -> Markup | None:
        data = structured_data.page_json_ld(self.site, entry, self.site_url)
        return Markup(json.dumps(json_for_script(data))) if data else None

    @functools.cached_property
    def _abbreviation_lines(self) -> Markup:
        """Abbreviation lines that give every glossary word a tooltip (Material `content.tooltips`); once per site."""
        lines = []
        for term in self.site.glossary.terms:
            definition = term.definition.replace("\n", " ")
            for word in [term.term, *term.also]:
                lines.append(f"*[{word}]: {definition}")
        return Markup("\n".join(lines))

    def _context(self, entry: pages.PageEntry) -> dict[str, object]:
        """What every template may use, bound to the page being rendered."""

        def link(target: object, section: str | None = None) -> Markup:
            page, _, anchor = self._target(target, section).partition("#")
            return Markup(relative_link(self._path(page), entry.path) + (f"#{anchor}" if anchor else ""))

        def heading(section_id: str) -> Markup:
            """The Markdown heading of one of this page's sections, with its pinned id."""
            section = entry.section(section_id)
            no_copy = "" if section.copy_link else " .no-copy-link"
            return Markup(f"{'#' * section.level} {escape_markdown(section.title)} {{ #{section.id}{no_copy} }}")

        return dict(site=self.site, page=entry, pages=self.pages, link=link, heading=heading,
                    address=self._address, page_title=self.pages.title, cite=self._cite,
                    body_map=self.body_maps.figure, abbreviations=self._abbreviation_lines,
                    json_ld=self._json_ld(entry), path=entry.path, references=self.references,
                    web_link=_web_link, contact_link=_contact_link, complaints_of=self._complaints_of)

    def _render(self, template: str, entry: pages.PageEntry, **data: object) -> Page:
        pictures = self._pose_helpers(entry.path, data.get("muscle"))  # exercise pictures (atlas.pose)
        markdown = self.env.get_template(template).render(self._context(entry) | pictures | data)
        return Page(entry.path, markdown)

    # --- one function per page kind -----------------------------------------

    def render_report_error(self) -> str:
        """The "Found a mistake?" line, for hand-written pages (docs/about.md); empty with no contact."""
        return self.env.get_template("partials/report_error.md.j2").render(
            site=self.site, contact_link=_contact_link,
            prefix="", when_unset="The editors have not yet published an address for reports.")

    def render_muscle_page(self, muscle: schema.Muscle) -> Page:
        return self._render("muscle.md.j2", self.pages.of(muscle), muscle=muscle, safety=self.site.safety,
                            references=self.references, handout_page=pages.handout_id(muscle))

    def render_handout(self, muscle: schema.Muscle) -> Page:
        """One printed sheet for a patient, made from the muscle's own content, with a QR code of its page."""
        full_address = self._address(muscle)
        qr = qr_svg(full_address, f"QR code: the address of the full {muscle.names.common} page, {full_address}")
        handout = self.pages[pages.handout_id(muscle)]
        return self._render("handout.md.j2", handout, muscle=muscle, safety=self.site.safety,
                            muscle_page=pages.page_id(muscle), full_address=full_address,
                            short_address=short_address(full_address),
                            handout_address=self._address(handout.id), qr_svg=Markup(qr))

    def render_muscle_index(self) -> Page:
        """/muscles/: the muscles grouped by body area (content/body-map.yml `areas`), in that order."""
        areas = [(area, [m for m in self.site.muscles if m.body_area == area.id]) for area in self.site.body_map.areas]
        return self._render("muscle_index.md.j2", self.pages[pages.MUSCLE_INDEX], muscles=self.site.muscles,
                            areas=[(area, muscles) for area, muscles in areas if muscles])

    def render_condition_page(self, condition: schema.Condition) -> Page:
        sending = sending_pain(self.site.muscles, condition.regions)
        return self._render("condition.md.j2", self.pages.of(condition),
                            condition=condition, sending=sending, references=self.references)

    def render_technique_page(self, technique: schema.Technique) -> Page:
        return self._render("technique.md.j2", self.pages.of(technique),
                            technique=technique, references=self.references)

    def render_glossary(self) -> Page:
        terms = sorted(self.site.glossary.terms, key=lambda t: t.term.lower())
        by_letter: dict[str, list[schema.GlossaryTerm]] = {}
        for term in terms:
            by_letter.setdefault(term.term[0].upper(), []).append(term)
        return self._render("glossary.md.j2", self.pages[pages.GLOSSARY], glossary=self.site.glossary,
                            by_letter=by_letter)

    def render_for_clinicians(self) -> Page:
        return self._render("for_clinicians.md.j2", self.pages[pages.FOR_CLINICIANS],
                            guide=self.site.for_clinicians, muscles=self.site.muscles)

    def render_finder(self) -> Page:
        """/where-does-it-hurt/: a map per view, and every region with the trigger points that send pain
        there: main areas before spill-over, grouped by muscle."""
        # One pass over the trigger points, not one per region: regions grow with muscles (pages squared).
        by_zone: dict[str, dict[str, dict[str, tuple[schema.Muscle, list[schema.TriggerPoint]]]]] = {
            region.id: {"main": {}, "spillover": {}} for region in self.site.regions}
        for muscle in self.site.muscles:
            for tp in muscle.trigger_points.points:
                for region_id, zone in dict.fromkeys((r.region, r.zone) for r in tp.referred_pain):
                    by_zone[region_id][zone].setdefault(muscle.id, (muscle, []))[1].append(tp)
        groups = {region_id: [(zone, list(by_muscle.values())) for zone, by_muscle in zones.items() if by_muscle]
                  for region_id, zones in by_zone.items()}
        counts = {region: sum(len(tps) for _, by_muscle in zones for _, tps in by_muscle)
                  for region, zones in groups.items()}
        finder = self.site.body_map.finder
        maps = [(view, self.body_maps.finder_block(view.id)) for view in self.site.body_map.views]
        return self._render("where_does_it_hurt.md.j2", self.pages[pages.FINDER], finder=finder,
                            regions=self.site.regions, groups=groups, counts=counts, maps=maps,
                            numbers=self.body_maps.numbers, views=self.body_maps.views, json_ld=None)

    # --- exercise positions (atlas.pose) --------------------------------------

    @staticmethod
    def _exercises(muscle: schema.Muscle) -> list[tuple[str, object]]:
        """(file name prefix, exercise) of every exercise of a muscle that can have pictures."""
        out = []
        for key, exercise in (("self-release", muscle.self_release), ("stretch", muscle.stretch)):
            if not hasattr(exercise, "pictures"):  # a self-release that is not advised has no steps to show
                continue
            out.append((key, exercise))
            alternative = getattr(exercise, "pregnancy_alternative", None)
            if hasattr(alternative, "pictures"):
                out.append((f"{key}-pregnancy", alternative))
        return out

    def _pose_files(self, muscle: schema.Muscle) -> list[tuple[str, object, object, str]]:
        """(docs path of the SVG, picture, exercise, caption) of every exercise picture of a muscle."""
        return [(f"muscles/{muscle.id}/poses/{key}-{name}.svg", picture, exercise, caption)
                for key, exercise in self._exercises(muscle)
                for caption, name, picture in pose_schema.labelled(exercise.pictures)]

    def _pose_helpers(self, from_path: str, muscle: schema.Muscle | None) -> dict[str, object]:
        """`pose_pictures(exercise)` and `pose_images(exercise)` for the page at `from_path`, which shows
        `muscle` (pictures are found among that muscle's exercises, by content)."""
        files = self._pose_files(muscle) if muscle is not None else []

        def image(path: str, picture: object, label: str, lazy: bool, upright_class: bool = False) -> str:
            """One picture as a Markdown image with its size (and, for a standing figure, `.pose-upright`)."""
            _, _, width, height = self._pose_picture(path, picture)
            loading = ' loading="lazy"' if lazy else ""
            upright = " .pose-upright" if upright_class and height > width else ""  # a standing figure: printed taller
            return (f'![{escape_markdown(label)}]({relative_link(path, from_path)}){{ width="{width}" height="{height}"'
                    f'{loading} decoding="async"{upright} }}')

        def of(exercise: object) -> list[tuple[str, object, str, str]]:
            """(path, picture, caption, text alternative) of one exercise's pictures, start first."""
            return [(path, picture, caption, self._pose_picture(path, picture)[1])
                    for path, picture, owner, caption in files if owner == exercise]

        def pose_pictures(exercise: object, lazy: bool = True) -> Markup:
            """The start (and end) pictures of one exercise: images the build writes as SVG files, so the
            page's HTML stays small and pictures further down load only when they are scrolled to."""
            figures = [f'<figure class="pose pose--{picture.stage}" markdown="span">{image(path, picture, alt, lazy)}'
                       f"<figcaption>{escape_markdown(caption)}</figcaption></figure>"
                       for path, picture, caption, alt in of(exercise)]
            # Search leaves the pictures out: their descriptions ("kneel on the right knee") are not where
            # pain is felt, and would rank a muscle for a word like "knee" by its exercise.
            return (Markup(f'<div class="pose-pictures" data-pagefind-ignore="all" markdown>{"".join(figures)}</div>')
                    if figures else Markup(""))

        def pose_images(exercise: object, lazy: bool = True) -> Markup:
            """The same pictures as a Markdown paragraph of images (class `pose-row`), start first, then end:
            for places where raw HTML cannot go (inside a box) and for paper, where a row of small images
            takes less room than figures with captions (each image's text alternative says Start or End)."""
            images = [image(path, picture, f"{caption}: {alt}", lazy, upright_class=True)
                      for path, picture, caption, alt in of(exercise)]
            return Markup(" ".join(images) + "\n{: .pose-row data-pagefind-ignore='all' }") if images else Markup("")

        return {"pose_pictures": pose_pictures, "pose_images": pose_images}

    def _pose_picture(self, path: str, picture: object) -> tuple[str, str, int, int]:
        """One picture's SVG, text alternative, width and height, made once per build (the page, the
        handout and the file all need them)."""
        drawn = self.__dict__.setdefault("_pose_pictures", {})
        if path not in drawn:
            svg = pose_cache.svg(picture)
            drawn[path] = (svg, pose.describe(picture), *pose.size(svg))
        return drawn[path]

    def render_pose_files(self) -> list[Page]:
        """The exercise pictures, as files beside the muscle's page (`Page.markdown` holds the SVG)."""
        return [Page(path, self._pose_picture(path, picture)[0])
                for muscle in self.site.muscles for path, picture, _, _ in self._pose_files(muscle)]

    @paused_gc
    def render_site(self) -> list[Page]:
        pages_ = [self.render_muscle_index(), self.render_glossary(), self.render_for_clinicians(),
                  self.render_finder()]
        pages_ += [self.render_muscle_page(m) for m in self.site.muscles]
        pages_ += [self.render_handout(m) for m in self.site.muscles]
        pages_ += [self.render_condition_page(c) for c in self.site.conditions]
        pages_ += [self.render_technique_page(t) for t in self.site.techniques]
        pages_ += self.render_pose_files()
        return pages_


def _and(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def sending_pain(muscles: list[schema.Muscle], regions: list[str]) -> list[tuple[schema.Muscle, list[tuple[schema.TriggerPoint, bool]]]]:
    """The muscles whose trigger points send pain to any of `regions`, each with those trigger points and
    whether the regions are their main pain area (True) or only where it can spread (False). Muscles with a
    main area there come first, and within a muscle the main areas first; otherwise content order."""
    found = []
    for muscle in muscles:
        points = [(tp, any(r.zone == "main" for r in tp.referred_pain if r.region in regions))
                  for tp in muscle.trigger_points.points if any(r.region in regions for r in tp.referred_pain)]
        if points:
            found.append((muscle, sorted(points, key=lambda p: not p[1])))
    return sorted(found, key=lambda m: not any(main for _, main in m[1]))


def render_site(site: schema.SiteContent, site_url: str = DEFAULT_SITE_URL) -> list[Page]:
    return Renderer(site, site_url).render_site()


def write_markdown_tree(pages_: list[Page], out_dir: Path) -> None:
    """Write rendered pages under `out_dir`, for engines that do not run MkDocs hooks."""
    for page in pages_:
        target = Path(out_dir) / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
