"""/where-does-it-hurt/ lists, for every region, exactly the trigger points whose content names it, main
areas before spill-over; computed here from the YAML files directly, not through the site's code."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import yaml

from atlas import render
from atlas.load import load_site

from conftest import ROOT

PAGE = "where-does-it-hurt/index.html"


class _Sections(HTMLParser):
    """Links in the article, grouped by the h2 section they follow, and the section's text."""

    def __init__(self):
        super().__init__()
        self.sections: dict[str, list[str]] = {}
        self.text: dict[str, str] = {}
        self.map_links: list[str] = []
        self._current: str | None = None
        self._in_svg = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "svg":
            self._in_svg = True
        if tag == "h2" and values.get("id"):
            self._current = values["id"]
            self.sections[self._current] = []
            self.text[self._current] = ""
        if tag == "a" and values.get("href"):
            if self._in_svg:
                self.map_links.append(values["href"])
            elif self._current and "/muscles/" in values["href"]:
                self.sections[self._current].append(values["href"])

    def handle_endtag(self, tag):
        if tag == "svg":
            self._in_svg = False

    def handle_data(self, data):
        if self._current:
            self.text[self._current] += data


def expected_from_yaml() -> dict[str, list[str]]:
    regions = yaml.safe_load((ROOT / "content/body-regions.yml").read_text())["regions"]
    muscles = [yaml.safe_load(p.read_text()) for p in sorted((ROOT / "content/muscles").glob("*.yml"))]
    expected = {}
    for region in regions:
        expected[region["id"]] = [
            f"../muscles/{muscle['id']}/#{tp['id']}"
            for zone in ("main", "spillover")
            for muscle in muscles
            for tp in muscle["trigger_points"]["points"]
            if {"region": region["id"], "zone": zone} in tp["referred_pain"]
        ]
    return expected


def parsed(built_site: Path) -> _Sections:
    parser = _Sections()
    parser.feed((built_site / PAGE).read_text())
    return parser


def test_each_region_lists_exactly_the_trigger_points_that_send_pain_there(built_site: Path):
    expected = expected_from_yaml()
    sections = parsed(built_site).sections
    assert {region: sections.get(region) for region in expected} == expected
    gluteus_medius = [a for a in expected["buttock"] if "/gluteus-medius/" in a]
    assert gluteus_medius == ["../muscles/gluteus-medius/#tp2", "../muscles/gluteus-medius/#tp1"]


def test_map_links_every_region_and_only_regions(built_site: Path):
    regions = {f"#{r}" for r in expected_from_yaml()}
    assert set(parsed(built_site).map_links) == regions


def test_every_listed_trigger_point_exists(built_site: Path):
    from test_build import ids_in

    for links in parsed(built_site).sections.values():
        for href in links:
            page, _, section = href.removeprefix("../").partition("#")
            assert section in ids_in(built_site / page / "index.html"), href


def test_a_region_nothing_sends_pain_to_says_so(tmp_path: Path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    regions = content / "body-regions.yml"
    regions.write_text(regions.read_text() + (
        "  - id: knee\n    name: Front of the knee\n    description: The kneecap and around it.\n"
        "    paired: true\n    views:\n      front:\n"
        "        points: [[124, 290], [140, 290], [142, 312], [124, 312]]\n        pin: [132, 301]\n"
    ))
    site = load_site(content)
    markdown = render.Renderer(site).render_finder().markdown
    knee = markdown.split("{ #knee }")[1].split("\n## ")[0]
    assert "No trigger point described on this site sends pain here yet." in knee
    assert "- [Front of the knee](#knee): 0 trigger points" in markdown
    assert 'href="#knee"' in markdown


def test_places_list_main_areas_first_grouped_by_muscle(tmp_path: Path):
    from view_muscles import copy_with_view_muscles

    site = load_site(copy_with_view_muscles(tmp_path / "content"))
    markdown = render.Renderer(site).render_finder().markdown
    thigh = markdown.split("{ #front-of-thigh }")[1].split("\n## ")[0]
    main, spread = thigh.split("The main pain area of:")[1].split("The pain can spread here from:") if (
        "spread here" in thigh) else (thigh.split("The main pain area of:")[1], "")
    # Both trigger points of the one muscle on one line, each a link to its section.
    lines = [line for line in main.splitlines() if line.startswith("- ")]
    assert all(line.count(": [trigger point") == 1 for line in lines), "one muscle a line"
    ours = [line for line in lines if line.startswith("- Synthetic front: [trigger point 1")]
    assert len(ours) == 1 and "#tp1)" in ours[0] and "#tp2)" in ours[0]
    groin = markdown.split("{ #groin }")[1].split("\n## ")[0]
    assert groin.index("The main pain area of:") < groin.index("The pain can spread here from:")
    # Each place says which maps show it, by number.
    hip = markdown.split("{ #side-of-hip }")[1].split("\n## ")[0]
    assert "Place 10 on the maps [seen from behind](#map-back) and [seen from the right side](#map-side)." in hip
