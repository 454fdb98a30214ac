"""Checks of what a reader sees, measured in Chromium (Playwright pages): where the copy-link control sits,
the size of safety text, touch target sizes, tooltips, and printed figures. Each function returns the
problems it found (empty when the page is right) or the measurements, so a test can show both a good
page and a deliberately bad one.
"""

from __future__ import annotations

MM_PER_PX = 25.4 / 96
"""CSS pixels are 1/96 inch on paper."""

MIN_TARGET_PX = 24
"""WCAG 2.2, 2.5.8 Target Size (Minimum)."""

_COPY_LINK_LAYOUT = """(selector) => {
  const problems = [];
  const headings = [...document.querySelectorAll(selector)];
  for (const heading of headings) {
    const skip = heading.classList.contains("no-copy-link");
    const controls = document.querySelectorAll(`button.copy-link[data-target="${heading.id}"]`);
    const pilcrows = heading.querySelectorAll(".headerlink");
    if (pilcrows.length) problems.push(`#${heading.id}: Material's permalink is still shown beside the copy control`);
    if (skip) {
      if (controls.length) problems.push(`#${heading.id}: a copy control on a heading that should have none`);
      continue;
    }
    if (controls.length !== 1) { problems.push(`#${heading.id}: ${controls.length} copy controls`); continue; }
    const control = controls[0];
    const h = heading.getBoundingClientRect(), c = control.getBoundingClientRect();
    const style = getComputedStyle(heading);
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
    const firstLineMiddle = h.top + parseFloat(style.paddingTop) + line / 2;
    const middle = c.top + c.height / 2;
    if (Math.abs(middle - firstLineMiddle) > line / 2) {
      problems.push(`#${heading.id}: control not on the heading's first line (middle ${middle.toFixed(0)} vs ${firstLineMiddle.toFixed(0)})`);
    }
    if (c.left < h.right - 1) problems.push(`#${heading.id}: control overlaps the heading text instead of following it`);
    if (c.right > document.documentElement.clientWidth + 1) problems.push(`#${heading.id}: control off screen`);
    if (c.width < %(min)d || c.height < %(min)d) problems.push(`#${heading.id}: control ${c.width}x${c.height} px, under %(min)d x %(min)d`);
    const name = control.getAttribute("aria-label") || "";
    if (!name.startsWith("Copy link to this section: ")) problems.push(`#${heading.id}: control named ${JSON.stringify(name)}`);
    if (heading.contains(control)) problems.push(`#${heading.id}: control inside the heading (its name would be read as part of the heading)`);
  }
  return problems;
}""" % {"min": MIN_TARGET_PX}


def copy_link_problems(page, selector: str = "article h2[id], article h3[id]") -> list[str]:
    """Every section heading has one named copy control on its own first line, after the text."""
    return page.evaluate(_COPY_LINK_LAYOUT, selector)


