"""Render validated content into Markdown pages, one Jinja template per page kind.

The output is plain Markdown (with Material's admonitions and attribute lists)
so that MkDocs, or any engine that reads the same Markdown, builds the same
pages. Nothing here knows about MkDocs: the hook only hands these strings over.

Every value printed by a template is escaped for Markdown and HTML unless it
is explicitly marked safe (`Markup`). Content is plain text, so a content file
can never inject a link, an attribute list, HTML or script into a page.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import posixpath
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from atlas import bodymap, schema, structured_data
from atlas.gc_pause import paused_gc
from atlas.links import DEFAULT_SITE_URL, absolute_address, json_for_script, page_address, short_address
from atlas.qr import qr_svg

TEMPLATES = Path(__file__).parent / "templates"

# HTML's three special characters become entities and Markdown's specials get a backslash. One table,
# one pass: this runs for every value a template prints.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {c: "\\" + c for c in "\\`*_{}[]#|!"})
_NEEDS_ESCAPE = re.compile(r"[&<>\\`*_{}\[\]#|!]")


def escape_markdown(text: str) -> str:
    """Make `text` render literally: no emphasis, links, attribute lists or HTML."""
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def _finalize(value: object) -> object:
    if value is None:
        raise ValueError("a template printed a missing value; templates must not invent data")
    if isinstance(value, Markup):
        return value
    return escape_markdown(str(value))


@dataclasses.dataclass(frozen=True)
class Page:
    """A generated Markdown page: `path` is relative to the docs folder."""

    path: str
    markdown: str


def page_path(page_id: str) -> str:
    """Docs-relative source path of a page id: `muscles/gluteus-medius` -> `muscles/gluteus-medius.md`."""
    page, _, _ = page_id.partition("#")
    return "muscles/index.md" if page == "muscles" else f"{page}.md"


def handout_id(muscle: schema.Muscle) -> str:
    """Page id of a muscle's printable handout: `muscles/gluteus-medius/handout`."""
    return f"muscles/{muscle.id}/handout"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept for the life of the process.

    `mkdocs serve` makes a new `Renderer` on every rebuild, and compiling the templates was most of the
    render time of a small site. Jinja checks every entry against the template's source: an edited
    template is compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED_TEMPLATES = _CompiledTemplates()


