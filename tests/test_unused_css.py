"""Trimming Material's stylesheets: rules the site can use stay, rules for absent features go, and every
built page is pointed at the trimmed files."""

from __future__ import annotations

import re
from pathlib import Path

import material

from atlas.unused_css import SET_AT_RUN_TIME, purge_stylesheet, site_words

CSS = """
.md-used{color:red}
.md-unused{color:blue}
.md-used,.md-unused .x{margin:0}
.md-used:not(.md-unused){padding:0}
@media screen and (min-width:60em){.md-unused{top:0}.md-used .md-also{top:1px}}
@keyframes md-spin{to{transform:rotate(1turn)}}
[dir=rtl] .md-used{left:0}
[dir=ltr] .md-used{right:0}
[data-md-color-primary=pink]{--md-primary-fg-color:pink}
[data-md-color-primary=custom]{--x:1}
html{font-size:125%}
"""
WORDS = {"md-used", "md-also", "x", "dir=ltr", "data-md-color-primary=custom", "pink", "rtl"}


def test_rules_for_absent_classes_and_attribute_values_go_and_the_rest_stays():
    trimmed = purge_stylesheet(CSS, WORDS)
    assert ".md-used{color:red}" in trimmed
    assert ".md-unused{color:blue}" not in trimmed
    assert ".md-used{margin:0}" in trimmed  # the selector list keeps only what can match
    assert ".md-used:not(.md-unused){padding:0}" in trimmed  # inside :not() nothing is needed
    assert "@media screen and (min-width:60em){.md-used .md-also{top:1px}}" in trimmed
    assert "@keyframes md-spin" in trimmed and "html{font-size:125%}" in trimmed
    assert "[dir=ltr] .md-used" in trimmed and "[dir=rtl]" not in trimmed  # "rtl" as a word is not enough
    assert "[data-md-color-primary=custom]" in trimmed and "pink" not in trimmed


def test_words_come_from_the_html_and_the_md_classes_the_javascript_builds(tmp_path: Path):
    (tmp_path / "index.html").write_text('<p class="md-typeset highlight" dir="ltr">k</p>')
    (tmp_path / "bundle.js").write_text('var c=1,k="md-tooltip2__inner",n="md-annotation__index";e.className=k')
    words = site_words(tmp_path)
    assert {"md-typeset", "highlight", "dir=ltr", "md-tooltip2__inner"} <= words
    assert "c" not in words and "className" not in words  # minified names are not classes
    assert "md-annotation__index" not in words  # a feature this site does not turn on
    trimmed = purge_stylesheet(".highlight .c{color:red}.md-tooltip2__inner{top:0}", words)
    assert trimmed == ".md-tooltip2__inner{top:0}"


def test_built_pages_use_the_trimmed_stylesheets(built_site: Path):
    stylesheets = {p.name for p in (built_site / "assets/stylesheets").glob("*.min.css")}
    assert {n.split(".")[0] for n in stylesheets} == {"main", "palette"}
    assert not list((built_site / "assets/stylesheets").glob("*.map"))
    for page in built_site.rglob("*.html"):
        if "<article" not in page.read_text():
            continue  # a redirect page, which loads no styles
        linked = set(re.findall(r'assets/stylesheets/([^"]+\.min\.css)"', page.read_text()))
        assert linked and linked <= stylesheets, page


MATERIAL_ASSETS = Path(material.__file__).parent / "templates" / "assets"
RUN_TIME_RULES = (".md-nav__link.focus-visible", ".md-typeset a.focus-visible", ".md-typeset summary.focus-visible",
                  "[role=tooltip]>.md-tooltip2__inner")
"""Rules for what Material's script sets at run time: its keyboard focus outlines and the tooltip's width."""


def _material_css() -> str:
    return "".join(p.read_text() for p in sorted((MATERIAL_ASSETS / "stylesheets").glob("main.*.min.css")))


def test_what_materials_script_sets_at_run_time_is_kept(built_site: Path):
    trimmed = "".join(p.read_text() for p in (built_site / "assets/stylesheets").glob("main.*.min.css"))
    for selector in RUN_TIME_RULES:
        assert selector in _material_css(), f"Material no longer has {selector}: update RUN_TIME_RULES"
        assert selector in trimmed, selector


def test_without_the_keep_list_those_rules_would_go(built_site: Path):
    """Twin: the words are in no built page; only SET_AT_RUN_TIME keeps their rules."""
    words = site_words(built_site) - set(SET_AT_RUN_TIME)
    trimmed = purge_stylesheet(_material_css(), words)
    for selector in RUN_TIME_RULES:
        assert selector not in trimmed, selector


def test_every_kept_word_is_set_by_materials_script():
    bundle = "".join(p.read_text() for p in (MATERIAL_ASSETS / "javascripts").glob("bundle.*.min.js"))
    for word in SET_AT_RUN_TIME:
        assert re.search(rf"""["'`]{re.escape(word)}["'`]""", bundle), word