_SMALL_TEXT = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector("article > p, article p")).fontSize);
  const small = [];
  const texts = document.querySelectorAll(
    "article :is(.admonition, details) :is(p, li, dd, dt, summary, .admonition-title), article :is(td, th)");
  for (const element of texts) {
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < body - 0.01) {
      const box = element.closest(".admonition, details, table");
      const title = box.querySelector(".admonition-title, summary, th");
      small.push(`${title ? title.textContent.trim().slice(0, 40) : box.localName}: ${size}px < body ${body}px`);
    }
  }
  return {body: body, small: [...new Set(small)]};
}"""


def safety_text_sizes(page) -> dict:
    """The body text size, and every box or table text that is smaller than it."""
    return page.evaluate(_SMALL_TEXT)


def small_targets(page, selector: str) -> list[str]:
    """Visible controls matching `selector` smaller than 24 x 24 CSS px."""
    return page.evaluate(
        """([selector, min]) => [...document.querySelectorAll(selector)]
             .filter(e => e.getClientRects().length)
             .map(e => [e, e.getBoundingClientRect()])
             .filter(([e, r]) => r.width < min || r.height < min)
             .map(([e, r]) => `${(e.getAttribute("aria-label") || e.textContent).trim()}: ${r.width.toFixed(0)}x${r.height.toFixed(0)}`)""",
        [selector, MIN_TARGET_PX],
    )


def tooltip_problems(page, term, max_em: float = 30, max_gap_px: float = 24) -> list[str]:
    """The visible tooltip shown for `term` (an element handle) is at most `max_em` wide and beside it."""
    return page.evaluate(
        """([term, maxEm, maxGap]) => {
          const tips = [...document.querySelectorAll('[role="tooltip"]')]
            .filter(t => t.getClientRects().length && getComputedStyle(t).visibility !== "hidden"
                         && parseFloat(getComputedStyle(t).opacity) > 0 && t.textContent.trim());
          if (tips.length !== 1) return [`${tips.length} visible tooltips`];
          // Material's tooltip is a full-width positioning layer around its visible bubble.
          const tip = tips[0].querySelector(".md-tooltip2__inner") || tips[0], t = tip.getBoundingClientRect();
          const word = term.getClientRects()[0];
          const em = parseFloat(getComputedStyle(tip).fontSize);
          const problems = [];
          if (t.width > maxEm * em) problems.push(`tooltip ${t.width.toFixed(0)} px wide = ${(t.width / em).toFixed(1)} em > ${maxEm} em`);
          const gap = t.top >= word.bottom ? t.top - word.bottom : word.top - t.bottom;
          if (gap < -1 || gap > maxGap) problems.push(`tooltip ${gap.toFixed(0)} px from its word (above or below)`);
          if (t.right < word.left || t.left > word.right) problems.push("tooltip not over or under its word");
          return problems;
        }""",
        [term, max_em, max_gap_px],
    )


def split_blocks(page, selector: str) -> list[str]:
    """Blocks matching `selector` that are broken across columns or sheets (more than one box)."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
             .filter(e => new Set([...e.getClientRects()].map(r => Math.round(r.left))).size > 1)
             .map(e => e.textContent.trim().replace(/\\s+/g, " ").slice(0, 60))""",
        selector,
    )


def printed_figures(page) -> list[dict]:
    """Each figure of the article as laid out for paper (call after `emulate_media(media="print")` at the
    paper's content width): its drawing's and caption's widths in mm, whether the caption is under or
    beside the drawing, and the printed size of its numbers in points. The drawing is an inline <svg> (maps,
    `kind` "map") or an <img> (exercise pictures, `kind` "pose"); an <img> is measured as drawn inside its box
    (print.css fits them with `object-fit: contain`), so its size is the picture's, not the empty box's.
    `height_mm` is the drawing's height."""
    return page.evaluate(
        """async (mm) => {
          // Lazy pictures further down are fetched for paper as the printer lays the page out: here too.
          const images = [...document.querySelectorAll("article figure img")];
          images.forEach(img => { img.loading = "eager"; });
          await Promise.all(images.map(img => img.decode().catch(() => null)));
          return [...document.querySelectorAll("article figure")].map(f => {
          const img = f.querySelector(":scope img");
          const svg = img ? drawnImage(img) : f.querySelector("svg").getBoundingClientRect();
          function drawnImage(img) {
            // The picture inside the box: `contain` scales it to fit wholly, keeping its proportions.
            const box = img.getBoundingClientRect();
            if (getComputedStyle(img).objectFit !== "contain" || !img.naturalWidth) return box;
            const scale = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
            const width = img.naturalWidth * scale, height = img.naturalHeight * scale;
            return {width, height, top: box.top, left: box.left, bottom: box.top + height, right: box.left + width};
          }
          const caption = f.querySelector("figcaption");
          const c = caption ? caption.getBoundingClientRect() : null;
          const numbers = [...f.querySelectorAll("text")].map(t => {
            const scale = t.getScreenCTM() ? t.getScreenCTM().a : 1;
            return parseFloat(getComputedStyle(t).fontSize) * scale * 0.75;
          });
          return {
            name: f.className.baseVal || f.className,
            kind: img ? "pose" : "map",
            width_mm: svg.width * mm,
            height_mm: svg.height * mm,
            caption_width_mm: c ? c.width * mm : null,
            caption_under_or_beside: c ? (c.top >= svg.bottom - 1 || c.left >= svg.right - 1) : null,
            smallest_number_pt: numbers.length ? Math.min(...numbers) : null,
          };
        });
        }""",
        MM_PER_PX,
    )
