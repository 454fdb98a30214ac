"""The Content-Security-Policy in Chromium (issue 12): on every page, in both colour schemes, nothing is
blocked: no policy violation, no failed request, Material's scripts (inline and bundled) ran, and search
works. The recorder is shown to catch a page whose inline script the policy blocks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import DESKTOP, PHONE, serve_directory

pytestmark = pytest.mark.browser

# Installed before any page script: every violation the browser reports, as an event.
_LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


class Recorder:
    """Violations (events and console messages) and failed requests of one browser context."""

    def __init__(self, context):
        self.console: list[str] = []
        self.failed: list[str] = []
        context.add_init_script(_LISTEN)
        context.on("console", lambda m: self.console.append(m.text) if "Content Security Policy" in m.text else None)
        # A request cut short by going on to the next page (ERR_ABORTED) is not one the page was refused.
        context.on("requestfailed", lambda r: None if r.failure == "net::ERR_ABORTED" else
                   self.failed.append(f"{r.url}: {r.failure}"))

    def violations(self, tab) -> list[str]:
        return tab.evaluate("() => window.__cspViolations") + self.console


def _visit(tab, url: str) -> dict:
    tab.goto(url, wait_until="networkidle")
    return tab.evaluate("""() => ({
        inline: typeof window.__md_get === "function",
        bundle: typeof window.document$ !== "undefined",
    })""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_page_breaks_its_policy(browser, site_url, built_pages, scheme, viewport):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    recorder = Recorder(context)
    tab = context.new_page()
    found = {}
    for path in built_pages:
        ran = _visit(tab, site_url + path)
        problems = recorder.violations(tab)
        if not (ran["inline"] and ran["bundle"]):
            problems.append(f"Material's scripts did not run: {ran}")
        if problems:
            found[path or "/"] = problems
        recorder.console.clear()
    context.close()
    assert found == {}
    assert recorder.failed == []


def test_search_and_the_colour_toggle_work_under_the_policy(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    recorder = Recorder(context)
    tab = context.new_page()
    _visit(tab, site_url + "muscles/gluteus-medius/")
    toggle = tab.locator("label.md-header__button[for^='__palette']:visible").first
    if toggle.count():
        toggle.click()
    search = tab.locator("input[data-md-component='search-query'], .md-search__input, input[type='search']").first
    search.click()
    search.press_sequentially("gluteus", delay=50)  # search reacts to key presses, not to a filled value
    results = tab.locator(".md-search-result__item, .pagefind-ui__result, [data-search-result]")
    try:
        results.first.wait_for(timeout=10_000)
    except Exception:
        pass
    assert results.count() > 0, f"search found nothing: its worker or index may have been blocked {recorder.failed}"
    assert recorder.violations(tab) == []
    assert recorder.failed == []
    context.close()


def test_recorder_catches_a_blocked_inline_script(browser, built_site, tmp_path):
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    page = site / "glossary/index.html"
    page.write_text(page.read_text().replace("</body>", "<script>document.title = 'changed'</script></body>"))
    with serve_directory(site) as url:
        context = browser.new_context()
        recorder = Recorder(context)
        tab = context.new_page()
        _visit(tab, url + "glossary/")
        violations = recorder.violations(tab)
        title = tab.title()
        context.close()
    assert any("script-src" in v for v in violations), violations
    assert title != "changed"
