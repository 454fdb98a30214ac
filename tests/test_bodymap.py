"""Body maps are drawn from content: well-formed SVG, each X inside its muscle, exactly the content's
regions shaded, text alternatives from the same data, small, and bad positions rejected."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from atlas import bodymap, render, schema
from atlas.load import load_site

from conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def site() -> schema.SiteContent:
    return load_site(ROOT / "content")


@pytest.fixture(scope="module")
def drawer(site) -> bodymap.BodyMapDrawer:
    return bodymap.BodyMapDrawer(site.body_map, site.regions)


def figures(site, drawer):
    """Every figure of every muscle: (muscle, trigger point or None for the overview, HTML)."""
    return [
        (muscle, tp, str(drawer.figure(muscle, tp)))
        for muscle in site.muscles
        for tp in [None, *muscle.trigger_points.points]
    ]


def parse(html: str) -> ET.Element:
    """The figure as XML: fails on any unescaped or unbalanced markup."""
    return ET.fromstring(html)


def winding_number(x: float, y: float, polygon) -> int:
    """Inside test by winding number (independent of the even-odd test the loader uses)."""
    winding = 0
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]]):
        cross = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1)
        if y1 <= y < y2 and cross > 0:
            winding += 1
        elif y2 <= y < y1 and cross < 0:
            winding -= 1
    return winding


def test_every_figure_is_well_formed_svg_in_a_figure_with_a_caption(site, drawer):
    for muscle, tp, html in figures(site, drawer):
        figure = parse(html)
        assert figure.tag == "figure"
        svg = figure.find(f"{SVG}svg")
        assert svg is not None
        assert svg.get("viewBox") == "0 0 200 240"
        assert svg.get("role") == "img" and svg.get("aria-label")
        caption = figure.find("figcaption")
        assert caption is not None and caption.text


def test_each_x_lies_inside_its_muscle_outline(site, drawer):
    for muscle, tp, html in figures(site, drawer):
        drawn = parse(html).findall(f".//{SVG}g[@data-tp]")
        expected = muscle.trigger_points.points if tp is None else [tp]
        assert [g.get("data-tp") for g in drawn] == [p.id for p in expected]
        for group, point in zip(drawn, expected):
            x, y = map(float, re.fullmatch(r"translate\((\S+) (\S+)\)", group.get("transform")).groups())
            assert (x, y) == (point.position.x, point.position.y)
            assert winding_number(x, y, muscle.body_map.outline) != 0, (muscle.id, point.id)


def test_shaded_regions_are_exactly_the_content_referrals(site, drawer):
    for muscle, tp, html in figures(site, drawer):
        shaded = parse(html).findall(f".//{SVG}path[@data-region]")
        if tp is None:
            assert shaded == []  # the overview shows where the points lie, not their pain
            continue
        assert {(p.get("data-region"), p.get("data-zone")) for p in shaded} == {
            (r.region, r.zone) for r in tp.referred_pain
        }
        regions = {r.id: r for r in site.regions}
        for referral in tp.referred_pain:
            drawn = [p for p in shaded if p.get("data-region") == referral.region]
            both = tp.both_sides and regions[referral.region].shape.paired
            assert len(drawn) == (2 if both else 1), (tp.id, referral.region)
            if referral.zone == "spillover":
                assert all(p.get("fill", "").startswith("url(#") for p in drawn)  # stippled, not colour alone
            else:
                assert all("fill" not in p.attrib for p in drawn)  # solid, coloured by the stylesheet


def test_spillover_is_drawn_under_the_main_area(site, drawer):
    tp = site.muscles[0].trigger_points.points[0]
    zones = [p.get("data-zone") for p in parse(str(drawer.figure(site.muscles[0], tp))).iter(f"{SVG}path")
             if p.get("data-zone")]
    assert zones == sorted(zones, key=lambda z: z != "spillover")


def test_every_landmark_is_drawn(site, drawer):
    for _, _, html in figures(site, drawer):
        drawn = {e.get("data-landmark") for e in parse(html).iter() if e.get("data-landmark")}
        assert drawn == {landmark.id for landmark in site.body_map.landmarks}


def test_pattern_ids_are_unique_on_a_page(site, drawer):
    ids = [e.get("id") for _, _, html in figures(site, drawer) for e in parse(html).iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_text_alternative_comes_from_the_content(site, drawer):
    muscle = site.muscles[0]
    for tp in muscle.trigger_points.points:
        label = parse(str(drawer.figure(muscle, tp))).find(f"{SVG}svg").get("aria-label")
        assert f"trigger point {tp.number}, {tp.where}." in label
        for referral in tp.referred_pain:
            assert {r.id: r.name for r in site.regions}[referral.region].lower() in label
    tp1 = muscle.trigger_points.points[0]
    assert drawer.trigger_point_alt(muscle, tp1).endswith(
        "Solid shading, the main pain area: top of the hip bone, sacroiliac joint, sacrum and lower back. "
        "Dotted shading, where the pain can spread: buttock."
    )


def test_figure_note_reaches_caption_and_text_alternative(site, drawer):
    muscle = site.muscles[0]
    for tp in muscle.trigger_points.points:
        figure = parse(str(drawer.figure(muscle, tp)))
        caption, label = figure.find("figcaption").text, figure.find(f"{SVG}svg").get("aria-label")
        if tp.figure_note:
            assert caption.endswith(tp.figure_note) and label.endswith(tp.figure_note)
    assert muscle.trigger_points.points[2].figure_note


def test_content_text_is_escaped_inside_the_svg(site):
    hostile = 'Glute "med" <script>alert(1)</script> & co'
    muscle = site.muscles[0]
    changed = muscle.model_copy(update={"names": muscle.names.model_copy(update={"common": hostile})})
    drawer = bodymap.BodyMapDrawer(site.body_map, site.regions)
    for tp in [None, *changed.trigger_points.points]:
        html = str(drawer.figure(changed, tp))
        assert "<script>" not in html
        assert hostile in parse(html).find(f"{SVG}svg").get("aria-label")


def test_moving_a_trigger_point_in_content_moves_its_x(site):
    muscle = site.muscles[0]
    tp = muscle.trigger_points.points[1]
    moved = tp.model_copy(update={"position": schema.Position(x=150, y=80)})
    html = str(bodymap.BodyMapDrawer(site.body_map, site.regions).figure(muscle, moved))
    assert parse(html).find(f".//{SVG}g[@data-tp]").get("transform") == "translate(150 80)"


def test_figures_are_small(site, drawer):
    sizes = {(m.id, tp.id if tp else "overview"): len(html.encode()) for m, tp, html in figures(site, drawer)}
    print(sizes)
    assert max(sizes.values()) < 8000


def test_muscle_page_has_one_figure_per_trigger_point_and_an_overview(site):
    muscle = site.muscles[0]
    markdown = render.Renderer(site).render_muscle_page(muscle).markdown
    points = muscle.trigger_points.points
    section = markdown.split("{ #trigger-points }")[1].split("{ #symptoms }")[0]
    before_first = section.split(f"{{ #{points[0].id} }}")[0]
    assert before_first.count('<figure class="body-map body-map--overview">') == 1
    for i, tp in enumerate(points):
        text = section.split(f"{{ #{tp.id} }}")[1].split("\n### ")[0]
        figure = re.search(r"^<figure class=\"body-map body-map--trigger-point\">.*</figure>$", text, flags=re.M)
        assert figure, tp.id
        assert f'data-tp="{tp.id}"' in figure.group(0) and figure.group(0).count("data-tp=") == 1


def test_finder_map_links_every_region_by_name(site, drawer):
    svg = ET.fromstring(drawer.finder_svg("Body map"))
    links = svg.findall(f"{SVG}a")
    assert {a.get("href") for a in links} == {f"#{r.id}" for r in site.regions}
    for a in links:
        region = next(r for r in site.regions if f"#{r.id}" == a.get("href"))
        assert a.get("aria-label") == region.name
        assert len(a.findall(f"{SVG}path")) == (2 if region.shape.paired else 1)


def test_position_outside_the_outline_stops_the_check_command(content_copy: Path):
    muscle = content_copy / "muscles/gluteus-medius.yml"
    muscle.write_text(muscle.read_text().replace("position: {x: 124, y: 88}", "position: {x: 80, y: 88}"))
    result = subprocess.run([sys.executable, "-m", "atlas", "--content", str(content_copy), "check"],
                            env={"PYTHONPATH": str(ROOT / "scripts")}, capture_output=True, text=True)
    assert result.returncode == 1
    assert "trigger_points.points[0].position (line" in result.stderr
    assert "lies outside the muscle's outline" in result.stderr
    assert "Traceback" not in result.stderr


def test_close_up_frames_the_muscle_on_both_sides_and_every_trigger_point(site, drawer):
    for muscle in site.muscles:
        svg = parse(str(drawer.figure(muscle, close_up=True))).find(f"{SVG}svg")
        x, y, width, height = (float(v) for v in svg.get("viewBox").split())
        assert width < schema.MAP_WIDTH or height < schema.MAP_HEIGHT, "a close-up shows less than the whole map"
        outline = list(muscle.body_map.outline)
        for px, py in outline + [(schema.MAP_WIDTH - ox, oy) for ox, oy in outline]:
            assert x <= px <= x + width and y <= py <= y + height
        drawn = {g.get("data-tp") for g in svg.iter(f"{SVG}g") if g.get("data-tp")}
        assert drawn == {tp.id for tp in muscle.trigger_points.points}


def test_handout_carries_the_close_up_overview(site):
    renderer = render.Renderer(site)
    for muscle in site.muscles:
        handout = renderer.render_handout(muscle).markdown
        assert str(renderer.body_maps.figure(muscle, close_up=True)) in handout
