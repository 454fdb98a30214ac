"""The renderer turns validated content into Markdown with every pinned section, and escapes content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from atlas import pages, render, schema
from atlas.templating import environment, escape_markdown
from atlas.load import load_site

from conftest import ROOT, long_date


@pytest.fixture(scope="module")
def site() -> schema.SiteContent:
    return load_site(ROOT / "content")


@pytest.fixture(scope="module")
def muscle_page(site) -> str:
    return render.Renderer(site).render_muscle_page(site.muscle('gluteus-medius')).markdown


def heading_ids(markdown: str) -> list[str]:
    return re.findall(r"^#{2,3} .*\{ #([a-z0-9-]+) \}$", markdown, flags=re.M)


def test_muscle_page_pins_every_section_id_in_order(site, muscle_page):
    ids = heading_ids(muscle_page)
    expected = pages.of_site(site).of(site.muscle('gluteus-medius')).section_ids()
    assert [i for i in ids if i in expected] == expected


def test_every_heading_is_the_registrys(site):
    """The headings printed are the registry's titles, and every h2 with an id is a registered section:
    a section added to a template without registering it fails here (add it to atlas/pages.py)."""
    registry = pages.of_site(site)
    renderer = render.Renderer(site)
    for page in renderer.render_site():
        if not page.path.endswith(".md"):
            continue  # the exercise pictures (SVG files) have no headings
        entry = registry[page.path.removesuffix(".md").removesuffix("/index")]
        for level, title, section_id in re.findall(r"^(#{2,3}) (.*) \{ #([a-z0-9-]+) \}$", page.markdown, flags=re.M):
            if level == "##" and entry.kind not in ("muscle-index",):
                assert section_id in entry.section_ids(), (entry.id, section_id)
            if section_id in entry.section_ids() and entry.kind != "muscle-index":  # its headings are links
                section = entry.section(section_id)
                assert (len(level), title) == (section.level, escape_markdown(section.title)), (entry.id, section_id)


def test_muscle_page_starts_with_front_matter(site, muscle_page):
    assert muscle_page.startswith('---\ntitle: "Gluteus medius"\ndescription: "The gluteus medius is')
    assert f"last_reviewed: {site.muscle('gluteus-medius').review.last_reviewed.isoformat()}" in muscle_page


def test_muscle_page_carries_review_sources_and_disclaimer(site, muscle_page):
    review = site.muscle('gluteus-medius').review
    assert f"Last reviewed: {long_date(review.last_reviewed)}" in muscle_page
    assert f"Next review due: {long_date(review.next_review_due)}" in muscle_page
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
    paths = {page.path for page in render.render_site(site) if page.path.endswith(".md")}  # SVGs: test_pose.py
    muscles = {m.id for m in site.muscles}
    assert {"gluteus-medius", "gluteus-minimus", "gluteus-maximus", "piriformis", "quadratus-lumborum", "iliopsoas",
            "tensor-fasciae-latae"} <= muscles
    assert paths == {
        "muscles/index.md",
        "techniques/trigger-point-release.md", "techniques/dry-needling.md",
        "glossary.md", "for-clinicians.md", "where-does-it-hurt.md",
    } | {f"muscles/{m}.md" for m in muscles} | {f"muscles/{m}/handout.md" for m in muscles} | {
        f"conditions/{c.id}.md" for c in site.conditions}


def test_condition_page_lists_trigger_points_that_refer_to_its_regions(site):
    page = render.Renderer(site).render_condition_page(site.conditions[0]).markdown
    for n in (1, 2, 3):
        expected = any(r.region in site.conditions[0].regions
                       for r in site.muscle('gluteus-medius').trigger_points.points[n - 1].referred_pain)
        assert (f"../muscles/gluteus-medius.md#tp{n}" in page) == expected


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "[click me](javascript:alert(1))",
    "text {: onclick=\"alert(1)\" }",
    "<img src=x onerror=alert(1)>",
])
def test_content_text_cannot_inject_markup(hostile):
    escaped = escape_markdown(hostile)
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
        environment().from_string("{{ value }}").render(value=None)


def test_render_command_writes_the_markdown_tree(tmp_path):
    from atlas.__main__ import main

    assert main(["render", str(tmp_path)]) == 0
    assert (tmp_path / "muscles/gluteus-medius.md").read_text().startswith("---\n")
    assert (tmp_path / "glossary.md").exists()


# --- the one-page handout ------------------------------------------------------


@pytest.fixture(scope="module")
def handout(site) -> render.Page:
    return render.Renderer(site).render_handout(site.muscle('gluteus-medius'))


def handout_front_matter(markdown: str) -> dict:
    import yaml

    return yaml.safe_load(markdown.split("---\n")[1])


def test_handout_lives_under_its_muscle_and_uses_the_handout_template(site, handout):
    assert handout.path == "muscles/gluteus-medius/handout.md"
    meta = handout_front_matter(handout.markdown)
    assert meta["template"] == "handout.html"
    assert meta["title"] == "Gluteus medius: handout to print"
    assert str(meta["last_reviewed"]) == site.muscle('gluteus-medius').review.last_reviewed.isoformat()
    assert meta["search"] == {"exclude": True}  # the full page is what search should find


def test_handout_is_made_from_the_muscle_content(site, handout):
    muscle = site.muscle('gluteus-medius')
    text = handout.markdown
    assert muscle.summary.strip() in text
    for tp in muscle.trigger_points.points:
        assert f"**Trigger point {tp.number}**" in text and tp.where in text
    for exercise in (muscle.self_release, muscle.stretch):
        steps = [f"1. {escape_markdown(step)}" for step in exercise.steps]
        assert "\n".join(steps) in text, "every step, numbered, in order"
        assert f"{exercise.hold_seconds} seconds" in text
        assert escape_markdown(exercise.both_sides) in text
    assert f"Last reviewed: {long_date(muscle.review.last_reviewed)}" in text


def test_handout_carries_the_stop_rules_and_cautions_of_both_exercises(site, handout):
    muscle = site.muscle('gluteus-medius')
    release = handout.markdown.split("{ #self-release }")[1].split("{ #stretch }")[0]
    stretch = handout.markdown.split("{ #stretch }")[1].split("{ #get-help }")[0]
    for section, exercise in ((release, muscle.self_release), (stretch, muscle.stretch)):
        for item in exercise.stop_if + exercise.cautions:
            assert render.escape_markdown(item) in section


def test_handout_carries_before_you_start_and_the_pregnancy_red_flags(site, handout):
    release = handout.markdown.split("{ #self-release }")[1].split("{ #stretch }")[0]
    for item in site.safety.do_not_press + site.muscle('gluteus-medius').self_release.ball_placement:
        assert render.escape_markdown(item) in release
    assert render.escape_markdown(site.safety.pain_scale) in release
    box = handout.markdown.split("{ #get-help }")[1].split("{ #notes }")[0]
    for sign in site.safety.pregnancy.red_flags.signs:
        assert render.escape_markdown(sign) in box


def test_handout_stop_and_get_help_box_carries_every_safety_sign(site, handout):
    box = handout.markdown.split("{ #get-help }")[1].split("{ #notes }")[0]
    for level in site.safety.when_to_get_help:
        assert escape_markdown(level.title) in box
        for sign in level.signs:
            assert escape_markdown(sign) in box


def test_handout_leaves_how_often_to_the_clinician_when_the_sources_do_not_say(site, handout):
    assert site.muscle('gluteus-medius').self_release.how_often is None and site.muscle('gluteus-medius').stretch.how_often is None
    assert handout.markdown.count("**How often** (your clinician fills this in): <span class=\"handout__blank\">") == 2
    muscle = site.muscle('gluteus-medius')
    given = muscle.model_copy(update={
        "stretch": muscle.stretch.model_copy(update={"how_often": "Twice a day."})})
    text = render.Renderer(site).render_handout(given).markdown
    assert "**How often:** Twice a day." in text
    assert text.count("your clinician fills this in") == 1


def test_handout_has_lines_for_the_clinician(handout):
    notes = handout.markdown.split("{ #notes }")[1]
    assert "Name <span class=\"handout__blank\">" in notes and "Date <span class=\"handout__blank\">" in notes
    assert notes.count("<span></span>") >= 3  # ruled lines


def test_handout_qr_code_and_short_address_follow_the_site_url(site):
    muscle = site.muscle('gluteus-medius')
    text = render.Renderer(site, site_url="https://example.org/atlas/").render_handout(muscle).markdown
    svg = re.search(r"<svg [^>]*class=\"qr-code\"[^>]*>", text).group(0)
    assert 'role="img"' in svg and "https://example.org/atlas/muscles/gluteus-medius/" in svg
    assert "[example.org/atlas/muscles/gluteus-medius/](../gluteus-medius.md)" in text
    assert "127.0.0.1" not in text


def test_muscle_page_links_to_its_handout_and_has_a_print_button(muscle_page):
    assert "](gluteus-medius/handout.md)" in muscle_page
    assert '<button type="button" class="print-button" data-print hidden>Print this page</button>' in muscle_page


def test_muscle_page_leads_to_what_you_can_do_and_from_each_trigger_point_to_its_exercise(site):
    muscle = site.muscle("gluteus-medius")
    markdown = render.Renderer(site).render_muscle_page(muscle).markdown
    top = markdown.split("{ #anatomy }")[0]
    assert '!!! what-you-can-do "What you can do"' in top
    for target in ("(#self-release)", "(#stretch)", "(#when-to-get-help)", "handout"):
        assert target in top.split("What you can do")[1], target
    for tp, following in zip(muscle.trigger_points.points, muscle.trigger_points.points[1:] + [None]):
        section = markdown.split(f"{{ #{tp.id} }}")[1]
        if following is not None:
            section = section.split(f"{{ #{following.id} }}")[0]
        line = next(line for line in section.splitlines() if "**What suits it:**" in line)
        positions = [line.index(f"(#{exercise})") for exercise in tp.self_care.exercises]
        assert positions == sorted(positions), tp.id  # the best fit first, as the content lists them
        assert escape_markdown(tp.self_care.note) in line


def test_a_trigger_point_without_self_care_gets_no_line(site):
    muscle = site.muscle("gluteus-medius")
    points = [tp.model_copy(update={"self_care": None}) for tp in muscle.trigger_points.points]
    bare = muscle.model_copy(update={"trigger_points": muscle.trigger_points.model_copy(update={"points": points})})
    markdown = render.Renderer(site).render_muscle_page(bare).markdown
    assert "What suits it" not in markdown


def test_a_hold_range_and_repetitions_reach_the_page_and_the_handout(site):
    muscle = site.muscle("piriformis")
    assert (muscle.stretch.hold_seconds, muscle.stretch.hold_seconds_max) == (20, 30)
    renderer = render.Renderer(site)
    for text in (renderer.render_muscle_page(muscle).markdown, renderer.render_handout(muscle).markdown):
        assert "**Hold:** 20 to 30 seconds. **Repeat:** 2 to 3 times." in text
    plain = muscle.model_copy(update={"stretch": muscle.stretch.model_copy(
        update={"hold_seconds_max": None, "repetitions": None})})
    text = renderer.render_muscle_page(plain).markdown
    assert "**Hold:** 20 seconds. **Both sides:**" in text and "**Repeat:**" not in text


def test_anatomy_parts_the_sources_do_not_give_are_left_out_not_invented(site):
    medius, piriformis = site.muscle('gluteus-medius'), site.muscle("piriformis")
    renderer = render.Renderer(site)
    full = renderer.render_muscle_page(medius).markdown
    assert "Blood supply\n    :   " in full and "### When it is weak" in full and "### Sleep" in full
    assert "### Together with gluteus minimus" in full
    assert piriformis.anatomy.blood_supply is None and not piriformis.anatomy.when_weak
    text = renderer.render_muscle_page(piriformis).markdown
    assert "Blood supply\n" not in text and "### When it is weak" not in text and "### Sleep" not in text
    assert "### In walking, running and standing" not in text
    assert "### Piriformis syndrome" in text and "### Together with gluteus minimus" not in text
