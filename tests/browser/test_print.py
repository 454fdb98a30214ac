"""Printing in Chromium: what a clinician's browser puts on paper.

Playwright's `page.pdf` with the browser's defaults (no margins passed, so the page's own `@page` margins
apply, as in the print dialog's "Default"; no background graphics; paper size from the format, not from
CSS), read back with pypdf. The handout is one sheet of A4 and of US Letter, front and back (the exercises
and their stop rules on the front), with room for more lines and no large blank area; the full muscle page
on at most five sheets of A4, none blank; every figure prints at a readable size (measured in mm, with print
media emulated at the paper's width); no box or paragraph is split between columns; every printout names
its page, web address and review date and none of the site's menus; the handout's QR code, decoded from a
rendered image, is the muscle page's public address.
"""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from atlas import render
from atlas.links import DEFAULT_SITE_URL
from atlas.load import load_site

from conftest import ROOT, long_date, real_muscle, site_nav
from quality import layout, report
from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

MUSCLE = "muscles/gluteus-medius/"
# Every muscle page (gluteus medius, the longest, first): each must print on at most five sheets.
MUSCLE_PAGES = sorted((f"muscles/{m.id}/" for m in load_site(ROOT / "content").muscles), key=lambda p: p != MUSCLE)
MAX_MUSCLE_SHEETS = 5
HANDOUT = "muscles/gluteus-medius/handout/"
PUBLIC = DEFAULT_SITE_URL  # the test build's site_url: printed addresses name the public site, not the test server
REVIEWED = long_date(real_muscle().review.last_reviewed)
PAPER_MM = {"A4": (210, 297), "Letter": (215.9, 279.4)}
MARGIN_MM = 12  # print.css @page


def nav_labels() -> list[str]:
    """Every label of the site's menu (mkdocs.yml `nav`), plus Material's own chrome labels."""
    labels: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for label, value in item.items():
                    labels.append(label)
                    if isinstance(value, list):
                        walk(value)

    walk(site_nav())
    return labels + ["Skip to content", "Back to top", "Switch to dark mode", "Copy link", "Copy citation"]


class Printout:
    def __init__(self, data: bytes):
        self.reader = PdfReader(io.BytesIO(data))
        self.pages = [page.extract_text() or "" for page in self.reader.pages]

    @property
    def sheets(self) -> int:
        return len(self.pages)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.pages).split())

    @property
    def squeezed(self) -> str:
        """All text without whitespace: addresses survive being wrapped over two lines."""
        return "".join(self.text.split())


def print_page(browser, site_url: str, path: str, paper: str, javascript: bool = True) -> Printout:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
    try:
        tab = context.new_page()
        tab.goto(site_url + path)
        return Printout(tab.pdf(format=paper, prefer_css_page_size=False, print_background=False))
    finally:
        context.close()


@pytest.fixture(scope="module")
def printouts(browser, site_url):
    cache: dict[tuple[str, str, bool], Printout] = {}

    def get(path: str, paper: str = "A4", javascript: bool = True) -> Printout:
        key = (path, paper, javascript)
        if key not in cache:
            cache[key] = print_page(browser, site_url, path, paper, javascript)
        return cache[key]

    return get


# --- sheet counts ------------------------------------------------------------------


def page_used(pdf_page) -> float:
    """The share of a sheet's printable height between its first and its last line of text."""
    heights = []
    pdf_page.extract_text(visitor_text=lambda text, cm, tm, font, size: heights.append(tm[5] * cm[3] + cm[5])
                          if text.strip() else None)
    printable = float(pdf_page.mediabox.height) - 2 * MARGIN_MM / 25.4 * 72
    return (max(heights) - min(heights)) / printable if heights else 0.0


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_fits_on_one_sheet_front_and_back(printouts, paper):
    """One sheet printed on both sides (issue 12): the front carries both exercises with their stop rules,
    the back starts with "Stop and get help" and carries the pregnancy versions of both exercises."""
    printout = printouts(HANDOUT, paper)
    assert printout.sheets <= 2, f"{paper}: {printout.sheets} pages; one sheet has two sides"
    front = " ".join(printout.pages[0].split())
    assert front.count("Stop if:") == 2 and "Check first:" in front and "Before you start:" in front, front
    if printout.sheets == 2:
        back = " ".join(printout.pages[1].split())
        assert back.startswith("Stop and get help"), back[:80]
        assert "If you are pregnant" in back and "against a wall" in back, back


