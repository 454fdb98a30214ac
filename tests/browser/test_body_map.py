"""Body maps in Chromium: axe finds nothing on the finder in either scheme and on a phone, the finder works
by keyboard, mouse and touch, each X lies inside the drawn muscle, and print is black and white."""

from __future__ import annotations

import pytest

from atlas.load import load_site

from conftest import ROOT
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
FINDER = "where-does-it-hurt/"
MUSCLE = "muscles/gluteus-medius/"


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "content")


def axe_violations(page, context=None) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']}: {node['target']}" for v in results.response["violations"] for node in v["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violation_on_the_finder(browser, site_url, scheme, viewport):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + FINDER)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_the_muscle_page_figures(browser, site_url, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + MUSCLE)
    assert page.locator("figure.body-map").count() == 4
    assert axe_violations(page, context={"include": [["figure.body-map"]]}) == []
    context.close()


_EXPOSED_POINT = """([region, side]) => {
    // A point of the region's shape (right side, or its mirror image) that is on top there, so a click
    // or tap at it reaches this region's link: scanned on a grid in map units.
    const svg = document.querySelector("figure.body-map--finder svg");
    const path = svg.querySelectorAll(`a[data-region="${region}"] path`)[side];
    const ctm = svg.getScreenCTM();
    for (let y = 0; y <= 240; y += 1) {
        for (let x = 0; x <= 200; x += 1) {
            if (!path.isPointInFill(new DOMPoint(x, y))) continue;
            const screen = new DOMPoint(x, y).matrixTransform(ctm);
            if (document.elementFromPoint(screen.x, screen.y) === path) return {x: screen.x, y: screen.y};
        }
    }
    return null;
}"""


def test_finder_by_keyboard(page, site_url):
    page.goto(site_url + FINDER)
    focused = ""
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "document.activeElement.closest('figure.body-map--finder') ? "
            "document.activeElement.getAttribute('href') : ''"
        )
        if focused == "#buttock":
            break
    assert focused == "#buttock"
    # The focus is visible: the region is outlined in a thick line in the text colour.
    stroke = page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('path')).strokeWidth"
    )
    assert stroke == "2.5px"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Buttock"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#buttock'")
    heading = page.locator("h2#buttock")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < DESKTOP["height"]


def test_finder_by_mouse_every_region(page, site_url, site):
    page.set_viewport_size({"width": DESKTOP["width"], "height": 1400})  # the whole map on screen
    for region in site.regions:
        page.goto(site_url + FINDER)
        point = page.evaluate(_EXPOSED_POINT, [region.id, 0])
        assert point is not None, f"{region.id} is hidden under other regions"
        page.mouse.click(point["x"], point["y"])
        page.wait_for_function(f"location.hash === '#{region.id}'", timeout=3000)
        assert page.locator(f"h2#{region.id}").is_visible()


def test_finder_by_touch_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + FINDER)
    # The figure fits the phone's width.
    width = page.evaluate("document.querySelector('figure.body-map--finder svg').getBoundingClientRect().width")
    assert 200 < width <= PHONE["width"]
    # The left side of the body (the mirrored shape) leads to the same section.
    page.evaluate("window.scrollTo(0, document.querySelector('figure.body-map--finder').offsetTop - 60)")
    point = page.evaluate(_EXPOSED_POINT, ["side-of-hip", 1])
    assert point is not None and 0 < point["y"] < PHONE["height"]
    page.touchscreen.tap(point["x"], point["y"])
    page.wait_for_function("location.hash === '#side-of-hip'", timeout=3000)
    context.close()


def test_each_x_is_inside_the_drawn_muscle(page, site_url):
    page.goto(site_url + MUSCLE)
    results = page.evaluate(
        """() => [...document.querySelectorAll("figure.body-map g[data-tp]")].map(g => {
            const muscle = g.ownerSVGElement.querySelector("path.bm-muscle");
            const point = new DOMPoint(+g.dataset.x, +g.dataset.y);
            return [g.dataset.tp, muscle.isPointInFill(point)];
        })"""
    )
    assert results == [["tp1", True], ["tp2", True], ["tp3", True]] * 2


def test_schemes_and_print_colour_the_figures(browser, site_url):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
        page = context.new_page()
        page.goto(site_url + MUSCLE)
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            colours[scheme, media] = page.evaluate(
                """() => {
                    const svg = document.querySelector("figure.body-map--trigger-point svg");
                    const style = (sel, prop) => getComputedStyle(svg.querySelector(sel))[prop];
                    return {body: style(".bm-body", "fill"), edge: style(".bm-edge", "stroke"),
                            main: style(".bm-main", "fill"), dot: style(".bm-dot", "fill"),
                            x: style(".bm-x", "stroke"),
                            text: getComputedStyle(document.querySelector("article")).color};
                }"""
            )
        context.close()
    for scheme in ("light", "dark"):
        screen = colours[scheme, "screen"]
        assert screen["edge"] == screen["x"] == screen["text"]  # outlines and X follow the text colour
        # Printed black and white in either scheme: white body, grey solid main area, black dots and X.
        printed = colours[scheme, "print"]
        assert (printed["body"], printed["main"], printed["dot"], printed["x"], printed["edge"]) == (
            "rgb(255, 255, 255)", "rgb(179, 179, 179)", "rgb(0, 0, 0)", "rgb(0, 0, 0)", "rgb(0, 0, 0)"
        ), scheme
    assert colours["light", "screen"]["body"] != colours["dark", "screen"]["body"]
