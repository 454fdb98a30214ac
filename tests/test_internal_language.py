"""No page talks about how the site was made (issue 12): every built page, head and attributes included."""

from __future__ import annotations

from pathlib import Path

import pytest

from quality import internal_language


def test_no_built_page_uses_internal_language(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    found = {str(p.relative_to(built_site)): internal_language.internal_phrases(p.read_text()) for p in pages}
    assert {page: phrases for page, phrases in found.items() if phrases} == {}


@pytest.mark.parametrize("bad", [
    "<p>One seed source says the muscle is mostly covered.</p>",
    "<li>How often: the sources do not say. Ask your clinician.</li>",
    '<li id="ref-seed-trigger-point-one">A web page.</li>',
    '<meta name="description" content="The source says so.">',
    "<p>One of the two source documents this page was written from.</p>",
    "<p>Standard anatomy texts.</p>",
])
def test_a_page_with_internal_language_is_caught(built_site: Path, bad: str):
    page = (built_site / "glossary/index.html").read_text().replace("</article>", bad + "</article>", 1)
    assert internal_language.internal_phrases(page)


def test_open_disagreement_and_the_redirect_map_are_allowed():
    page = ('<p>Some sources say the muscle is "mostly covered"; anatomy textbooks say only the back third is.</p>'
            '<script type="application/json" id="atlas-id-redirects">{"ref-seed-x": "ref-y"}</script>')
    assert internal_language.internal_phrases(page) == []