def too_many_sheets(printout: Printout, limit: int = MAX_MUSCLE_SHEETS) -> str | None:
    """What is wrong with a muscle page's printout's length, or None."""
    if not 1 <= printout.sheets <= limit:
        last = " ".join(printout.pages[-1].split())[:80]
        return f"{printout.sheets} sheets (at most {limit}); the last begins {last!r}"
    return None


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path", MUSCLE_PAGES)
def test_every_muscle_page_prints_on_at_most_five_sheets(printouts, path, paper):
    """Issue 15: at most five sheets, on A4 and on US Letter (shorter: the tighter paper). Seven for gluteus
    medius before the print layout was made for paper: pictures beside their steps, 12 mm margins, 9 points
    on 10.35, reference lists in 8 points, the trigger point summary table left to the screen."""
    printout = printouts(path, paper)
    report.add("muscle pages: sheets printed", f"/{path} {paper}: {printout.sheets}")
    assert not too_many_sheets(printout), f"/{path} on {paper}: {too_many_sheets(printout)}"


def print_with_paragraphs_added(browser, site_url: str, path: str, paper: str, where: str, paragraphs: list[str]
                                ) -> Printout:
    """The page printed with `paragraphs` added just before the element `where` (a CSS selector)."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab = context.new_page()
        tab.goto(site_url + path)
        tab.evaluate("""([where, paragraphs]) => {
            const extra = document.createElement("div");
            for (const text of paragraphs) {
                const line = document.createElement("p");
                line.textContent = text;
                extra.append(line);
            }
            document.querySelector(where).before(extra);
        }""", [where, paragraphs])
        return Printout(tab.pdf(format=paper, prefer_css_page_size=False, print_background=False))
    finally:
        context.close()


def test_the_sheet_count_check_catches_a_page_too_long(browser, site_url):
    # The longest muscle page with forty more paragraphs of a box's size: past five sheets, and caught.
    paragraphs = [(f"Extra paragraph {i}: " + "more words " * 30)[:300] for i in range(1, 41)]
    printout = print_with_paragraphs_added(browser, site_url, MUSCLE, "Letter", "article h1 + *", paragraphs)
    assert too_many_sheets(printout) and printout.sheets > MAX_MUSCLE_SHEETS, printout.sheets


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path", [path + "handout/" for path in MUSCLE_PAGES],
                         ids=[path.split("/")[1] for path in MUSCLE_PAGES])
def test_handout_is_one_sheet_front_and_back_with_the_exercises_on_the_front(printouts, path, paper):
    printout = printouts(path, paper)
    assert printout.sheets <= 2, f"{path} {paper}: {printout.sheets} pages"
    front = " ".join(printout.pages[0].split())
    for text in ("Where the trigger points are", "Self-release", "Stretch", "Stop if:", "Hold:"):
        assert text in front, f"{path} {paper}: {text!r} not on the front"
    # Every exercise's stop rules with it on the front: one "Stop if" per exercise with steps.
    exercises = len(re.findall(r"\bStart:", front))
    assert front.count("Stop if:") >= exercises >= 1, (path, paper, exercises, front.count("Stop if:"))
    if printout.sheets == 2:
        back = " ".join(printout.pages[1].split())
        assert "Self-release with a ball" not in back and "Stop if:" not in back.split("If you are pregnant")[0]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_uses_its_paper_well(printouts, paper):
    used = [page_used(page) for page in printouts(HANDOUT, paper).reader.pages]
    report.add("handout: share of each printed side used", f"{paper}: " + ", ".join(f"{u:.0%}" for u in used))
    assert all(u >= 0.65 for u in used), (paper, used)


def test_the_paper_use_check_catches_a_mostly_blank_sheet(browser):
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab = context.new_page()
        tab.set_content("<p>One line</p><p>and another.</p>")
        reader = PdfReader(io.BytesIO(tab.pdf(format="A4")))
        assert page_used(reader.pages[0]) < 0.1
    finally:
        context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_front_has_room_for_two_more_lines(browser, site_url, paper):
    """Safety text grows: two more full-width lines before the exercises still leave the exercises and
    their stop rules on the front of the one sheet. (The layout was made with room for eight before issue
    12's safety lines took most of it; US Letter is the tighter paper.)"""
    lines = [f"Extra line {i}: a short safety line." for i in (1, 2)]
    printout = print_with_paragraphs_added(browser, site_url, HANDOUT, paper, ".handout__exercises", lines)
    assert printout.sheets <= 2, (paper, printout.sheets)
    front = " ".join(printout.pages[0].split())
    assert "Extra line 2" in front and front.count("Stop if:") == 2 and "Stretch" in front, paper


# --- pictures that load lazily on screen are all asked for on paper ------------------------------


def pictures_still_lazy(browser, site_url: str, path: str, *, how: str, without_print_pictures: bool = False) -> int:
    """How many pictures are still waiting to be scrolled to (loading="lazy") once the page is printed
    (`how="print"`) or laid out for print, as a print preview does (`how="print-media"`).
    `without_print_pictures`: the site's script served without its print-pictures.js part."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab = context.new_page()
        if without_print_pictures:
            def neutered(route):
                script = route.fetch().text()
                assert 'image.loading="eager"' in script, "atlas.js no longer asks for the pictures this way"
                route.fulfill(body=script.replace('image.loading="eager"', "void 0"), content_type="text/javascript")
            tab.route("**/assets/javascripts/atlas.js", neutered)
        tab.goto(site_url + path)
        assert tab.locator('img[loading="lazy"]').count() > 0, "nothing on the page loads lazily"
        if how == "print":
            tab.pdf(format="A4")
        else:
            tab.emulate_media(media="print")
            tab.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        return tab.locator('img[loading="lazy"]').count()
    finally:
        context.close()


@pytest.mark.parametrize("how", ["print", "print-media"])
def test_pictures_that_load_lazily_are_asked_for_before_printing(browser, site_url, how):
    """Exercise pictures far down a page load when scrolled to; printed without being scrolled to, they must
    all be on the sheets: printing, or laying the page out for print, asks for every one at once."""
    for path in MUSCLE_PAGES:
        assert pictures_still_lazy(browser, site_url, path, how=how) == 0, path


def test_the_lazy_picture_check_catches_a_page_that_leaves_them_lazy(browser, site_url):
    assert pictures_still_lazy(browser, site_url, MUSCLE, how="print-media", without_print_pictures=True) > 0


# --- figures and boxes as laid out on paper -------------------------------------------------


@pytest.fixture
def paper_layout(browser, site_url):
    """A tab laid out for print at the printable width of a paper size (CSS px are 1/96 inch on paper)."""
    contexts = []

    def open_(path: str, paper: str):
        width_mm = PAPER_MM[paper][0] - 2 * MARGIN_MM
        context = browser.new_context(viewport={"width": round(width_mm / layout.MM_PER_PX), "height": 1000})
        contexts.append(context)
        tab = context.new_page()
        tab.goto(site_url + path)
        tab.emulate_media(media="print")
        return tab

    yield open_
    for context in contexts:
        context.close()


# An exercise picture (figure.pose, an <img>) is one whole body: print.css caps its height at 20 mm and
# fits it in half the column, so a lying pose prints long and low and a standing one tall and narrow.
# What makes it readable is the body's length, its longer side, at least about an inch.
POSE_MIN_LONG_SIDE_MM = 25


def figure_problems(figures: list[dict], min_width_mm: float) -> list[str]:
    """`min_width_mm` is for the maps (inline <svg> with numbers); exercise pictures have their own rule."""
    problems = []
    for figure in figures:
        name, width = figure["name"], figure["width_mm"]
        if figure["kind"] == "pose":
            long_side = max(width, figure["height_mm"])
            if long_side < POSE_MIN_LONG_SIDE_MM:
                problems.append(f"{name}: picture {long_side:.1f} mm long < {POSE_MIN_LONG_SIDE_MM} mm")
        elif width < min_width_mm:
            problems.append(f"{name}: {width:.1f} mm wide < {min_width_mm} mm")
        if figure["caption_width_mm"] is not None:
            if not figure["caption_under_or_beside"]:
                problems.append(f"{name}: caption neither under nor beside the drawing")
            if figure["caption_width_mm"] < width - 0.5:
                problems.append(f"{name}: caption {figure['caption_width_mm']:.1f} mm, narrower than the drawing")
        if figure["smallest_number_pt"] is not None and figure["smallest_number_pt"] < 7:
            problems.append(f"{name}: numbers print at {figure['smallest_number_pt']:.1f} pt < 7 pt")
    return problems


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path, min_width_mm", [(path + "handout/", 45) for path in MUSCLE_PAGES]
                         + [(path, 35) for path in MUSCLE_PAGES],
                         ids=[path.split("/")[1] + "-handout" for path in MUSCLE_PAGES]
                         + [path.split("/")[1] for path in MUSCLE_PAGES])
def test_every_printed_figure_is_a_readable_size(paper_layout, paper, path, min_width_mm):
    figures = layout.printed_figures(paper_layout(path, paper))
    assert figures
    report.add("printed figure widths (mm) and smallest number (pt)", f"/{path} {paper}: " + ", ".join(
        f"{f['width_mm']:.0f} mm" + (f" ({f['smallest_number_pt']:.1f} pt)" if f["smallest_number_pt"] else "")
        for f in figures))
    assert not figure_problems(figures, min_width_mm), figure_problems(figures, min_width_mm)


def test_the_figure_check_catches_the_collapsed_handout_figure(page):
    # As the handout printed before: the drawing 19 mm wide (72 px), its numbers about 3 pt, its caption
    # squeezed into a column narrower than the drawing.
    page.emulate_media(media="print")
    page.set_content("""<article><div style="display:grid;grid-template-columns:72px 1fr">
      <figure style="margin:0"><svg viewBox="0 0 162 96" style="width:100%">
      <text x="10" y="20" style="font-size:10px">1</text></svg><figcaption>Where the trigger points lie</figcaption>
      </figure><ul><li>Trigger point 1</li></ul></div></article>""")
    page.locator("figcaption").evaluate("c => { c.style.width = '40px'; }")
    problems = figure_problems(layout.printed_figures(page), 45)
    assert any("mm wide < 45" in p for p in problems) and any("pt < 7 pt" in p for p in problems), problems
    assert any("narrower than the drawing" in p for p in problems), problems


def test_the_figure_check_catches_a_shrunken_exercise_picture(page, site_url):
    # The real lying start picture fitted (`contain`) into a box 300 px wide but 20 px high: the box is
    # 79 mm wide, the body drawn in it only about 17 mm long (as long as its proportions allow in 20 px).
    # Caught, though it is no map and its box is wide; the same picture drawn 160 px (42 mm) long passes.
    page.emulate_media(media="print")
    src = f"{site_url}{MUSCLE}poses/stretch-start.svg"
    page.set_content(f"""<article><figure class="pose" style="margin:0;width:300px">
      <img src="{src}" style="width:100%;height:20px;object-fit:contain"><figcaption>Start</figcaption></figure>
      <figure class="pose" style="margin:0;width:160px"><img src="{src}" style="width:100%;height:auto">
      <figcaption>End</figcaption></figure></article>""")
    page.wait_for_function("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    figures = layout.printed_figures(page)
    assert [f["kind"] for f in figures] == ["pose", "pose"]
    width, height = page.evaluate("() => [document.images[0].naturalWidth, document.images[0].naturalHeight]")
    drawn_mm = min(300 / width, 20 / height) * width * layout.MM_PER_PX
    assert 12 < drawn_mm < 22, drawn_mm  # a lying body, about three times as long as high
    problems = figure_problems(figures, 35)
    assert problems == [f"pose: picture {drawn_mm:.1f} mm long < 25 mm"], problems


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_no_box_or_paragraph_is_split_between_columns(paper_layout, paper):
    handout = paper_layout(HANDOUT, paper)
    assert not layout.split_blocks(handout, "article :is(.handout__help, .handout__exercises) :is(p, li)")
    for path in MUSCLE_PAGES:
        muscle = paper_layout(path, paper)
        assert not layout.split_blocks(muscle, "article :is(.admonition, details, figure, .pose-pictures)"), path


def test_the_split_check_catches_a_box_split_between_columns(page):
    page.set_content("""<article style="column-count:2;width:600px"><div class="admonition" style="height:400px">
      """ + "Stop if it hurts. " * 80 + "</div></article>")
    assert layout.split_blocks(page, "article .admonition")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_no_printout_has_a_blank_sheet(printouts, built_pages, paper):
    for path in built_pages:
        printout = printouts(path, paper)
        blank = [n + 1 for n, text in enumerate(printout.pages) if not text.strip()]
        assert not blank, f"{path or '/'} on {paper}: blank sheet(s) {blank} of {printout.sheets}"


def test_a_short_page_prints_on_one_sheet(printouts):
    # Default Material prints a short page on two sheets, the second one blank.
    for paper in ("A4", "Letter"):
        assert printouts("muscles/", paper).sheets == 1


# --- what is on the paper -----------------------------------------------------------


@pytest.mark.parametrize("path", ["", MUSCLE, "conditions/low-back-pain/", "glossary/", "about/"])
def test_printout_names_the_page_its_address_and_review_date(printouts, path):
    printout = printouts(path)
    assert (PUBLIC + path) in printout.squeezed
    first, last = printout.pages[0], printout.pages[-1]
    assert "".join((PUBLIC + path).split()) in "".join(first.split()), "address missing at the top"
    assert "".join((PUBLIC + path).split()) in "".join(last.split()), "address missing at the bottom"
    assert "Trigger Point Atlas" in first
    if path not in ("", "about/"):  # hand-written pages carry no review date
        assert f"Last reviewed {REVIEWED}" in printout.text


def test_handout_carries_the_full_page_address_and_review_date(printouts):
    printout = printouts(HANDOUT)
    # The short address beside the QR code, as a patient would type it.
    lines = [line.strip() for line in printout.pages[-1].splitlines()]
    assert PUBLIC.removeprefix("http://") + MUSCLE in lines, "the address must sit unbroken on a line of its own"
    assert f"Last reviewed: {REVIEWED}" in printout.text


@pytest.mark.parametrize("path", [MUSCLE, HANDOUT, "glossary/"])
def test_printout_has_no_menus_buttons_or_search(printouts, browser, site_url, path):
    printout = printouts(path)
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab = context.new_page()
        tab.goto(site_url + path)
        tab.emulate_media(media="print")
        # What the article itself says (in print): a label may appear there, e.g. in "Related pages".
        own_text = " ".join(tab.locator("article").inner_text().split())
    finally:
        context.close()
    for label in nav_labels():
        pattern = re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")
        printed, own = len(pattern.findall(printout.text)), len(pattern.findall(own_text))
        assert printed <= own, f"{path}: {label!r} printed {printed} times, the article says it {own} times"
    assert "Print this" not in printout.text
    assert "Search" not in printout.text


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_collapsed_anatomy_details_print_open(printouts, javascript):
    text = printouts(MUSCLE, "A4", javascript).text
    site = load_site(ROOT / "content")
    anatomy = site.muscle("gluteus-medius").anatomy
    for fact in (anatomy.origin, anatomy.insertion, anatomy.nerve, anatomy.blood_supply):
        words = " ".join(fact.split())[:60]
        assert words in text, words


def test_links_that_leave_the_page_print_their_address(printouts):
    squeezed = printouts(MUSCLE).squeezed
    for target in ("conditions/low-back-pain/", "techniques/dry-needling/", "about/"):
        assert f"({PUBLIC}{target})" in squeezed, target


def addresses_printed_twice(printout: Printout, addresses: list[str]) -> list[str]:
    """Addresses printed as a link's text and again after it in brackets."""
    return [a for a in addresses if f"{a}({a})" in printout.squeezed]


def test_a_reference_address_prints_once(printouts, browser, site_url):
    """A reference's web address is its link's text: print.css does not add it again in brackets. Twin: the
    same page with the links' class removed prints each address twice, and the check says so."""
    site = load_site(ROOT / "content")
    muscle = site.muscle("gluteus-medius")
    by_id = {reference.id: reference for reference in site.references}
    # The page's own references, then those of the site-wide safety text it prints (as muscle.md.j2 lists them).
    ids = dict.fromkeys(muscle.references + site.safety.source_ids())
    addresses = [by_id[i].url for i in ids if by_id[i].url]
    assert addresses and all(a in printouts(MUSCLE).squeezed for a in addresses)
    assert addresses_printed_twice(printouts(MUSCLE), addresses) == []
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab = context.new_page()
        tab.goto(site_url + MUSCLE)
        tab.evaluate("() => document.querySelectorAll('a.link-is-address').forEach(a => a.className = '')")
        doubled = Printout(tab.pdf(format="A4", prefer_css_page_size=False, print_background=False))
    finally:
        context.close()
    assert addresses_printed_twice(doubled, addresses) == addresses


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path", MUSCLE_PAGES)
def test_headings_are_never_last_on_a_sheet(printouts, built_site, path, paper):
    html = (built_site / path / "index.html").read_text()
    headings = {" ".join(re.sub(r"<[^>]+>|&para;", "", h).split())
                for h in re.findall(r"<h[234][^>]*>(.*?)</h[234]>", html)}
    # The labels of an exercise's parts ("Steps", "You will need") are headings to a reader too.
    headings |= {"Steps", "You will need", "Keep the ball off bone", "What you should feel", "How to find it"}
    printout = printouts(path, paper)
    for number, text in enumerate(printout.pages[:-1], start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        # the last line of the article on this sheet (the running address block is separate, at the end)
        assert lines and lines[-1] not in headings, f"/{path} {paper}: sheet {number} ends with {lines[-1]!r}"


# --- the QR code ------------------------------------------------------------------


def decode_qr(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_handout_qr_code_decodes_to_the_muscle_page_address(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, device_scale_factor=2)
    try:
        tab = context.new_page()
        tab.goto(site_url + HANDOUT)
        tab.emulate_media(media="print")
        code = tab.locator(".handout__qr svg")
        assert code.get_attribute("role") == "img"
        assert PUBLIC + MUSCLE in code.get_attribute("aria-label")
        assert decode_qr(code.screenshot()) == [PUBLIC + MUSCLE]
    finally:
        context.close()


def test_qr_code_follows_the_public_site_url(browser):
    site = load_site(ROOT / "content")
    handout = render.Renderer(site, site_url="https://example.org/atlas/").render_handout(site.muscle("gluteus-medius"))
    svg = re.search(r'<svg [^>]*class="qr-code".*?</svg>', handout.markdown, flags=re.S).group(0)
    context = browser.new_context(viewport=DESKTOP)
    try:
        tab = context.new_page()
        tab.set_content(f'<div style="width:300px;background:#fff">{svg}</div>')
        assert decode_qr(tab.locator("svg").screenshot()) == ["https://example.org/atlas/muscles/gluteus-medius/"]
    finally:
        context.close()


# --- the Print button ----------------------------------------------------------------


@pytest.mark.parametrize("path, name", [(MUSCLE, "Print this page"), (HANDOUT, "Print this handout")])
def test_print_button_prints_by_mouse_and_keyboard(browser, site_url, path, name):
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(site_url + path)
        # Count calls instead of opening the print dialog.
        tab.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
        button = tab.get_by_role("button", name=name)
        assert button.count() == 1 and button.is_visible()
        box = button.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 44  # a real touch target
        button.click()
        assert tab.evaluate("window.__printed") == 1
        button.focus()
        tab.keyboard.press("Enter")
        tab.keyboard.press("Space")
        assert tab.evaluate("window.__printed") == 3
    finally:
        context.close()


def test_without_javascript_no_dead_print_button_and_printing_still_works(browser, site_url, printouts):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        tab = context.new_page()
        for path in (MUSCLE, HANDOUT):
            tab.goto(site_url + path)
            assert tab.get_by_role("button", name=re.compile("^Print")).count() == 0
    finally:
        context.close()
    # One sheet, front and back, as with JavaScript.
    assert printouts(HANDOUT, "A4", False).sheets == printouts(HANDOUT, "A4").sheets <= 2
    assert printouts(HANDOUT, "Letter", False).sheets == printouts(HANDOUT, "Letter").sheets <= 2


def test_muscle_page_links_to_its_handout(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(site_url + MUSCLE)
        link = tab.get_by_role("link", name="Handout to print for a patient")
        assert link.is_visible()
        link.click()
        tab.wait_for_url(site_url + HANDOUT)
        assert tab.locator("article h1").inner_text().startswith("Gluteus medius")
    finally:
        context.close()


def test_printed_address_block_shows_on_paper_only(browser, site_url, built_pages):
    """The title, address and review date block is for paper: on screen nobody should see it."""
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        for path in built_pages:
            tab.goto(site_url + path)
            blocks = tab.locator(".print-meta")
            if not blocks.count():
                continue  # a redirect page
            assert not any(blocks.nth(i).is_visible() for i in range(blocks.count())), path
            tab.emulate_media(media="print")
            assert all(blocks.nth(i).is_visible() for i in range(blocks.count())), path
            tab.emulate_media(media="screen")
    finally:
        context.close()
