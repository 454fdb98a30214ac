"""Metadata for shared links and search engines, read from the built pages: meta description, canonical
link, Open Graph and Twitter tags, JSON-LD MedicalWebPage, the citation line, sitemap.xml, and no query
strings. Also the full addresses on /for-clinicians/."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from atlas import links, pages, render, schema, structured_data
from atlas.load import load_site

from conftest import ROOT, long_date

SITE_URL = links.DEFAULT_SITE_URL  # mkdocs.yml's site_url when SITE_URL is not set, as in the test build


class _Head(HTMLParser):
    """Meta tags, links, JSON-LD blocks and every href/src of one page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical: list[str] = []
        self.json_ld: list[str] = []
        self.addresses: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and (values.get("name") or values.get("property")):
            self.meta[values.get("name") or values.get("property")] = values.get("content") or ""
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical.append(values["href"])
        if tag == "script" and values.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        for name in ("href", "src"):
            if values.get(name):
                self.addresses.append(values[name])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def head_of(built_site: Path, page: str) -> _Head:
    parser = _Head()
    parser.feed((built_site / page / "index.html").read_text())
    return parser


@pytest.fixture(scope="module")
def site() -> schema.SiteContent:
    return load_site(ROOT / "content")


@pytest.fixture(scope="module")
def built_pages(built_site: Path) -> list[str]:
    """Every page of the built site (`muscles/gluteus-medius/`; the home page is "")."""
    return sorted(
        ("" if html.parent == built_site else html.parent.relative_to(built_site).as_posix() + "/")
        for html in built_site.rglob("index.html")
    )


def content_pages(site: schema.SiteContent) -> dict[str, object]:
    """Generated pages with a review date, by built path, and the content they come from."""
    pages: dict[str, object] = {f"muscles/{m.id}/": m for m in site.muscles}
    pages |= {f"conditions/{c.id}/": c for c in site.conditions}
    pages |= {f"techniques/{t.id}/": t for t in site.techniques}
    return pages | {"glossary/": site.glossary, "for-clinicians/": site.for_clinicians}


SITE_DESCRIPTION = yaml.safe_load(
    "\n".join(line for line in (ROOT / "mkdocs.yml").read_text().splitlines() if line.startswith("site_description"))
)["site_description"]
"""The fallback Material prints when a page has no description of its own."""


# --- every page ----------------------------------------------------------------


def test_every_page_has_description_canonical_and_share_tags(built_site: Path, built_pages: list[str], site):
    generated = content_pages(site)
    for page in built_pages:
        head = head_of(built_site, page)
        address = SITE_URL + page
        assert head.canonical == [address], page
        if page in generated:
            assert head.meta["description"] == generated[page].summary, page
        else:
            assert head.meta["description"] and head.meta["description"] != SITE_DESCRIPTION, page
        assert head.meta["og:description"] == head.meta["twitter:description"] == head.meta["description"], page
        assert head.meta["og:url"] == address, page
        assert head.meta["og:title"] and head.meta["og:title"] == head.meta["twitter:title"], page
        assert head.meta["og:site_name"] == "Trigger Point Atlas"
        assert head.meta["twitter:card"] == "summary"
        assert "og:image" not in head.meta  # nothing made or fetched for it


def test_descriptions_differ_between_pages(built_site: Path, built_pages: list[str]):
    descriptions = [head_of(built_site, page).meta["description"] for page in built_pages]
    assert len(set(descriptions)) == len(descriptions)


def test_no_query_strings_in_addresses(built_site: Path, built_pages: list[str]):
    for page in built_pages:
        for address in head_of(built_site, page).addresses:
            if address.startswith(("http://", "https://")) and not address.startswith(SITE_URL):
                continue  # a cited page elsewhere keeps its own address (GPnotebook's has a query)
            assert "?" not in address, (page, address)
    for loc in sitemap_locations(built_site):
        assert "?" not in loc


# --- JSON-LD -------------------------------------------------------------------


def test_content_pages_carry_medical_web_page_json_ld(built_site: Path, site):
    references = {r.id: r for r in site.references}
    for page, item in content_pages(site).items():
        blocks = head_of(built_site, page).json_ld
        assert len(blocks) == 1, page
        data = json.loads(blocks[0])
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "MedicalWebPage"
        assert data["lastReviewed"] == item.review.last_reviewed.isoformat()
        assert data["url"] == SITE_URL + page
        assert data["description"] == item.summary
        assert data["publisher"] == {"@type": "Organization", "name": site.publisher.name}
        assert {"@type": "MedicalAudience", "audienceType": "Clinician"} in data["audience"]
        ref_ids = getattr(item, "references", [])
        assert [c["name"] for c in data.get("citation", [])] == [references[r].title for r in ref_ids], page