class Renderer:
    def __init__(self, site: schema.SiteContent, site_url: str = DEFAULT_SITE_URL):
        self.site = site
        self.site_url = site_url
        """The public address (mkdocs.yml `site_url`): absolute links, QR codes and JSON-LD use it."""
        self.references = {r.id: r for r in site.references}
        self.regions = {r.id: r for r in site.regions}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            undefined=jinja2.StrictUndefined,
            finalize=_finalize,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,  # output is Markdown; `_finalize` escapes for it
            bytecode_cache=_COMPILED_TEMPLATES,
        )
        self.env.filters.update(
            date=lambda d: Markup(f"{d.day} {d:%B %Y}"),
            iso=lambda d: Markup(d.isoformat()),
            yaml_string=lambda s: Markup(json.dumps(str(s), ensure_ascii=False)),
            region_names=self._region_names,
        )
        self.body_maps = bodymap.BodyMapDrawer(site.body_map, site.regions)
        # `body_map(muscle)`: the overview figure; `body_map(muscle, tp)`: one trigger point's figure.
        # Any template (the muscle page, the handout) prints the same figure from the same content.
        self.env.globals.update(site=site, cite=self._cite, address=self._address,
                                body_map=self.body_maps.figure)

    # --- helpers the templates call ----------------------------------------

    def _region_names(self, referrals: list[schema.Referral], zone: str) -> str:
        return ", ".join(self.regions[r.region].name.lower() for r in referrals if r.zone == zone)

    def _cite(self, page_references: list[str], sources: list[str]) -> Markup:
        """Numbered citation links such as `[1], [3]` to the page's reference list."""
        links = [
            f"[\\[{page_references.index(s) + 1}\\]](#ref-{s})" for s in sources if s in page_references
        ]
        return Markup("Sources: " + ", ".join(links)) if links else Markup("")

    def _address(self, page_id: str) -> str:
        """Full public address of a page id: `muscles/gluteus-medius#stretch` -> `https://.../#stretch`."""
        return absolute_address(self.site_url, page_address(page_id))

    def _json_ld(self, path: str) -> Markup | None:
        data = structured_data.page_json_ld(self.site, path.removesuffix(".md"), self.site_url,
                                            self._content_pages)
        return Markup(json.dumps(json_for_script(data))) if data else None

    def _link_to(self, from_path: str):
        def link(page_id: str) -> Markup:
            page, _, section = page_id.partition("#")
            target = _relative_path(page_path(page), posixpath.dirname(from_path) or ".")
            return Markup(target + (f"#{section}" if section else ""))

        return link

    @functools.cached_property
    def _titles(self) -> dict[str, str]:
        # Built once per site, not per link: with hundreds of pages, per call it grew as pages squared.
        titles = {"muscles": "Muscles", "glossary": "Glossary", "for-clinicians": "For clinicians",
                  FINDER_PAGE: self.site.body_map.finder.title}
        titles |= {f"muscles/{m.id}": m.names.common for m in self.site.muscles}
        titles |= {f"conditions/{c.id}": c.name for c in self.site.conditions}
        titles |= {f"techniques/{t.id}": t.name for t in self.site.techniques}
        return titles

    @functools.cached_property
    def _content_pages(self) -> dict:
        return structured_data.content_pages(self.site)  # once per site, not once per page

    @functools.cached_property
    def _muscles_by_page(self) -> dict[str, schema.Muscle]:
        return {f"muscles/{m.id}": m for m in self.site.muscles}

    def _page_title(self, page_id: str) -> str:
        page, _, section = page_id.partition("#")
        titles = self._titles
        if page.startswith("muscles/") and section:
            return f"{titles[page]}: {_muscle_section_title(self._muscles_by_page[page], section)}"
        if section:
            return f"{titles[page]}: {section.replace('-', ' ')}"
        return titles[page]

    def _glossary_abbreviations(self) -> Markup:
        """Abbreviation lines that give every glossary word a tooltip (Material `content.tooltips`)."""
        return self._abbreviation_lines

    @functools.cached_property
    def _abbreviation_lines(self) -> Markup:
        # Once per site, not once per page.
        lines = []
        for term in self.site.glossary.terms:
            definition = term.definition.replace("\n", " ")
            for word in [term.term, *term.also]:
                lines.append(f"*[{word}]: {definition}")
        return Markup("\n".join(lines))

    def _render(self, template: str, path: str, **context: object) -> Page:
        self.env.globals.update(link=self._link_to(path), page_title=self._page_title)
        context.setdefault("json_ld", self._json_ld(path))
        markdown = self.env.get_template(template).render(
            path=path, abbreviations=self._glossary_abbreviations(), **context
        )
        return Page(path, markdown)

    # --- one function per page kind -----------------------------------------

    def render_muscle_page(self, muscle: schema.Muscle) -> Page:
        return self._render("muscle.md.j2", page_path(f"muscles/{muscle.id}"), muscle=muscle,
                            safety=self.site.safety, references=self.references, handout_page=handout_id(muscle))

    def render_handout(self, muscle: schema.Muscle) -> Page:
        """One printed sheet for a patient, made from the muscle's own content, with a QR code of its page."""
        muscle_page = f"muscles/{muscle.id}"
        full_address = self._address(muscle_page)
        qr = qr_svg(full_address, f"QR code: the address of the full {muscle.names.common} page, {full_address}")
        return self._render("handout.md.j2", page_path(handout_id(muscle)), muscle=muscle, safety=self.site.safety,
                            muscle_page=muscle_page, full_address=full_address,
                            short_address=short_address(full_address),
                            handout_address=self._address(handout_id(muscle)), qr_svg=Markup(qr))

    def render_muscle_index(self) -> Page:
        return self._render("muscle_index.md.j2", page_path("muscles"), muscles=self.site.muscles)

    def render_condition_page(self, condition: schema.Condition) -> Page:
        sending_pain = [
            (muscle, tp)
            for muscle in self.site.muscles
            for tp in muscle.trigger_points.points
            if any(r.region in condition.regions for r in tp.referred_pain)
        ]
        return self._render("condition.md.j2", page_path(f"conditions/{condition.id}"),
                            condition=condition, sending_pain=sending_pain, references=self.references)

    def render_technique_page(self, technique: schema.Technique) -> Page:
        return self._render("technique.md.j2", page_path(f"techniques/{technique.id}"),
                            technique=technique, references=self.references)

    def render_glossary(self) -> Page:
        terms = sorted(self.site.glossary.terms, key=lambda t: t.term.lower())
        by_letter: dict[str, list[schema.GlossaryTerm]] = {}
        for term in terms:
            by_letter.setdefault(term.term[0].upper(), []).append(term)
        return self._render("glossary.md.j2", page_path("glossary"), glossary=self.site.glossary,
                            by_letter=by_letter)

    def render_for_clinicians(self) -> Page:
        return self._render("for_clinicians.md.j2", page_path("for-clinicians"),
                            guide=self.site.for_clinicians, muscles=self.site.muscles,
                            section_title=_muscle_section_title,
                            muscle_section_ids=lambda m: m.section_ids())

    def render_finder(self) -> Page:
        """/where-does-it-hurt/: every region, with the trigger points that send pain there (main first)."""
        # One pass over the trigger points, not one per region: regions grow with muscles (pages squared).
        by_zone = {region.id: {"main": [], "spillover": []} for region in self.site.regions}
        for muscle in self.site.muscles:
            for tp in muscle.trigger_points.points:
                for region_id, zone in dict.fromkeys((r.region, r.zone) for r in tp.referred_pain):
                    by_zone[region_id][zone].append((muscle, tp, zone))
        sending: dict[str, list[tuple[schema.Muscle, schema.TriggerPoint, str]]] = {
            region_id: zones["main"] + zones["spillover"] for region_id, zones in by_zone.items()}
        finder = self.site.body_map.finder
        figure = self.body_maps.finder_figure(label=finder.map_label, caption=finder.map_caption)
        return self._render("where_does_it_hurt.md.j2", page_path(FINDER_PAGE), finder=finder,
                            regions=self.site.regions, sending=sending, figure=figure, json_ld=None)

    @paused_gc
    def render_site(self) -> list[Page]:
        pages = [self.render_muscle_index(), self.render_glossary(), self.render_for_clinicians(),
                 self.render_finder()]
        pages += [self.render_muscle_page(m) for m in self.site.muscles]
        pages += [self.render_handout(m) for m in self.site.muscles]
        pages += [self.render_condition_page(c) for c in self.site.conditions]
        pages += [self.render_technique_page(t) for t in self.site.techniques]
        return pages


