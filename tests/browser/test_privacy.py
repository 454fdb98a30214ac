"""Privacy in Chromium: loading any page makes no request to another host. The recorder is also shown to
catch a page that loads an outside font."""

from __future__ import annotations

import pytest

from quality import privacy

from .conftest import DESKTOP, PHONE, serve_directory

pytestmark = pytest.mark.browser


def _outside(requests: list[str], site_url: str) -> list[str]:
    return [url for url in requests if not url.startswith(site_url) and privacy.is_outside(url, {"127.0.0.1"})]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_pages_request_nothing_from_another_host(browser, site_url, built_pages, viewport):
    context = browser.new_context(viewport=viewport)
    requests = privacy.record_requests(context)
    page = context.new_page()
    for path in built_pages:
        page.goto(site_url + path, wait_until="networkidle")
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # lazy images load on scroll
        page.wait_for_load_state("networkidle")
    context.close()
    assert len(requests) > len(built_pages)  # the recorder saw the pages and their assets
    assert _outside(requests, site_url) == []


def test_recorder_catches_a_page_that_loads_an_outside_font(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Font</title>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">'
        '<style>@font-face { font-family: X; src: url(https://fonts.gstatic.com/x.woff2); }'
        'body { font-family: X; }</style></head><body><p>Text</p></body></html>'
    )
    with serve_directory(tmp_path) as url:
        context = browser.new_context()
        requests = privacy.record_requests(context)
        context.new_page().goto(url, wait_until="networkidle")
        context.close()
    outside = _outside(requests, url)
    assert any(u.startswith("https://fonts.googleapis.com/") for u in outside)
    assert any(u.startswith("https://fonts.gstatic.com/") for u in outside)
