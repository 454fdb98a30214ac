"""Copy link in Chromium: one small, named control on the line of every section heading (it replaces
Material's pilcrow; none on the glossary's letters) puts the section's full public address on the
clipboard and announces it, by mouse, touch and keyboard; arriving at an address with an id shows that
section below the sticky header, highlighted briefly."""

from __future__ import annotations

import pytest

from atlas import links
from atlas.links import DEFAULT_SITE_URL
from quality import layout

from conftest import ROOT, long_date, real_muscle
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

MUSCLE = "muscles/gluteus-medius/"
PUBLIC = DEFAULT_SITE_URL  # the test build's site_url: copied addresses name the public site, not the test server


@pytest.fixture
def clipboard_page(browser):
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    yield tab
    context.close()


HEADING_TEXT = """h => {
    const copy = h.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(n => n.remove());
    return copy.textContent.replace(/\\s+/g, " ").trim();
}"""


def status_text(page) -> str:
    page.wait_for_function("() => document.querySelector('.copy-link-status').textContent !== ''")  # a function: the page's CSP blocks eval of a string
    return page.locator(".copy-link-status").text_content()


def test_every_section_heading_has_one_named_control_on_its_own_line(browser, site_url, built_pages):
    """On a phone (touch) and a desktop: one control per section heading, after the heading's text on its
    first line, at least 24 x 24 px, named for the section; Material's pilcrow is gone; none on the
    glossary's letters."""
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport, has_touch=viewport is PHONE)
        page = context.new_page()
        try:
            problems = {}
            for path in built_pages:
                page.goto(site_url + path)
                found = layout.copy_link_problems(page)
                if found:
                    problems[path] = found
                headings = page.locator("article h2[id]:not(.no-copy-link), article h3[id]:not(.no-copy-link)")
                for i in range(headings.count()):
                    heading = headings.nth(i)
                    name = page.locator(f"button.copy-link[data-target='{heading.get_attribute('id')}']")
                    assert name.get_attribute("aria-label").endswith(heading.evaluate(HEADING_TEXT)), path
            assert not problems, problems
            page.goto(site_url + MUSCLE)
            for tp in ("tp1", "tp2", "tp3"):
                assert page.get_by_role("button", name=f"Copy link to this section: Trigger point {tp[2]}").count() == 1
            assert page.get_by_role("status").count() == 1
            page.goto(site_url + "glossary/")
            letters = page.locator("article h2.no-copy-link")
            assert letters.count() >= 5 and page.locator("button.copy-link[data-target^='letter-']").count() == 0
        finally:
            context.close()


def test_every_copy_control_is_a_section_of_the_link_contract(browser, site_url, built_pages):
    contract = set(links.read_contract(ROOT / "content" / "link-contract.txt"))
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        for path in built_pages:
            page.goto(site_url + path)
            for target in page.eval_on_selector_all("button.copy-link", "bs => bs.map(b => b.dataset.target)"):
                assert f"/{path}#{target}" in contract, (path, target)
    finally:
        context.close()


def test_the_position_check_catches_a_control_under_its_heading_and_a_second_pilcrow(page):
    page.set_content("""<article>
      <div><h2 id="a">A heading</h2><button class="copy-link" data-target="a" aria-label="Copy link to this section: A heading"
        style="display:block;width:40px;height:40px">x</button></div>
      <h2 id="b">B<a class="headerlink" href="#b">¶</a><button class="copy-link" data-target="b"
        aria-label="Copy link" style="display:inline-block;box-sizing:border-box;padding:0;border:0;width:10px;height:10px"></button></h2>
      <h2 id="c" class="no-copy-link">C</h2><button class="copy-link" data-target="c">x</button>
    </article>""")
    problems = " ".join(layout.copy_link_problems(page))
    assert "#a: control not on the heading's first line" in problems
    assert "#b: Material's permalink is still shown" in problems
    assert "#b: control 10x10 px" in problems and "#b: control named" in problems
    assert "#b: control inside the heading" in problems
    assert "#c: a copy control on a heading that should have none" in problems


def test_tapping_the_control_on_a_phone_copies_and_announces(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True,
                                  permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(site_url + MUSCLE)
        page.get_by_role("button", name="Copy link to this section: Trigger point 2").tap()
        assert status_text(page) == "Link copied"
        assert page.evaluate("navigator.clipboard.readText()") == PUBLIC + MUSCLE + "#tp2"
    finally:
        context.close()


def test_clicking_copies_the_full_address_and_announces_it(clipboard_page, site_url):
    page = clipboard_page
    page.goto(site_url + MUSCLE)
    page.get_by_role("button", name="Copy link to this section: Stretch").click()
    assert status_text(page) == "Link copied"
    assert page.evaluate("navigator.clipboard.readText()") == PUBLIC + MUSCLE + "#stretch"
    status = page.locator(".copy-link-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"


def test_keyboard_tab_and_enter_copies_the_trigger_point_address(clipboard_page, site_url):
    page = clipboard_page
    page.goto(site_url + MUSCLE)
    # From the last link before the heading, Tab: the next stop is the copy control of the heading.
    page.evaluate("""() => {
        const stops = [...document.querySelectorAll("article a[href], article button, article [tabindex]")];
        const control = document.querySelector("button.copy-link[data-target='tp2']");
        const before = stops.filter(e => e.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING && e.tabIndex >= 0);
        before[before.length - 1].focus();
    }""")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused.startswith("Copy link to this section: Trigger point 2")
    page.keyboard.press("Enter")
    assert status_text(page) == "Link copied"
    assert page.evaluate("navigator.clipboard.readText()") == PUBLIC + MUSCLE + "#tp2"


def test_copy_citation(clipboard_page, site_url):
    page = clipboard_page
    page.goto(site_url + MUSCLE)
    muscle = real_muscle()
    page.get_by_role("button", name="Copy citation").click()
    assert status_text(page) == "Citation copied"
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{muscle.names.common}. Trigger Point Atlas. Last reviewed {long_date(muscle.review.last_reviewed)}. "
        f"{PUBLIC}{MUSCLE} (accessed [date])."
    )


def test_arriving_at_a_section_shows_it_below_the_header_highlighted(browser, site_url):
    for motion, animation in (("no-preference", "atlas-section-arrival"), ("reduce", "none")):
        context = browser.new_context(viewport=PHONE, reduced_motion=motion)
        page = context.new_page()
        try:
            page.goto(site_url + MUSCLE + "#tp2")
            heading = page.locator("h3#tp2")
            header_bottom = page.locator("header.md-header").bounding_box()
            box = heading.bounding_box()
            assert header_bottom["y"] + header_bottom["height"] <= box["y"] < PHONE["height"], (motion, box)
            style = heading.evaluate("h => [getComputedStyle(h).animationName, getComputedStyle(h).outlineStyle]")
            assert style[0] == animation, motion
            if motion == "reduce":
                assert style[1] == "solid"  # a still highlight instead of the fade
            other = page.locator("h3#tp1").evaluate("h => getComputedStyle(h).animationName")
            assert other == "none"
        finally:
            context.close()
