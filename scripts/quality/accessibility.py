"""Accessibility checks run in Chromium: axe-core's rules, text alternatives, and keyboard focus."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_AXE = Axe()


def axe_violations(page) -> list[dict]:
    """axe-core's violations of the WCAG 2.2 AA and best-practice rules on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return _AXE.run(page, options=options).response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({len(violation['nodes'])}x): {violation['help']}: {targets}")
    return "\n".join(lines)


# Every image and figure must say what it shows: an <img> its alt text (a name like "image" or a file name
# says nothing), an <svg> or other element with role="img" an aria-label, aria-labelledby or <title>, a
# <figure> a <figcaption> or a label. Decorative images must be hidden from assistive technology instead.
MISSING_TEXT_ALTERNATIVES = r"""() => {
  const text = s => (s || "").replace(/\s+/g, " ").trim();
  const labelledby = el => text((el.getAttribute("aria-labelledby") || "").split(/\s+/)
      .map(id => document.getElementById(id)).filter(Boolean).map(n => n.textContent).join(" "));
  const hidden = el => el.closest("[aria-hidden=true]") !== null;
  const meaningless = s => /^(image|img|picture|photo|figure|graphic|icon)?$/i.test(s)
      || /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(s);
  const describe = el => el.outerHTML.slice(0, 120);
  const problems = [];
  for (const img of document.querySelectorAll("img, input[type=image], area")) {
    if (hidden(img) || ["presentation", "none"].includes(img.getAttribute("role"))) continue;
    const name = text(img.getAttribute("alt")) || text(img.getAttribute("aria-label")) || labelledby(img);
    if (meaningless(name)) problems.push("image without a text alternative: " + describe(img));
  }
  for (const el of document.querySelectorAll("svg[role=img], [role=img]:not(svg):not(img)")) {
    if (hidden(el)) continue;
    const title = el.tagName.toLowerCase() === "svg" ? text(el.querySelector(":scope > title")?.textContent) : "";
    const name = text(el.getAttribute("aria-label")) || labelledby(el) || title;
    if (meaningless(name)) problems.push("graphic without a text alternative: " + describe(el));
  }
  for (const figure of document.querySelectorAll("figure")) {
    if (hidden(figure)) continue;
    const caption = text(figure.querySelector(":scope > figcaption")?.textContent);
    const name = caption || text(figure.getAttribute("aria-label")) || labelledby(figure);
    if (!name) problems.push("figure without a caption or label: " + describe(figure));
  }
  for (const svg of document.querySelectorAll("article svg[role=group]")) {
    // A drawing made of links (a clickable body map) is a named group, and every link in it is named.
    if (hidden(svg)) continue;
    if (meaningless(text(svg.getAttribute("aria-label")) || labelledby(svg))) {
      problems.push("group of links without a name: " + describe(svg));
    }
    for (const link of svg.querySelectorAll("a")) {
      const name = text(link.getAttribute("aria-label")) || text(link.querySelector(":scope > title")?.textContent);
      if (meaningless(name)) problems.push("link in a drawing without a name: " + describe(link));
    }
  }
  for (const svg of document.querySelectorAll("article svg:not([role=img]):not([role=group])")) {
    // An inline drawing in the text is either named (role="img") or hidden as decoration.
    if (!hidden(svg) && !svg.closest("a, button, label, [role=img]")) {
      problems.push("drawing neither named (role=img) nor hidden (aria-hidden): " + describe(svg));
    }
  }
  return problems;
}"""


def missing_text_alternatives(page) -> list[str]:
    return page.evaluate(MISSING_TEXT_ALTERNATIVES)


# The controls a keyboard user must be able to reach: visible, enabled, not taken out of the tab order.
_CONTROLS = r"""() => {
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]";
  const reachable = el => !el.disabled && el.getAttribute("aria-hidden") !== "true" && el.tabIndex >= 0 && !el.closest("[inert]")
      && el.checkVisibility({visibilityProperty: true, opacityProperty: true})
      && el.getClientRects().length > 0;
  return [...document.querySelectorAll(selector)].filter(reachable).map((el, i) => {
    el.dataset.atlasControl = String(i);
    return {index: i, html: el.outerHTML.slice(0, 100)};
  });
}"""

# What the focused element looks like: a visible focus indicator is an outline or a box shadow.
_FOCUSED = r"""() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  // A visually hidden radio button or checkbox shows its focus on the label drawn for it: Material puts
  // that label right after the input (the colour-scheme toggle), otherwise it is the input's own label.
  const shown = focused.offsetWidth > 1 && getComputedStyle(focused).opacity !== "0";
  const next = focused.nextElementSibling;
  const proxy = next && next.tagName === "LABEL" ? next : (focused.labels || [])[0];
  const el = !shown && proxy ? proxy : focused;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  return {
    index: focused.dataset.atlasControl === undefined ? null : Number(focused.dataset.atlasControl),
    html: focused.outerHTML.slice(0, 100),
    indicator: outline || shadow,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
        && box.right > 0 && box.left < innerWidth
        && el.checkVisibility({visibilityProperty: true, opacityProperty: true}),
  };
}"""


def add_rules(page, css: str) -> None:
    """Add CSS rules to the open page as a constructed stylesheet.

    Not an added <style> element (Playwright's add_style_tag): the pages' Content-Security-Policy has no
    'unsafe-inline', so it blocks that; a sheet adopted through the CSSOM is not governed by style-src.
    """
    page.evaluate("""css => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }""", css)


def keyboard_problems(page) -> list[str]:
    """Tab from the top of the page to the end: every control is reached, on screen and visibly focused."""
    controls = page.evaluate(_CONTROLS)
    max_presses = 2 * len(controls) + 20  # enough to go round once even if Tab visits unlisted elements
    reached: set[int] = set()
    problems: list[str] = []
    # Judge each control's focused look, not a frame of its fade-in.
    add_rules(page, "*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    seen_first = None
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:
            continue
        if not (focused["indicator"] and focused["onScreen"]):
            page.wait_for_timeout(300)  # a panel may open when it takes focus (Material's search does)
            focused = page.evaluate(_FOCUSED) or focused
        key = focused["index"] if focused["index"] is not None else focused["html"]
        if key == seen_first:
            break  # back at the first control: the whole page has been tabbed through
        seen_first = seen_first if seen_first is not None else key
        if focused["index"] is not None:
            reached.add(focused["index"])
        if not focused["indicator"]:
            problems.append("focus is not visible on " + focused["html"])
        if not focused["onScreen"]:
            problems.append("focused control is off screen: " + focused["html"])
    problems += ["not reachable with Tab: " + c["html"] for c in controls if c["index"] not in reached]
    return list(dict.fromkeys(problems))
