"""Plain language: the patient-facing sections of every muscle page read at Flesch-Kincaid grade 8 or
below (printed at the end of the run). The measure is also shown to catch a hard paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from quality import plain_language, report


def test_patient_sections_of_every_muscle_page_are_grade_8_or_below(built_site: Path):
    muscle_pages = sorted(p for p in (built_site / "muscles").glob("*/index.html"))
    assert muscle_pages
    too_hard = {}
    for page in muscle_pages:
        html = page.read_text(encoding="utf-8")
        texts = plain_language.section_texts(html)
        name = page.parent.name
        for section in plain_language.PATIENT_SECTIONS:
            words = len(texts[section].split())
            grade = plain_language.grade(texts[section])
            report.add("Flesch-Kincaid grade of patient-facing sections (limit 8)",
                       f"/muscles/{name}/#{section}: grade {grade:.1f} ({words} words)")
            assert words > 40, f"{name}#{section} was not read"
        too_hard.update({f"{name}#{s}": g for s, g in plain_language.hard_sections(html).items()})
    assert too_hard == {}


PAGE = """<article><h1>Test</h1>
<h2 id="symptoms">Symptoms</h2><p>{symptoms}</p>
<h2 id="causes">Causes</h2><ul><li>Sitting for a long time</li><li>Running</li></ul>
<h2 id="self-release">Self-release</h2><p>Lie on the ball. Hold it for thirty seconds.</p>
<p class="sources">Sources: <a href="#ref-1">[1]</a></p>
<h2 id="stretch">Stretch</h2><p>Cross one leg over the other. Hold it.</p>
<h2 id="when-to-get-help">When to get help</h2><p>Call for help if the pain is very bad.</p>
<h2 id="references">References</h2><p>Travell JG, Simons DG. Myofascial pain and dysfunction.</p>
</article>"""
PLAIN = "The pain is worse when you walk. It can wake you at night."
HARD = ("Myofascial trigger points within the gluteus medius characteristically precipitate referred "
        "nociceptive phenomena predominantly distributed along the posterior iliac crest, frequently "
        "necessitating comprehensive differential diagnostic evaluation of concomitant lumbosacral pathology.")


def test_plain_sections_pass():
    assert plain_language.hard_sections(PAGE.format(symptoms=PLAIN)) == {}


def test_a_hard_paragraph_is_caught():
    hard = plain_language.hard_sections(PAGE.format(symptoms=HARD))
    assert list(hard) == ["symptoms"] and hard["symptoms"] > 8


def test_each_block_is_its_own_sentence_and_citations_are_left_out():
    texts = plain_language.section_texts(PAGE.format(symptoms=PLAIN))
    assert texts["causes"] == "Causes. Sitting for a long time. Running."
    assert "Sources" not in texts["self-release"]


def test_a_missing_section_is_an_error():
    with pytest.raises(ValueError, match="stretch"):
        plain_language.hard_sections(PAGE.format(symptoms=PLAIN).replace('id="stretch"', 'id="other"'))


def test_complaint_pages_are_grade_8_or_below(built_site: Path):
    """The pages for the complaints people arrive with (content/conditions/) are read by patients too:
    every section but the references at grade 8 or below."""
    import yaml

    from conftest import ROOT

    too_hard = {}
    for path in sorted((ROOT / "content" / "conditions").glob("*.yml")):
        condition = yaml.safe_load(path.read_text())
        html = (built_site / "conditions" / condition["id"] / "index.html").read_text(encoding="utf-8")
        sections = [s["id"] for s in condition["sections"]] + ["trigger-points", "when-to-get-help"]
        for section in sections:
            text = plain_language.section_texts(html)[section]
            report.add("Flesch-Kincaid grade of patient-facing sections (limit 8)",
                       f"/conditions/{condition['id']}/#{section}: grade {plain_language.grade(text):.1f} "
                       f"({len(text.split())} words)")
        too_hard.update({f"{condition['id']}#{s}": g
                         for s, g in plain_language.hard_sections(html, sections).items()})
    assert too_hard == {}
