"""Styles for what Material's script sets at run time survive the CSS trim (atlas.unused_css.SET_AT_RUN_TIME).

Keyboard focus is marked by Material's script (the `focus-visible` class) and shows the designed outline
(the accent colour, set away from the element: Material's rules, which site.css makes solid and thicker),
not the browser's default ring; a glossary tooltip (our own, docs/assets/javascripts/tooltips.js) is at most
400 px wide, beside the word, not as wide as the screen.
"""

from __future__ import annotations

import pytest

from quality import accessibility

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

MUSCLE = "muscles/gluteus-medius/"

FOCUS_STYLE = """el => {
  const probe = document.createElement("span");
  probe.style.color = "var(--md-accent-fg-color)";
  el.parentElement.appendChild(probe);
  const accent = getComputedStyle(probe).color;
  probe.remove();
  const style = getComputedStyle(el);
  return {classes: el.className, color: style.outlineColor, offset: parseFloat(style.outlineOffset),
          width: parseFloat(style.outlineWidth), style: style.outlineStyle, accent};
}"""


def _tab_to(tab, selector: str, limit: int = 200) -> None:
    """Press Tab until the focused element matches `selector` (a keyboard user, not element.focus())."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("sel => document.activeElement.matches(sel)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


@pytest.mark.parametrize("selector", [".md-nav__link", ".md-typeset a:not(.headerlink)", ".md-typeset summary"],
                         ids=["menu-link", "content-link", "summary"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_focus_is_the_designed_outline(browser, site_url, selector, scheme):
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    try:
        tab = context.new_page()
        tab.goto(site_url + MUSCLE)
        _tab_to(tab, selector)
        focus = tab.evaluate_handle("document.activeElement").evaluate(FOCUS_STYLE)
    finally:
        context.close()
    assert "focus-visible" in focus["classes"].split(), "Material's script marks keyboard focus"
    assert focus["style"] != "none" and focus["width"] >= 2, focus
    assert focus["color"] == focus["accent"], f"outline colour {focus['color']}, not the accent colour"
    assert focus["offset"] > 0, "the outline stands away from the element, as Material and site.css set it"


def test_a_focus_check_tells_materials_outline_from_the_browsers(browser, site_url):
    """Twin: with the outline rules gone, the same check sees the browser's default ring."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab = context.new_page()
        tab.goto(site_url + MUSCLE)
        accessibility.add_rules(
            tab, ".md-nav .md-nav__link.focus-visible:focus-visible{outline:revert;outline-offset:revert}")
        _tab_to(tab, ".md-nav__link")
        focus = tab.evaluate_handle("document.activeElement").evaluate(FOCUS_STYLE)
    finally:
        context.close()
    assert focus["color"] != focus["accent"] or focus["offset"] <= 0


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_glossary_tooltip_is_narrow_and_beside_its_word(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport)
    try:
        tab = context.new_page()
        tab.goto(site_url + MUSCLE)
        word = tab.locator("article abbr[title]").first
        word.scroll_into_view_if_needed()
        word.hover()
        tooltip = tab.locator("[role=tooltip]:not([hidden])").first
        tooltip.wait_for(state="visible")
        box, anchor = tooltip.bounding_box(), word.bounding_box()
    finally:
        context.close()
    assert box["width"] <= min(400, viewport["width"] - 32) + 1, f"tooltip {box['width']} px wide"
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    # beside the word: it overlaps the word's column, not pinned to the page's left edge
    assert box["x"] <= anchor["x"] + anchor["width"] and box["x"] + box["width"] >= anchor["x"]
