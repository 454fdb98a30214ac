"""Accessibility in Chromium: axe-core finds no WCAG 2.2 AA or best-practice violation on any page, at phone
and desktop width, in the light and the dark scheme; every image and figure says what it shows; every
control is reached with Tab and visibly focused. Each check is also shown to catch a page that breaks it."""

from __future__ import annotations

import pytest

from quality import accessibility, report

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violations(browser, site_url, built_pages, scheme, width):
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=scheme)
    page = context.new_page()
    failures = {}
    for path in built_pages:
        page.goto(site_url + path)
        # The palette follows the system setting: the emulated scheme must be the one shown.
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme], path
        violations = accessibility.axe_violations(page)
        report.add("axe violations (page, scheme, width)", f"/{path} {scheme} {width}: {len(violations)}")
        if violations:
            failures[path] = accessibility.describe(violations)
    context.close()
    assert not failures, "\n".join(f"/{p}:\n{d}" for p, d in failures.items())


def test_every_image_and_figure_says_what_it_shows(page, site_url, built_pages):
    problems = {}
    for path in built_pages:
        page.goto(site_url + path)
        found = accessibility.missing_text_alternatives(page)
        if found:
            problems[path] = found
    assert not problems


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_reaches_every_control_and_shows_focus(browser, site_url, built_pages, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    problems = {}
    for path in built_pages:
        page.goto(site_url + path)
        found = accessibility.keyboard_problems(page)
        if found:
            problems[path] = found
    context.close()
    assert not problems


# --- the checks catch pages that break the rules -------------------------------------------------------

BAD_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Bad</title></head><body><main>
<h1>Bad page</h1>
<p style="color:#bbb;background:#fff">Pale grey text on white.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="body-map.png">
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Where the pain is felt"></figure>
<article><svg width="10" height="10"><circle r="4" cx="5" cy="5"/></svg>
<svg role="group" width="10" height="10"><a href="#x"><circle r="4" cx="5" cy="5"/></a></svg></article>
<button style="outline:none;box-shadow:none">No visible focus</button>
<a href="#top" style="position:absolute;left:-9999px">Off screen</a>
</main></body></html>"""


def test_axe_catches_poor_contrast_and_a_missing_alt(page):
    page.set_content(BAD_PAGE)
    found = {v["id"] for v in accessibility.axe_violations(page)}
    assert {"color-contrast", "image-alt"} <= found


def test_missing_text_alternatives_are_caught(page):
    page.set_content(BAD_PAGE)
    problems = accessibility.missing_text_alternatives(page)
    assert any("image without a text alternative" in p and "body-map.png" not in p for p in problems)
    assert any("body-map.png" in p for p in problems)  # a file name says nothing
    assert any("figure without a caption" in p for p in problems)
    assert any("drawing neither named" in p for p in problems)
    assert any("group of links without a name" in p for p in problems)  # a map of links needs names
    assert any("link in a drawing without a name" in p for p in problems)


def test_keyboard_check_catches_invisible_focus_and_off_screen_controls(page):
    page.set_content(BAD_PAGE)
    problems = accessibility.keyboard_problems(page)
    assert any("focus is not visible" in p and "No visible focus" in p for p in problems)
    assert any("off screen" in p and "Off screen" in p for p in problems)


def test_keyboard_check_catches_an_unreachable_control(page):
    page.set_content('<button>One</button><button id="trap">Two</button><button>Three</button>'
                     '<script>document.getElementById("trap").addEventListener("keydown", e => {'
                     ' if (e.key === "Tab") { e.preventDefault(); document.querySelector("button").focus(); } });'
                     '</script>')
    problems = accessibility.keyboard_problems(page)
    assert any("not reachable" in p and "Three" in p for p in problems)


# --- hiding closed panels from the keyboard keeps them working -----------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_search_opens_and_finds_a_page(browser, site_url, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(site_url)
    page.keyboard.press("/")  # Material's search shortcut; on a phone the header button does the same
    search = page.locator(".md-search__input")
    search.wait_for(state="visible")
    assert page.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("gluteus")  # as a reader types: Material searches on each key
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=10_000)
    assert "Gluteus medius" in page.locator(".md-search-result").inner_text()
    context.close()


def test_phone_menu_opens_and_its_links_take_focus(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url)
    drawer_link = page.locator(".md-sidebar--primary a.md-nav__link[href$='about/']")
    assert not drawer_link.is_visible()  # closed: hidden, so Tab skips it
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer_link.wait_for(state="visible")
    drawer_link.focus()
    assert page.evaluate("() => document.activeElement.getAttribute('href')").endswith("about/")
    context.close()
