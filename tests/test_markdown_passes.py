"""The passes over each page's Markdown tree (atlas.markdown_passes): glossary tooltips at first use per
section, and full addresses for print on every link that leaves the page, Markdown or raw HTML."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import markdown

from atlas.markdown_passes import AtlasPasses

SITE = "https://example.org/atlas/"
PAGE = "muscles/gluteus-medius/"
TIPS = "\n\n*[trigger point]: A knot.\n*[sacrum]: A bone.\n*[pelvis]: Other."


def convert(text: str) -> str:
    md = markdown.Markdown(extensions=["abbr", "attr_list", "md_in_html", AtlasPasses(SITE, PAGE)])
    return md.convert(text)


# --- tooltips at first use --------------------------------------------------------


def test_first_use_in_each_section_keeps_the_tooltip():
    html = convert("A trigger point and trigger point again.\n\n## B\n\ntrigger point, *trigger point*." + TIPS)
    assert html.count("<abbr") == 2, html
    first, second = html.split("<h2")
    assert first.count('<abbr title="A knot.">') == 1 and "and trigger point again" in first
    assert second.count('<abbr title="A knot.">') == 1 and "<em>trigger point</em>" in second


def test_other_terms_and_markup_are_untouched():
    html = convert("## A\n\nsacrum pelvis *x*" + TIPS)
    assert '<abbr title="A bone.">sacrum</abbr> <abbr title="Other.">pelvis</abbr> <em>x</em>' in html


def test_without_the_pass_every_use_is_marked():
    """Twin: plain Markdown marks every use, so the counts above are the pass's work."""
    html = markdown.markdown("trigger point and trigger point" + TIPS, extensions=["abbr"])
    assert html.count("<abbr") == 2


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


# --- addresses for print --------------------------------------------------------


def test_markdown_links_that_leave_the_page_carry_their_full_address():
    html = convert("[About](../../about/) [1](#ref-x) [out](https://example.com/) [http://site/x/](../x/)")
    assert '<a data-print-address="https://example.org/atlas/about/" href="../../about/">About</a>' in html
    assert '<a href="#ref-x">1</a>' in html  # within the page
    assert '<a href="https://example.com/">out</a>' in html  # absolute: print.css prints its href
    assert '<a href="../x/">http://site/x/</a>' in html  # its text already is the address


def test_a_link_with_a_class_gets_its_address():
    """The regex this replaced needed href first: `<a class="button" href=...>` got nothing."""
    html = convert("[Handout](../handout/){: .button }")
    assert 'data-print-address="https://example.org/atlas/muscles/handout/"' in html and 'class="button"' in html


def test_a_raw_html_link_gets_its_address():
    html = convert('<div class="x"><a class="button" href="../../glossary/">Glossary</a> <a href="#top">top</a></div>')
    assert ('<a class="button" href="../../glossary/" data-print-address="https://example.org/atlas/glossary/">'
            "Glossary</a>") in html
    assert '<a href="#top">top</a>' in html


def test_every_link_that_leaves_a_built_page_carries_its_address(built_site: Path):
    for page in ("muscles/gluteus-medius/index.html", "index.html", "about/index.html"):
        article = re.search(r"<article.*?</article>", (built_site / page).read_text(), flags=re.S).group(0)
        for tag in re.findall(r"<a\s[^>]*>", article):
            href = re.search(r'href="([^"]*)"', tag)
            if href and not href.group(1).startswith(("#", "http")) and "headerlink" not in tag:
                assert "data-print-address=" in tag, (page, tag)
