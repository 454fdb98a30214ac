"""Glossary tooltips: the first use of a term in each section keeps its tooltip; later uses are plain text."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from atlas.abbreviations import first_use_per_section

TIP = '<abbr title="A knot.">{}</abbr>'


def test_first_use_in_each_section_keeps_the_tooltip():
    html = (f"<p>{TIP.format('Trigger point')} and {TIP.format('trigger point')} again.</p>"
            f'<h2 id="b">B</h2><p>{TIP.format("trigger point")}, {TIP.format("trigger point")}.</p>')
    result = first_use_per_section(html)
    assert result == (f"<p>{TIP.format('Trigger point')} and trigger point again.</p>"
                      f'<h2 id="b">B</h2><p>{TIP.format("trigger point")}, trigger point.</p>')


def test_other_terms_and_markup_are_untouched():
    html = f'<h2>A</h2><p>{TIP.format("sacrum")} <abbr title="Other.">pelvis</abbr> <em>x</em></p>'
    assert first_use_per_section(html) == html


def test_built_muscle_page_explains_each_term_once_per_section(built_site: Path):
    html = (built_site / "muscles/gluteus-medius/index.html").read_text()
    article = re.search(r"<article.*?</article>", html, flags=re.S).group(0)
    sections = re.split(r"(?=<h2[\s>])", article)
    assert len(sections) > 8
    for section in sections:
        terms = Counter(t.casefold() for t in re.findall(r'<abbr title="[^"]*">([^<]*)</abbr>', section))
        assert all(count == 1 for count in terms.values()), terms
    # A section a clinician links to still explains its terms: #stretch, #self-release have tooltips.
    for section_id in ("self-release", "symptoms"):
        section = next(s for s in sections if f'id="{section_id}"' in s[:200])
        assert "<abbr title=" in section, section_id
