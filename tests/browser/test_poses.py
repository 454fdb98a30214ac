"""Exercise pictures and the hold timer in Chromium: every self-release and stretch shows its pictures with
text alternatives (above the steps on a phone, beside them on a desktop), the handout prints them, and the
timer, driven by Playwright's clock, counts down, counts holds and sides and announces the end."""

from __future__ import annotations

import re

import pytest

from atlas import pose_schema
from atlas.load import load_site
from quality.accessibility import axe_violations, describe

from conftest import ROOT
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

SITE = load_site(ROOT / "content")
# Gluteus medius first: its exercises all have pictures; the timer tests use its page.
MUSCLES = sorted(SITE.muscles, key=lambda m: m.id != "gluteus-medius")
EXERCISES = [(m, key, exercise) for m in MUSCLES
             for key, exercise in (("self-release", m.self_release), ("stretch", m.stretch))
             if getattr(exercise, "pictures", None)]


def _pictures(page, section: str) -> list[dict]:
    return page.evaluate("""section => {
      // The pictures between this section's heading and the next one, in document order.
      let current = null;
      const out = [];
      for (const el of document.querySelectorAll('article h2, article .pose img')) {
        if (el.tagName === 'H2') { current = el.id; continue; }
        if (current !== section) continue;
        el.scrollIntoView();
        out.push({alt: el.alt, src: el.getAttribute('src'), caption: el.closest('figure').innerText.trim(),
                  loading: el.loading});
      }
      return out;
    }""", section)


def _after_heading(section: str, selector: str) -> str:
    """A selector for `selector` among the elements that follow section `section`'s heading. copy-link.js wraps
    each linkable heading in a `.heading-row`, so the elements that follow are the row's siblings, not the
    heading's; without JavaScript they are the heading's own."""
    return f":is(h2#{section}, .heading-row:has(> h2#{section})) ~ {selector}"


@pytest.mark.parametrize("muscle,key,exercise", EXERCISES, ids=[f"{m.id}#{k}" for m, k, _ in EXERCISES])
def test_each_exercise_shows_its_pictures_with_text_alternatives(page, site_url, muscle, key, exercise):
    page.goto(f"{site_url}muscles/{muscle.id}/")
    pictures = _pictures(page, key)
    assert len(pictures) == len(exercise.pictures) >= 1, key
    for shown, (caption, _, picture) in zip(pictures, pose_schema.labelled(exercise.pictures)):
        assert re.match(r"^(Lying|Standing|Sitting|Kneeling)", shown["alt"]) and len(shown["alt"]) > 30
        assert shown["caption"] == caption
        assert shown["loading"] == "lazy"  # further down the page: fetched only when scrolled to
    page.wait_for_function("""srcs => srcs.every(src => {
        const img = document.querySelector(`.pose img[src="${src}"]`);
        img.scrollIntoView();
        return img.complete && img.naturalWidth > 0;
    })""", arg=[p["src"] for p in pictures])


@pytest.mark.parametrize("muscle,key,exercise", EXERCISES, ids=[f"{m.id}#{k}" for m, k, _ in EXERCISES])
def test_each_pregnancy_version_shows_its_pictures_and_timer(page, site_url, muscle, key, exercise):
    alternative = exercise.pregnancy_alternative
    if alternative is None or not alternative.pictures:
        pytest.skip("no pregnancy version with pictures")
    page.goto(f"{site_url}muscles/{muscle.id}/")
    box = page.locator(_after_heading(key, ".admonition.info")).first
    images = box.locator(".pose-row img")
    assert images.count() == len(alternative.pictures) >= 1
    for i, (caption, _, picture) in enumerate(pose_schema.labelled(alternative.pictures)):
        alt = images.nth(i).get_attribute("alt")
        assert alt.startswith(f"{caption}: ") and len(alt) > 30
        images.nth(i).scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=images.nth(i).element_handle())
    assert box.get_by_role("button", name=f"Start {alternative.hold_seconds} s hold").is_visible()


