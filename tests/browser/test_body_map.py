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


_TARGETS = """() => [...document.querySelectorAll("figure.body-map--finder")].map(figure => ({
    view: figure.querySelector("svg").dataset.view || "back",
    map: figure.getBoundingClientRect().toJSON(),
    targets: [...figure.querySelectorAll("svg a")].map(a => ({
        href: a.getAttribute("href"), box: a.getBoundingClientRect().toJSON(),
    })),
    names: [...figure.parentElement.querySelectorAll("ol.finder-places a")].map(a => ({
        href: a.getAttribute("href"), text: a.textContent, box: a.getBoundingClientRect().toJSON(),
    })),
}))"""


def _overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def target_problems(maps: list[dict]) -> list[str]:
    """Targets under 24 x 24 CSS px (names: under 24 px high) and targets that overlap in one map."""
    problems = []
    for view in maps:
        for kind in ("targets", "names"):
            boxes = view[kind]
            for target in boxes:
                small = target["box"]["height"] < 24 or (kind == "targets" and target["box"]["width"] < 24)
                if small:
                    problems.append(f"{view['view']} {kind} {target['href']} is smaller than 24 px: {target['box']}")
            for i, first in enumerate(boxes):
                for second in boxes[i + 1:]:
                    if _overlap(first["box"], second["box"]):
                        problems.append(f"{view['view']} {kind} {first['href']} overlaps {second['href']}")
    return problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_place_is_a_target_of_24_px_apart_from_its_neighbours(browser, site_url, site, viewport):
    """WCAG 2.2 2.5.8: every place's circle is at least 24 x 24 CSS px, and no two targets touch; the
    names beside each map are targets of 24 px height that do not overlap either."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site_url + FINDER)
    maps = page.evaluate(_TARGETS)
    assert [m["view"] for m in maps] == [v.id for v in site.body_map.views]
    for view in maps:
        places = [f"#{r.id}" for r in site.regions if view["view"] in r.views]
        assert [t["href"] for t in view["targets"]] == places
        assert [n["href"] for n in view["names"]] == places  # every place named beside its map
    assert target_problems(maps) == []
    sizes = [min(t["box"]["width"], t["box"]["height"]) for view in maps for t in view["targets"]]
    from quality import report

    report.add("finder", f"targets at {viewport['width']}x{viewport['height']}: {len(sizes)} circles, smallest "
                         f"{min(sizes):.1f} CSS px across, none overlapping")
    context.close()


def test_small_or_overlapping_targets_are_caught(page):
    """The twin: the same measurement on a map whose circles are too small and too close."""
    page.set_content(
        '<div class="finder-view"><figure class="body-map--finder"><svg viewBox="0 0 100 100" width="100" '
        'height="100"><a href="#a"><circle cx="10" cy="10" r="5"/></a><a href="#b"><circle cx="16" cy="10" '
        'r="14"/></a></svg></figure><ol class="finder-places"><li><a href="#a">A</a></li><li><a href="#b">B</a>'
        "</li></ol></div>"
    )
    problems = target_problems(page.evaluate(_TARGETS))
    assert any("#a is smaller than 24 px" in p for p in problems)
    assert any("targets #a overlaps #b" in p for p in problems)
    assert any("names #a is smaller than 24 px" in p for p in problems)


def test_names_are_beside_the_map_on_a_desktop_and_under_it_on_a_phone(browser, site_url):
    for viewport, beside in ((DESKTOP, True), (PHONE, False)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(site_url + FINDER)
        for view in page.evaluate(_TARGETS):
            first = view["names"][0]["box"]
            if beside:
                assert first["left"] >= view["map"]["right"] and first["top"] < view["map"]["bottom"], view["view"]
            else:
                assert first["top"] >= view["map"]["bottom"] - 1, view["view"]
        context.close()


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
    # The focus is visible: the circle gets a thick ring in the text colour, and the place's area shows.
    stroke = page.evaluate("getComputedStyle(document.activeElement.querySelector('circle')).strokeWidth")
    assert stroke == "2.5px"
    area = page.evaluate("getComputedStyle(document.activeElement.previousElementSibling).visibility")
    assert area == "visible"
    others = page.evaluate(
        "[...document.querySelectorAll('.bm-area')].filter(a => getComputedStyle(a).visibility === 'visible').length"
    )
    assert others == 1
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Buttock"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#buttock'")
    heading = page.locator("h2#buttock")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < DESKTOP["height"]


def test_finder_by_mouse_every_place_in_every_view(page, site_url, site):
    page.goto(site_url + FINDER)
    for view in site.body_map.views:
        for region in site.regions:
            if view.id not in region.views:
                continue
            link = page.locator(f".finder-view svg[data-view='{view.id}'] a[data-region='{region.id}']")
            link.scroll_into_view_if_needed()
            box = link.bounding_box()
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_function(f"location.hash === '#{region.id}'", timeout=3000)
            assert page.locator(f"h2#{region.id}").is_visible()
            page.goto(site_url + FINDER)


def test_finder_by_touch_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + FINDER)
    # The maps fit the phone's width.
    widths = page.evaluate("[...document.querySelectorAll('figure.body-map--finder svg')]"
                           ".map(svg => svg.getBoundingClientRect().width)")
    assert len(widths) == 3 and all(250 < w <= PHONE["width"] for w in widths)
    for view, place in (("side", "outer-knee"), ("front", "groin")):
        target = page.locator(f".finder-view svg[data-view='{view}'] a[data-region='{place}']")
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box is not None and 0 < box["y"] < PHONE["height"]
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_function(f"location.hash === '#{place}'", timeout=3000)
        page.goto(site_url + FINDER)
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
