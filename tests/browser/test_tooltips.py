"""Glossary tooltips (docs/assets/javascripts/tooltips.js): nothing is set up per term at load; a tooltip
appears beside its word on hover, keyboard focus and a tap, no wider than a short paragraph, inside the
screen, and goes with Escape or a tap elsewhere. axe finds nothing wrong while one shows. The geometry check
is also shown to catch a tooltip that is too wide or far from its word."""

from __future__ import annotations

import pytest

from quality import accessibility

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

MUSCLE = "muscles/gluteus-medius/"
MAX_WIDTH_EM = 30   # issue 14: about 20-30 em

_GEOMETRY = """() => {
  const tip = document.querySelector('[role=tooltip]:not([hidden])');
  if (!tip) return null;
  const word = document.querySelector('[aria-describedby="' + tip.id + '"]');
  const t = tip.getBoundingClientRect(), w = word.getClientRects()[0];
  return {text: tip.textContent, term: word.dataset.title, width: t.width,
          em: parseFloat(getComputedStyle(tip).fontSize), left: t.left, right: t.right,
          gapBelow: t.top - w.bottom, gapAbove: w.top - t.bottom, viewport: document.documentElement.clientWidth};
}"""


def tooltip_problems(page) -> list[str]:
    """What is wrong with the tooltip on show: missing, wrong text, too wide, off screen, away from its word."""
    g = page.evaluate(_GEOMETRY)
    if g is None:
        return ["no tooltip shows"]
    problems = []
    if not g["text"] or g["text"] != g["term"]:
        problems.append(f"tooltip text {g['text']!r} is not the term's explanation {g['term']!r}")
    if g["width"] > MAX_WIDTH_EM * g["em"]:
        problems.append(f"tooltip {g['width']:.0f}px wide, more than {MAX_WIDTH_EM} em")
    if g["left"] < 0 or g["right"] > g["viewport"]:
        problems.append("tooltip runs off the screen")
    if not (0 <= g["gapBelow"] <= 16 or 0 <= g["gapAbove"] <= 16):
        problems.append(f"tooltip not beside its word (gap {g['gapBelow']:.0f}px below, {g['gapAbove']:.0f} above)")
    return problems


def test_nothing_is_set_up_until_a_term_is_used(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    requested: list[str] = []
    context.on("request", lambda r: requested.append(r.url))
    page = context.new_page()
    page.goto(site_url + MUSCLE, wait_until="networkidle")
    assert page.locator("article abbr[title]").count() > 10
    assert page.locator("[role=tooltip], .md-tooltip2, .md-tooltip").count() == 0
    assert not any(u.endswith("/tooltip.css") for u in requested)
    page.locator("article abbr").first.hover()
    page.locator("[role=tooltip]").wait_for(state="visible")
    assert any(u.endswith("/tooltip.css") for u in requested)
    assert page.locator("[role=tooltip]").count() == 1  # one shared tooltip
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hover_shows_the_tooltip_beside_its_word(browser, site_url, scheme):
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + MUSCLE)
    for index in (0, 5, 12):
        term = page.locator("article abbr").nth(index)
        term.scroll_into_view_if_needed()
        term.hover()
        page.locator("[role=tooltip]:not([hidden])").wait_for()
        assert tooltip_problems(page) == [], index
    assert accessibility.axe_violations(page) == []
    page.mouse.move(0, 0)
    page.locator("[role=tooltip]").wait_for(state="hidden")
    assert page.locator("article abbr[title]").count() == page.locator("article abbr").count()  # titles back
    context.close()


def test_keyboard_focus_shows_it_and_escape_hides_it(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + MUSCLE)
    page.locator("article abbr").first.focus()
    for _ in range(2):
        page.keyboard.press("Tab")  # terms take focus in reading order
    assert page.evaluate("() => document.activeElement.tagName") == "ABBR"
    page.locator("[role=tooltip]:not([hidden])").wait_for()
    assert tooltip_problems(page) == []
    assert page.evaluate("() => document.activeElement.getAttribute('aria-describedby')") == "atlas-tooltip"
    page.keyboard.press("Escape")
    page.locator("[role=tooltip]").wait_for(state="hidden")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_tap_on_a_phone_shows_it_and_a_tap_elsewhere_hides_it(browser, site_url, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + MUSCLE)
    term = page.locator("article abbr").nth(3)
    term.scroll_into_view_if_needed()
    term.tap()
    page.locator("[role=tooltip]:not([hidden])").wait_for()
    assert tooltip_problems(page) == []
    assert accessibility.axe_violations(page) == []
    page.locator("article h1").tap()
    page.locator("[role=tooltip]").wait_for(state="hidden")
    context.close()


def test_geometry_check_catches_a_wide_or_distant_tooltip(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + MUSCLE)
    page.locator("article abbr").first.hover()
    page.locator("[role=tooltip]:not([hidden])").wait_for()
    page.evaluate("() => { const t = document.querySelector('[role=tooltip]');"
                  " t.style.maxWidth = 'none'; t.style.width = '60em'; t.style.top = '5px'; }")
    problems = tooltip_problems(page)
    assert any("more than" in p for p in problems) and any("not beside" in p for p in problems)
    context.close()
