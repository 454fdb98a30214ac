"""Rules between muscles, views and places that only the whole content can check: each names the file,
the field and the line (atlas.map_checks)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from atlas.load import ContentError, load_site
from view_muscles import copy_with_view_muscles


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_with_view_muscles(tmp_path / "content")


def test_muscles_in_every_view_load(content: Path):
    site = load_site(content)
    assert {m.body_map.view for m in site.muscles} == {"back", "front", "side"}


def test_a_link_to_a_muscle_that_does_not_link_back_is_an_error(content: Path):
    path = content / "muscles" / "synthetic-side.yml"
    data = yaml.safe_load(path.read_text())
    data["related"] = [link for link in data["related"] if link["page"] != "muscles/synthetic-front"]
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(ContentError) as caught:
        load_site(content)
    message = str(caught.value)
    line = next(n for n, text in enumerate((content / "muscles/synthetic-front.yml").read_text().splitlines(), 1)
                if "page: muscles/synthetic-side" in text)
    assert f"content/muscles/synthetic-front.yml: related[4].page (line {line}): links to muscles/synthetic-side, " \
           "but content/muscles/synthetic-side.yml does not link back" in message
    assert len(caught.value.problems) == 1


def test_a_link_to_a_section_of_a_muscle_counts_as_a_link(content: Path):
    path = content / "muscles" / "synthetic-side.yml"
    path.write_text(path.read_text().replace("page: muscles/synthetic-front\n", "page: muscles/synthetic-front#tp2\n"))
    load_site(content)


def test_a_trigger_point_outside_its_outline_in_another_view_is_an_error(content: Path):
    path = content / "muscles" / "synthetic-side.yml"
    path.write_text(path.read_text().replace("x: '124'\n      y: '104'", "x: '60'\n      y: '104'"))
    with pytest.raises(ContentError, match=r"synthetic-side.yml: trigger_points.points\[0\].position \(line \d+\): "
                                           r"trigger point 1 at \(60, 104\) lies outside"):
        load_site(content)


def test_complaint_pages_list_muscles_from_the_regions_main_areas_first(content: Path):
    from atlas import render

    site = load_site(content)
    renderer = render.Renderer(site)
    conditions = {c.id: c for c in site.conditions}
    leg = renderer.render_condition_page(conditions["sciatica-like-pain"]).markdown
    listed = leg.split("{ #trigger-points }")[1].split("\n## ")[0]
    muscles = [line for line in listed.splitlines() if line.startswith("- [")]
    # Muscles with a main area down the leg (synthetic back, tp1 and tp2) before spill-over only
    # (gluteus medius and synthetic side only spill over to the thigh).
    names = [m.split("]")[0] for m in muscles]
    assert {"- [Synthetic back", "- [Gluteus medius", "- [Synthetic side"} <= set(names)
    assert names.index("- [Synthetic back") < names.index("- [Gluteus medius")
    assert names.index("- [Synthetic back") < names.index("- [Synthetic side")
    points = listed.split("- [Synthetic back]")[1].split("\n- [")[0]
    assert points.index("#tp1) (main pain area)") < points.index("#tp2) (main pain area)")
    assert "#tp3)" not in points  # synthetic back's tp3 sends pain to the testicle only
    # Computed from content, not written by hand: every trigger point with pain there is listed.
    expected = {(m.id, tp.id) for m in site.muscles for tp in m.trigger_points.points
                if any(r.region in conditions["sciatica-like-pain"].regions for r in tp.referred_pain)}
    import re
    found = set(re.findall(r"\.\./muscles/([a-z-]+)\.md#(tp\d+)", listed))
    assert found == expected


def test_muscles_page_groups_muscles_by_body_area(content: Path):
    from atlas import render

    path = content / "muscles" / "synthetic-front.yml"
    path.write_text(path.read_text().replace("body_area: buttock-and-hip", "body_area: front-of-hip"))
    site = load_site(content)
    markdown = render.Renderer(site).render_muscle_index().markdown
    headings = [line for line in markdown.splitlines() if line.startswith("## ") or line.startswith("### ")]
    # Areas in the order of body-map.yml; an area with no muscle yet is left out.
    used = {m.body_area for m in site.muscles}
    assert [h for h in headings if h.startswith("## ")] == [
        f"## {area.name} {{ #{area.id} }}" for area in site.body_map.areas if area.id in used]
    assert "## Buttock and side of the hip { #buttock-and-hip }" in headings
    front = headings[headings.index("## Front of the hip and groin { #front-of-hip }"):]
    assert "### [Synthetic front](synthetic-front.md) { #synthetic-front }" in front
    # One line each: the first sentence of the summary, then the trigger points.
    assert "The gluteus medius is a muscle on the upper, outer part of the buttock. Trigger points: [1](" in markdown


def test_muscle_page_links_the_complaints_its_trigger_points_cause(content: Path):
    from atlas import render

    site = load_site(content)
    renderer = render.Renderer(site)
    medius = next(m for m in site.muscles if m.id == "gluteus-medius")
    related = renderer.render_muscle_page(medius).markdown.split("{ #related }")[1].split("\n## ")[0]
    assert "- [Pain down the leg, like sciatica](../conditions/sciatica-like-pain.md): trigger point 2 can cause" in related
    assert "- [Pain at the side of the hip](../conditions/side-of-hip-pain.md): trigger point 2 can cause" in related
    assert related.count("conditions/low-back-pain.md") == 1  # already a related page of its own: not twice
    assert "tailbone-pain" not in related
    back = next(m for m in site.muscles if m.id == "synthetic-back")
    related = renderer.render_muscle_page(back).markdown.split("{ #related }")[1].split("\n## ")[0]
    assert "sciatica-like-pain.md): trigger points 1 and 2 can cause this pain." in related
