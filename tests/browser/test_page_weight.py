"""Page weight: what a first visit on a phone transfers, gzip-compressed, printed per page at the end of the
run. Every page: 80 KB in all, render-blocking CSS 15 KB, HTML + render-blocking CSS 35 KB (issue 11).
The check is also shown to catch an oversize page."""

from __future__ import annotations

import re

import pytest

from quality import report, weight

from .conftest import PHONE, serve_directory

pytestmark = pytest.mark.browser

MUSCLE_PAGE = re.compile(r"^muscles/[^/]+/$")


def test_pages_stay_within_their_weight_budget(browser, site_url, built_pages):
    problems = []
    for path in built_pages:
        measured = weight.measure(browser, site_url + path, path, PHONE)
        assert measured.transfers and measured.blocking_css, path  # the page and its stylesheets were weighed
        report.add("page weight, first visit on a phone, gzip (1 KB = 1000 bytes)", measured.summary())
        problems += weight.over_budget(measured)
    assert any(MUSCLE_PAGE.match(p) for p in built_pages)
    assert problems == []


def test_weight_check_catches_an_oversize_page(browser, tmp_path):
    # Text that does not compress: 150 KB of pseudo-random letters, half in the HTML, half in its CSS.
    import random

    noise = random.Random(3)
    text = lambda n: "".join(noise.choice("abcdefghijklmnopqrstuvwxyz0123456789 ") for _ in range(n))
    (tmp_path / "site.css").write_text(f"/* {text(40_000)} */ body {{ margin: 0; }}")
    (tmp_path / "big.js").write_text(f"// {text(80_000)}")
    (tmp_path / "index.html").write_text(
        f'<!DOCTYPE html><html lang="en"><head><title>Big</title><link rel="stylesheet" href="site.css">'
        f'<link rel="stylesheet" href="print.css" media="print"></head>'
        f'<body><p>{text(30_000)}</p><script src="big.js"></script></body></html>'
    )
    (tmp_path / "print.css").write_text("body { color: black; }")
    with serve_directory(tmp_path) as url:
        measured = weight.measure(browser, url, "big/", PHONE)
    assert measured.critical > 35 * weight.KB and measured.total > 80 * weight.KB
    assert url + "print.css" not in measured.blocking_css  # print styles do not block the first paint
    problems = weight.over_budget(measured)
    assert any("in all" in p for p in problems) and any("critical path" in p for p in problems)
    assert any("render-blocking CSS" in p for p in problems)  # 40 KB of noise in site.css
