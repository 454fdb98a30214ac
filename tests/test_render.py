"""The renderer turns validated content into Markdown with every pinned section, and escapes content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from atlas import render, schema
from atlas.load import load_site

from conftest import ROOT


@pytest.fixture(scope="module")
def site() -> schema.SiteContent:
    return load_site(ROOT / "content")


@pytest.fixture(scope="module")
def muscle_page(site) -> str:
    return render.Renderer(site).render_muscle_page(site.muscles[0]).markdown


def heading_ids(markdown: str) -> list[str]:
    return re.findall(r"^#{2,3} .*\{ #([a-z0-9-]+) \}$", markdown, flags=re.M)


def test_muscle_page_pins_every_section_id_in_order(site, muscle_page):
    ids = heading_ids(muscle_page)
    expected = site.muscles[0].section_ids()
    assert [i for i in ids if i in expected] == expected


def test_section_titles_cover_the_contract():
    assert set(render.MUSCLE_SECTION_TITLES) == set(schema.MUSCLE_SECTION_IDS)


def test_muscle_page_starts_with_front_matter(muscle_page):
    assert muscle_page.startswith('---\ntitle: "Gluteus medius"\ndescription: "The gluteus medius is')
    assert "last_reviewed: 2026-11-24" in muscle_page


def test_muscle_page_carries_review_sources_and_disclaimer(muscle_page):
    assert "Last reviewed: 24 November 2026" in muscle_page
    assert "Next review due: 24 November 2027" in muscle_page
    assert "supports, and does not replace, advice from a clinician" in muscle_page
    assert re.search(r"^1\. Travell JG, Simons DG\.", muscle_page, flags=re.M)
    assert "{ #ref-travell-simons-1992 }" in muscle_page


def test_less_certain_trigger_point_says_so(muscle_page):
    tp3 = muscle_page.split("{ #tp3 }")[1].split("###")[0]
    assert '!!! warning "Less certain"' in tp3


def test_every_term_gets_a_tooltip(site, muscle_page):
    for term in site.glossary.terms:
        assert f"*[{term.term}]: " in muscle_page


def test_cross_links_are_relative_markdown_links(muscle_page):
    assert "](../conditions/low-back-pain.md)" in muscle_page
    assert "](../for-clinicians.md#training)" in muscle_page


def test_pages_have_the_agreed_addresses(site):
    paths = {page.path for page in render.render_site(site)}
    assert paths == {
        "muscles/index.md", "muscles/gluteus-medius.md", "conditions/low-back-pain.md",
        "techniques/trigger-point-release.md", "techniques/dry-needling.md",
        "glossary.md", "for-clinicians.md", "where-does-it-hurt.md",
    }


def test_condition_page_lists_trigger_points_that_refer_to_its_regions(site):
    page = render.Renderer(site).render_condition_page(site.conditions[0]).markdown
    for n in (1, 2, 3):
        expected = any(r.region in site.conditions[0].regions
                       for r in site.muscles[0].trigger_points.points[n - 1].referred_pain)
        assert (f"../muscles/gluteus-medius.md#tp{n}" in page) == expected


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "[click me](javascript:alert(1))",
    "text {: onclick=\"alert(1)\" }",
    "<img src=x onerror=alert(1)>",
])
def test_content_text_cannot_inject_markup(hostile):
    escaped = render.escape_markdown(hostile)
    assert "<" not in escaped
    assert "[" not in escaped.replace("\\[", "")
    assert "{" not in escaped.replace("\\{", "")


def test_injected_content_renders_literally(tmp_path, content_copy):
    import markdown

    path = content_copy / "muscles/gluteus-medius.yml"
    text = path.read_text().replace(
        "  short: Gmed", '  short: "<script>alert(1)</script> [x](javascript:alert(1)) {: onclick=alert(1) }"')
    path.write_text(text)
    page = render.render_site(load_site(content_copy))
    muscle = next(p for p in page if p.path == "muscles/gluteus-medius.md").markdown
    html = markdown.markdown(muscle.split("---", 2)[2], extensions=["attr_list", "admonition", "tables"])
    assert "<script>" not in html and "javascript:" not in html.replace("javascript:alert(1))", "")
    assert 'href="javascript' not in html and "onclick" not in html.replace("onclick=alert(1) }", "")


def test_a_missing_value_is_a_template_error(site):
    with pytest.raises(ValueError, match="templates must not invent data"):
        render._finalize(None)


def test_render_command_writes_the_markdown_tree(tmp_path):
    from atlas.__main__ import main

    assert main(["render", str(tmp_path)]) == 0
    assert (tmp_path / "muscles/gluteus-medius.md").read_text().startswith("---\n")
    assert (tmp_path / "glossary.md").exists()