def _layout(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.pose-steps')].map(block => {
      const pics = block.querySelector('.pose-pictures').getBoundingClientRect();
      const steps = block.querySelector('ol').getBoundingClientRect();
      const content = block.getBoundingClientRect();
      return {picsLeft: pics.left, picsRight: pics.right, picsTop: pics.top, picsBottom: pics.bottom,
              picsWidth: pics.width, stepsLeft: steps.left, stepsRight: steps.right, stepsTop: steps.top,
              width: content.width};
    })""")


def test_on_a_phone_the_pictures_stand_above_the_steps_full_width(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}muscles/{MUSCLES[0].id}/")
    for block in _layout(page):
        assert block["picsBottom"] <= block["stepsTop"] + 1
        assert block["picsWidth"] >= block["width"] - 1
    context.close()


def test_on_a_desktop_the_pictures_stand_beside_the_steps(page, site_url):
    page.goto(f"{site_url}muscles/{MUSCLES[0].id}/")
    for block in _layout(page):
        assert block["picsLeft"] >= block["stepsRight"]
        assert abs(block["picsTop"] - block["stepsTop"]) < 30


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pictures_follow_the_colour_scheme(browser, site_url, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}muscles/{MUSCLES[0].id}/")
    page.locator(".pose img").first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.pose img').complete")
    # Sample the picture's paper: light on the light scheme, dark on the dark one (the SVG is inverted).
    shot = page.locator(".pose img").first.screenshot()
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(shot)).convert("L")
    corner = image.getpixel((2, 2))
    assert (corner > 200) if scheme == "light" else (corner < 80), corner
    context.close()


def test_handout_shows_the_pictures_on_paper(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site_url}muscles/{MUSCLES[0].id}/handout/", wait_until="networkidle")
    page.emulate_media(media="print")
    sizes = page.evaluate("""() => [...document.querySelectorAll('.handout .pose-row img')].map(i => ({
        loaded: i.complete && i.naturalWidth > 0, alt: i.alt, height: i.getBoundingClientRect().height,
        lazy: i.loading === 'lazy'}))""")
    expected = sum(len(e.pictures) + len(e.pregnancy_alternative.pictures) for m, _, e in EXERCISES
                   if m is MUSCLES[0])
    assert len(sizes) == expected
    for size in sizes:
        assert size["loaded"] and size["alt"] and not size["lazy"]
        assert 45 <= size["height"] <= 110  # small but clear: 13 mm (lying), 26 mm (standing) on paper
        assert size["alt"].startswith(("Start: ", "End: "))
    context.close()


# --- the hold timer ---------------------------------------------------------------------------------------


def _timer_page(browser, site_url, viewport=PHONE):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.clock.install()
    page.goto(f"{site_url}muscles/{MUSCLES[0].id}/")
    return context, page


def test_the_timer_counts_down_and_announces_the_end(browser, site_url):
    context, page = _timer_page(browser, site_url)
    release = MUSCLES[0].self_release
    timer = page.locator(".hold-timer").first
    start = timer.get_by_role("button", name=f"Start {release.hold_seconds} s hold")
    start.click()
    status = timer.locator(".hold-timer__status")
    assert status.get_attribute("aria-live") == "polite"
    assert "Hold started" in status.inner_text()
    digits = timer.locator(".hold-timer__digits")
    assert digits.inner_text() == f"0:{release.hold_seconds}"
    font = float(digits.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))
    assert font >= 40  # large: readable from the floor
    page.clock.run_for(10_000)
    assert digits.inner_text() == f"0:{release.hold_seconds - 10}"
    page.clock.run_for((release.hold_seconds - 10) * 1000 + 500)
    assert digits.inner_text() == "0:00"
    assert "Time is up" in status.inner_text()
    assert start.is_visible()
    context.close()


def test_the_timer_says_when_to_switch_sides(browser, site_url):
    stretch = MUSCLES[0].stretch
    assert stretch.timer.sides == 2
    context, page = _timer_page(browser, site_url)
    timer = page.locator(_after_heading("stretch", ".hold-timer")).first
    timer.get_by_role("button", name=f"Start {stretch.hold_seconds} s hold").click()
    assert "first side" in timer.locator(".hold-timer__step").inner_text()
    page.clock.run_for(stretch.hold_seconds * 1000 + 500)
    assert "switch to the other side" in timer.locator(".hold-timer__status").inner_text()
    other = timer.get_by_role("button", name=re.compile("Start the other side"))
    other.press("Enter")  # the keyboard works as well as a tap
    assert "other side" in timer.locator(".hold-timer__step").inner_text()
    page.clock.run_for(stretch.hold_seconds * 1000 + 500)
    assert "Time is up" in timer.locator(".hold-timer__status").inner_text()
    assert timer.get_by_role("button", name=f"Start {stretch.hold_seconds} s hold").is_visible()
    context.close()


def test_the_timer_stops_and_its_sound_and_vibration_start_off(browser, site_url):
    context, page = _timer_page(browser, site_url)
    timer = page.locator(".hold-timer").first
    assert not timer.get_by_role("checkbox", name="Sound").is_checked()
    timer.get_by_role("button", name=re.compile("^Start")).click()
    page.clock.run_for(5_000)
    timer.get_by_role("button", name="Stop").click()
    assert timer.locator(".hold-timer__status").inner_text() == "Timer stopped."
    page.clock.run_for(60_000)
    assert "Time is up" not in timer.locator(".hold-timer__status").inner_text()
    context.close()


def test_a_running_timer_is_axe_clean_in_both_schemes(browser, site_url):
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=PHONE, color_scheme=scheme)
        page = context.new_page()
        page.clock.install()
        page.goto(f"{site_url}muscles/{MUSCLES[0].id}/")
        page.locator(".hold-timer").first.get_by_role("button", name=re.compile("^Start")).click()
        page.clock.run_for(3_000)
        violations = axe_violations(page)
        assert violations == [], describe(violations)
        context.close()


def test_without_javascript_there_is_no_timer_button(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}muscles/{MUSCLES[0].id}/")
    assert page.locator(".hold-timer, .hold-timer__start").count() == 0
    holds = sum(1 + (e.pregnancy_alternative is not None) for m, _, e in EXERCISES if m is MUSCLES[0])
    assert page.locator("p.hold-time").count() == holds  # the hold time is still written in the text
    context.close()


def test_the_timer_keeps_the_screen_on_where_the_browser_allows(browser, site_url):
    context, page = _timer_page(browser, site_url)
    page.evaluate("""() => { window.__locks = 0; Object.defineProperty(navigator, 'wakeLock', {value: {request: () => {
        window.__locks += 1; const lock = new EventTarget(); lock.release = () => Promise.resolve();
        return Promise.resolve(lock); }}}); }""")
    page.locator(".hold-timer").first.get_by_role("button", name=re.compile("^Start")).click()
    assert page.evaluate("window.__locks") == 1
    context.close()
    # And where there is no Wake Lock at all, the timer still runs.
    context, page = _timer_page(browser, site_url)
    page.evaluate("() => { Object.defineProperty(navigator, 'wakeLock', {value: undefined}); }")
    timer = page.locator(".hold-timer").first
    timer.get_by_role("button", name=re.compile("^Start")).click()
    page.clock.run_for(4_000)
    assert timer.locator(".hold-timer__digits").inner_text().startswith("0:2")
    context.close()


def test_the_timer_counts_the_holds_on_each_side(browser, site_url):
    # The same script on the real page, with the stretch asking for two holds on each side.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.install()
    url = f"{site_url}muscles/{MUSCLES[0].id}/"

    def two_holds(route):
        html = route.fetch().text()
        stretch = html.index('id="stretch"')
        head, tail = html[:stretch], html[stretch:]
        tail = tail.replace('data-hold-repetitions="1"', 'data-hold-repetitions="2"', 1)
        route.fulfill(body=head + tail, content_type="text/html")

    page.route(url, two_holds)
    page.goto(url)
    timer = page.locator(_after_heading("stretch", ".hold-timer")).first
    seconds = MUSCLES[0].stretch.hold_seconds
    steps = []
    for _ in range(4):
        timer.get_by_role("button", name=re.compile("^Start")).click()
        steps.append(timer.locator(".hold-timer__step").inner_text())
        page.clock.run_for(seconds * 1000 + 500)
        steps.append(timer.locator(".hold-timer__status").inner_text())
    assert steps[0] == "Hold 1 of 2, first side" and "switch" not in steps[1]
    assert steps[2] == "Hold 2 of 2, first side" and "Now switch to the other side." in steps[3]
    assert steps[4] == "Hold 1 of 2, other side" and steps[6] == "Hold 2 of 2, other side"
    assert "All 4 holds done." in steps[7]
    context.close()
