"""Forms a muscle's content can take beyond gluteus medius's: a muscle that must not be pressed at home
(iliopsoas), hold times given as a range, anatomy the sources do not give (no blood supply), and a
"together with" heading that comes from content. Each has a twin that shows bad content is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas import render, schema
from atlas.load import ContentError, load_site

from conftest import ROOT


@pytest.fixture(scope="module")
def site() -> schema.SiteContent:
    return load_site(ROOT / "content")


def muscle(site: schema.SiteContent, muscle_id: str) -> schema.Muscle:
    return next(m for m in site.muscles if m.id == muscle_id)


def test_a_not_advised_self_release_says_why_and_what_instead(site):
    iliopsoas = muscle(site, "iliopsoas")
    assert isinstance(iliopsoas.self_release, schema.SelfReleaseNotAdvised)
    page = render.Renderer(site).render_muscle_page(iliopsoas).markdown
    section = page.split("{ #self-release }")[1].split("{ #stretch }")[0]
    assert '!!! danger "Do not press this muscle yourself"' in section
    assert "**What to do instead**" in section
    assert "aortic aneurysm" in section and '!!! danger "Get help now"' in section
    # Nothing of the ball release is printed: no equipment, no steps, no pressure scale.
    assert "**You will need**" not in section and "**Steps**" not in section
    assert "Before you start" not in section


def test_the_handout_of_a_not_advised_muscle_has_no_ball_steps_and_keeps_the_emergency_sign(site):
    iliopsoas = muscle(site, "iliopsoas")
    handout = render.Renderer(site).render_handout(iliopsoas).markdown
    release = handout.split("{ #self-release }")[1].split("{ #stretch }")[0]
    assert "Do not press this muscle yourself." in release and "**Instead:**" in release
    assert "**You will need:**" not in release
    help_box = handout.split("{ #get-help }")[1]
    assert "**Get help now:**" in help_box and "aortic aneurysm" in help_box


def test_a_ball_release_still_prints_its_steps(site):
    page = render.Renderer(site).render_muscle_page(muscle(site, "gluteus-medius")).markdown
    section = page.split("{ #self-release }")[1].split("{ #stretch }")[0]
    assert "**You will need**" in section and "Do not press this muscle yourself" not in section


def _edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def test_ball_fields_in_a_not_advised_release_are_an_error_that_names_the_field(content_copy):
    _edit(content_copy, "muscles/iliopsoas.yml", "  why_not:\n", "  hold_seconds: 30\n  why_not:\n")
    with pytest.raises(ContentError) as caught:
        load_site(content_copy)
    fields = {(p.file, p.field) for p in caught.value.problems}
    assert ("content/muscles/iliopsoas.yml", "self_release.hold_seconds") in fields


def test_a_hold_range_prints_both_ends_and_repetitions(site):
    page = render.Renderer(site).render_muscle_page(muscle(site, "tensor-fasciae-latae")).markdown
    stretch = page.split("{ #stretch }")[1]
    assert "**Hold:** 15 to 30 seconds. **Repeat:** 2 to 3 times." in stretch


def test_a_hold_range_upside_down_is_an_error(content_copy):
    _edit(content_copy, "muscles/tensor-fasciae-latae.yml", "  hold_seconds_max: 30\n", "  hold_seconds_max: 10\n")
    with pytest.raises(ContentError, match=r"hold_seconds_max \(10\) must be more than hold_seconds \(15\)"):
        load_site(content_copy)


def test_no_blood_supply_row_when_the_sources_do_not_give_one(site):
    page = render.Renderer(site).render_muscle_page(muscle(site, "iliopsoas")).markdown
    assert "Blood supply\n" not in page
    medius = render.Renderer(site).render_muscle_page(muscle(site, "gluteus-medius")).markdown
    assert "    Blood supply\n    :   The superior gluteal artery." in medius  # a definition list


def test_the_together_with_heading_comes_from_content(site):
    page = render.Renderer(site).render_muscle_page(muscle(site, "quadratus-lumborum")).markdown
    assert "### Together with gluteus minimus" in page
    page = render.Renderer(site).render_muscle_page(muscle(site, "iliopsoas")).markdown
    assert "### Together with" not in page


def test_neighbours_without_a_heading_are_an_error(content_copy):
    _edit(content_copy, "muscles/quadratus-lumborum.yml", "  with_neighbours_title: Together with gluteus minimus\n", "")
    with pytest.raises(ContentError, match="with_neighbours needs a with_neighbours_title"):
        load_site(content_copy)
