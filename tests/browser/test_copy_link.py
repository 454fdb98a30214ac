"""Copy link in Chromium: a visible, named button after every section heading and trigger point puts the
section's full public address on the clipboard and announces it; arriving at an address with an id shows
that section below the sticky header, highlighted briefly."""

from __future__ import annotations

import pytest

from atlas.links import DEFAULT_SITE_URL

from conftest import long_date, real_muscle
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
    page.wait_for_function("document.querySelector('.copy-link-status').textContent !== ''")
    return page.locator(".copy-link-status").text_content()


def test_every_section_heading_and_trigger_point_has_a_named_button(browser, site_url, built_pages):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        for path in built_pages:
            page.goto(site_url + path)
            headings = page.locator("article h2[id], article h3[id]")
            for i in range(headings.count()):
                heading = headings.nth(i)
                heading_id = heading.get_attribute("id")
                button = page.locator(f"button.copy-link[data-target='{heading_id}']")
                assert button.count() == 1, (path, heading_id)
                name = button.get_attribute("aria-label")
                assert name.startswith("Copy link to this section: ") and name.endswith(
                    heading.evaluate(HEADING_TEXT)), (path, name)
                # Visible without hover, on a phone: a real box, not hidden.
                box = button.bounding_box()
                assert box and box["width"] >= 44 and box["height"] >= 30, (path, heading_id, box)
                assert button.is_visible()
        page.goto(site_url + MUSCLE)
        for tp in ("tp1", "tp2", "tp3"):
            assert page.get_by_role("button", name=f"Copy link to this section: Trigger point {tp[2]}").count() == 1
        assert page.get_by_role("status").count() == 1
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
    # Start on the heading's own permalink, then Tab: the next stop is the copy button.
    page.locator("h3#tp2 a.headerlink").focus()
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
