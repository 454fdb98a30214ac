"""Every built page loads in Chromium without a console error, and shows its heading."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_every_page_loads_cleanly(page, site_url, built_pages):
    assert len(built_pages) >= 9
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in built_pages:
        response = page.goto(site_url + path)
        assert response is not None and response.ok, path
        assert page.locator("article h1").count() == 1, path
    assert errors == []


def test_section_address_opens_at_the_section(page, site_url):
    page.goto(site_url + "muscles/gluteus-medius/#stretch")
    heading = page.locator("h2#stretch")
    assert heading.is_visible()
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 800