@functools.lru_cache(maxsize=8192)
def _relative_path(target: str, start: str) -> str:
    # relpath asks the OS for the working directory on every call: a quarter of the render time.
    return posixpath.relpath(target, start)

FINDER_PAGE = "where-does-it-hurt"
"""Page id of the "Where does it hurt?" page; its section ids are the region ids."""


MUSCLE_SECTION_TITLES = {
    "anatomy": "Where it is and what it does",
    "trigger-points": "Trigger points and where they send pain",
    "symptoms": "Symptoms",
    "causes": "Causes and what keeps it going",
    "self-release": "Self-release with a ball",
    "stretch": "Stretch",
    "when-to-get-help": "When to get help",
    "related": "Related pages",
    "references": "References",
}
"""Headings of the pinned muscle-page sections; the ids are `schema.MUSCLE_SECTION_IDS`."""


def _muscle_section_title(muscle: schema.Muscle, section: str) -> str:
    for tp in muscle.trigger_points.points:
        if tp.id == section:
            return f"Trigger point {tp.number}: {tp.title.lower()}"
    return MUSCLE_SECTION_TITLES[section]


def render_site(site: schema.SiteContent, site_url: str = DEFAULT_SITE_URL) -> list[Page]:
    return Renderer(site, site_url).render_site()


def write_markdown_tree(pages: list[Page], out_dir: Path) -> None:
    """Write rendered pages under `out_dir`, for engines that do not run MkDocs hooks."""
    for page in pages:
        target = Path(out_dir) / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
