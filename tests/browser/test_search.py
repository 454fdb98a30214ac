"""Search (Pagefind, loaded on first use): a reader types, sees results with the page and its sections and the
words marked, and opens one; nothing of search is fetched before someone opens or types in it; handouts
are not in the index; it passes axe and works under the site's Content-Security-Policy."""

from __future__ import annotations

import pytest

from quality import accessibility

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
# What the site's policy allows (overrides/main.html, issue 12): only its own files; WebAssembly for Pagefind.
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'")


def search_requests(urls: list[str]) -> list[str]:
    """The requests that belong to search: Pagefind's script, worker, WebAssembly, index and fragments, and
    search's stylesheet. (The small script that wires the header's search box loads with the page.)"""
    return [u for u in urls if "/pagefind/" in u or u.endswith("/stylesheets/search.css")]


def open_search(page, width: str) -> None:
    if width == "phone":
        page.locator("label.md-header__button[for='__search']").click()  # the magnifier in the header
    else:
        page.keyboard.press("/")  # Material's shortcut
    page.locator(".md-search__input").wait_for(state="visible")


@pytest.mark.parametrize("width", WIDTHS)
def test_typing_in_search_shows_results_and_opens_one(browser, site_url, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(site_url)
    open_search(page, width)
    assert page.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("stretch")
    first = page.locator(".md-search-result__item").first
    first.wait_for(state="visible", timeout=15_000)
    results = page.locator(".md-search-result")
    assert "matching document" in page.locator(".md-search-result__meta").inner_text()
    assert "Gluteus medius" in results.inner_text()
    assert page.locator(".md-search-result__item h2").count() > 0  # the sections that match, by heading
    assert "stretch" in page.locator(".md-search-result mark").first.inner_text().lower()  # the term, marked
    section = page.locator(".md-search-result__link[href*='#']").first
    target = section.get_attribute("href")
    section.click()
    page.wait_for_url("**" + target.split("#")[0] + "*")
    anchor = target.split("#")[1]
    assert page.locator(f"[id='{anchor}']").count() == 1  # the section it named is there
    assert not page.is_checked("#__search")  # search closed behind it
    context.close()


def test_keyboard_moves_through_results_and_escape_closes(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url + "glossary/")
    page.keyboard.press("s")
    page.keyboard.type("buttock")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.classList.contains('md-search-result__input')"
                         " || document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    context.close()


def test_nothing_of_search_is_fetched_before_it_is_used(browser, site_url, built_pages):
    context = browser.new_context(viewport=PHONE)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for path in built_pages:
        page.goto(site_url + path, wait_until="networkidle")
        page.mouse.wheel(0, 2000)  # a reader scrolls and taps around the page
        page.locator("article").first.click(position={"x": 5, "y": 5})
        page.wait_for_timeout(100)
        assert search_requests(requested) == [], path
    # The check sees search's files once someone opens it.
    open_search(page, "phone")
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("/pagefind/pagefind.js") for u in search_requests(requested))
    context.close()


def test_search_requests_are_told_apart_from_the_rest():
    assert search_requests(["http://h/assets/javascripts/search.js", "http://h/index.html"]) == []
    assert search_requests(["http://h/assets/stylesheets/search.css"]) == ["http://h/assets/stylesheets/search.css"]
    assert search_requests(["http://h/pagefind/pagefind.js", "http://h/pagefind/wasm.en.pagefind"]) == [
        "http://h/pagefind/pagefind.js", "http://h/pagefind/wasm.en.pagefind"]


def test_handouts_are_not_in_the_index(browser, site_url, built_pages):
    page = browser.new_page()
    page.goto(site_url)
    found = page.evaluate("""async () => {
        const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
        const all = await pagefind.search(null);  // every indexed page
        return Promise.all(all.results.map(async r => (await r.data()).url));
    }""")
    assert found and all("/handout/" not in url for url in found), found
    indexed = {url.strip("/") + "/" if url.strip("/") else "" for url in found}
    handouts = [p for p in built_pages if p.endswith("handout/")]
    assert handouts and not (set(handouts) & indexed)
    assert "muscles/gluteus-medius/" in indexed  # the full pages are
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_search_with_results_passes_axe(browser, site_url, scheme, width):
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "muscles/gluteus-medius/")
    open_search(page, width)
    page.keyboard.type("pain")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
    page.wait_for_timeout(400)  # the panel's opening transition
    violations = accessibility.axe_violations(page)
    assert violations == [], accessibility.describe(violations)
    context.close()


def test_search_works_under_the_content_security_policy(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)

    def with_policy(route):
        response = route.fetch()
        html = response.text().replace(
            "<head>", f'<head><meta http-equiv="Content-Security-Policy" content="{CSP}">', 1)
        route.fulfill(response=response, body=html)

    context.route(lambda url: url.endswith("/"), with_policy)
    page = context.new_page()
    page.add_init_script("""window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(
            e.effectiveDirective + ' ' + e.blockedURI));""")
    page.goto(site_url + "muscles/gluteus-medius/")
    assert page.evaluate("() => document.querySelector('meta[http-equiv]').content").startswith("default-src")
    page.keyboard.press("/")
    page.keyboard.type("trigger")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
    # Inline scripts of the theme are the policy's business (hashes, issue 12); search adds no violation.
    violations = [v for v in page.evaluate("window.__violations") if not v.endswith(" inline")]
    assert violations == []
    context.close()