def test_muscle_json_ld_is_about_the_muscle(built_site: Path, site):
    muscle = site.muscle("gluteus-medius")
    data = json.loads(head_of(built_site, f"muscles/{muscle.id}/").json_ld[0])
    about = data["about"]
    assert about["@type"] == "Muscle" and about["name"] == muscle.names.common
    assert about["nerve"] == {"@type": "Nerve", "name": muscle.anatomy.nerve}
    assert about["insertion"]["name"] == muscle.anatomy.insertion
    assert "greater trochanter" in about["insertion"]["name"]
    for action in muscle.anatomy.actions:
        assert action.movement in about["action"]
    assert {"@type": "Patient"} in data["audience"]
    assert data["citation"][0]["author"] == "Travell JG, Simons DG" and data["citation"][0]["datePublished"] == "1992"


def test_pages_without_a_review_have_no_json_ld(built_site: Path):
    for page in ("", "about/", "muscles/"):
        assert head_of(built_site, page).json_ld == []


def test_json_ld_cannot_close_its_script_element(site):
    hostile = "Pain </script><script>alert(1)</script> & more"
    muscle = site.muscle("gluteus-medius").model_copy(update={"summary": hostile})
    changed = site.model_copy(update={"muscles": [muscle if m.id == muscle.id else m for m in site.muscles]})
    markdown = render.Renderer(changed).render_muscle_page(muscle).markdown
    meta = yaml.safe_load(markdown.split("---\n")[1])
    assert "<" not in meta["json_ld"] and "&" not in meta["json_ld"]
    assert "\\u003c/script\\u003e" in meta["json_ld"]
    assert json.loads(meta["json_ld"])["description"] == hostile
    data = structured_data.page_json_ld(changed, pages.of_site(changed).of(muscle), SITE_URL)
    assert json.loads(links.json_for_script(data)) == data


# --- citation ------------------------------------------------------------------


def test_content_pages_end_with_a_citation_to_copy(built_site: Path, built_pages: list[str], site):
    generated = content_pages(site)
    for page in built_pages:
        html = (built_site / page / "index.html").read_text()
        match = re.search(r'<p class="cite-this-page__text" id="cite-this-page-text">(.*?)</p>', html)
        if page not in generated:
            assert match is None, page
            continue
        assert match, page
        title = head_of(built_site, page).meta["og:title"]
        reviewed = long_date(generated[page].review.last_reviewed)
        assert match.group(1) == (f"{title}. Trigger Point Atlas. Last reviewed {reviewed}. "
                                  f"{SITE_URL}{page} (accessed [date]).")
        assert '<h2 id="cite-this-page">How to cite this page</h2>' in html
        assert 'data-copy-text-of="cite-this-page-text"' in html


# --- sitemap -------------------------------------------------------------------

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(built_site: Path) -> dict[str, str | None]:
    root = ET.parse(built_site / "sitemap.xml").getroot()
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_page_with_its_review_date(built_site: Path, built_pages: list[str], site):
    locations = sitemap_locations(built_site)
    assert set(locations) == {SITE_URL + page for page in built_pages}
    generated = content_pages(site)
    for page in built_pages:
        source = generated.get(page) or generated.get(page.removesuffix("handout/"))  # a handout: its muscle's
        expected = source.review.last_reviewed.isoformat() if source else None
        assert locations[SITE_URL + page] == expected, page


# --- /for-clinicians/ ----------------------------------------------------------


def test_for_clinicians_lists_every_section_with_its_full_address(built_site: Path, site):
    html = (built_site / "for-clinicians/index.html").read_text()
    registry = pages.of_site(site)
    for muscle in site.muscles:
        for section in (s.id for s in registry.of(muscle).sections if s.listed):
            address = f"{SITE_URL}muscles/{muscle.id}/#{section}"
            assert f'<td data-label="Full address"><a href="../muscles/{muscle.id}/#{section}">{address}</a></td>' in html, section


def test_full_addresses_follow_the_public_site_url(site, tmp_path: Path):
    page = render.Renderer(site, site_url="https://example.org/atlas/").render_for_clinicians().markdown
    assert "| [https://example.org/atlas/muscles/gluteus-medius/\\#stretch](muscles/gluteus-medius.md#stretch) |" in page
    assert "127.0.0.1" not in page

    result = subprocess.run(
        [sys.executable, "-m", "atlas", "render", str(tmp_path), "--site-url", "https://example.org/atlas/"],
        env={"PYTHONPATH": str(ROOT / "scripts")}, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "for-clinicians.md").read_text()
    assert "https://example.org/atlas/muscles/gluteus-medius/\\#tp2" in written
    assert '\\"url\\":\\"https://example.org/atlas/for-clinicians/\\"' in written
