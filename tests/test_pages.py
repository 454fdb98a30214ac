"""The page registry: one entry per generated page, with the sections its page prints; the menu from it."""

from __future__ import annotations

import pytest

from atlas import pages
from atlas.load import load_site

from conftest import ROOT


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "content")


@pytest.fixture(scope="module")
def registry(site):
    return pages.of_site(site)


def test_every_content_page_and_handout_is_registered(site, registry):
    expected = {pages.MUSCLE_INDEX, pages.GLOSSARY, pages.FOR_CLINICIANS, pages.FINDER}
    expected |= {pages.page_id(item) for item in [*site.muscles, *site.conditions, *site.techniques]}
    expected |= {pages.handout_id(m) for m in site.muscles}
    assert set(registry) == expected


def test_titles_and_sections_come_from_content(site, registry):
    muscle = site.muscles[0]
    tp = muscle.trigger_points.points[0]
    assert registry.title(pages.page_id(muscle)) == muscle.names.common
    assert registry.title(f"{pages.page_id(muscle)}#{tp.id}") == f"{muscle.names.common}: {pages.trigger_point_title(tp)}"
    section = site.for_clinicians.sections[0]
    assert registry.title(f"{pages.FOR_CLINICIANS}#{section.id}") == f"For clinicians: {section.title}"


def test_an_unknown_section_is_a_named_error(site, registry):
    with pytest.raises(KeyError, match="has no section 'nowhere'"):
        registry.resolve(f"{pages.page_id(site.muscles[0])}#nowhere")


def test_addresses_and_paths(site, registry):
    muscle = registry.of(site.muscles[0])
    assert muscle.address == f"/muscles/{site.muscles[0].id}/" and muscle.path == f"muscles/{site.muscles[0].id}.md"
    assert registry[pages.MUSCLE_INDEX].path == "muscles/index.md"


NAV = [{"Home": "index.md"}, {"Muscles": ["muscles/index.md"]}, {"About": "about.md"}]


def test_the_menu_lists_every_muscle_after_the_index(site, registry):
    nav = pages.nav_with_muscles(NAV, registry)
    muscles = nav[1]["Muscles"]
    assert muscles[0] == "muscles/index.md"
    assert muscles[1:] == [{m.names.common: f"muscles/{m.id}.md"} for m in site.muscles]
    assert pages.nav_with_muscles(nav, registry) == nav  # applied twice (mkdocs serve): the same menu
    assert nav[0] == NAV[0] and nav[2] == NAV[2]


def test_a_nav_without_the_index_gets_no_muscles(registry):
    """Twin: the muscles go only where the muscle index is; no nav means MkDocs lists every page."""
    nav = [{"Home": "index.md"}]
    assert pages.nav_with_muscles(nav, registry) == nav
    assert pages.nav_with_muscles(None, registry) is None


def test_a_muscle_not_pressed_at_home_says_so_in_its_self_release_heading(site, registry):
    """Iliopsoas' page and handout keep the pinned #self-release, titled so a patient is not told to use a ball."""
    titles = {}
    for muscle in site.muscles:
        for page in (pages.page_id(muscle), pages.handout_id(muscle)):
            titles[page] = registry[page].section("self-release").title
    not_pressed = {m.id for m in site.muscles if m.self_release.__class__.__name__ == "SelfReleaseNotAdvised"}
    assert not_pressed == {"iliopsoas"}
    for page, title in titles.items():
        expected = pages.SELF_RELEASE_NOT_ADVISED if page.split("/")[1] in not_pressed else "Self-release with a ball"
        assert title == expected, page
