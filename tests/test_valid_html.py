"""Valid HTML: the Nu HTML checker finds no error in what this project writes into each page (the article
rendered from content, and the theme overrides' output). It is also shown to catch invalid markup."""

from __future__ import annotations

from pathlib import Path

from quality import report, valid_html


def test_our_part_of_every_page_is_valid_html(built_site: Path, tmp_path: Path):
    pages = {p.relative_to(built_site).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(built_site.rglob("*.html"))}
    documents = {name: valid_html.our_part(html) for name, html in pages.items() if "<article" in html}
    assert len(documents) >= 9
    assert all("<article" in d and "md-search" in d for d in documents.values())  # both parts were cut out
    assert all("og:title" in d for n, d in documents.items() if n.endswith("index.html"))
    errors = valid_html.vnu_errors(documents, tmp_path)
    for name in documents:
        report.add("Nu HTML checker (vnu), errors in our part of each page", f"/{name}: {len(errors[name])}")
    assert {name: found for name, found in errors.items() if found} == {}


def test_checker_catches_invalid_markup(tmp_path: Path):
    page = """<html><head><!-- atlas:overrides --><meta property="og:title" content="x">
    <meta property="og:title"><!-- /atlas:overrides --></head><body><article>
    <p>A paragraph <div>with a block inside</div></p>
    <h2 id="same">One</h2><h2 id="same">Two</h2>
    <a href="#same"><button>Nested control</button></a>
    <img src="figure.png">
    </article></body></html>"""
    errors = valid_html.vnu_errors({"bad": valid_html.our_part(page)}, tmp_path)["bad"]
    text = "\n".join(errors)
    assert "Duplicate ID" in text
    assert "“button” must not appear as a descendant of the “a” element" in text
    assert "“img” element must have an “alt” attribute" in text
    assert "“content” is missing" in text or "attribute “content”" in text  # from the overrides' part
