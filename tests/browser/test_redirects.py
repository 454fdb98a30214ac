"""Declared redirects in Chromium, on a copy of the project whose content/redirects.yml moves a page and
renames a section: the old page address forwards without JavaScript, and an old #id lands on the new
section."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs

from .conftest import PHONE

pytestmark = pytest.mark.browser

REDIRECTS = """\
pages:
  - {from: /gluteus-medius/, to: /muscles/gluteus-medius/}
sections:
  - {page: /muscles/gluteus-medius/, from: stretching, to: stretch}
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def redirect_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("redirects") / "project")
    (project / "content/redirects.yml").write_text(REDIRECTS)
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_page_redirect_works_without_javascript(browser, redirect_site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(redirect_site_url + "gluteus-medius/")
        page.wait_for_url(redirect_site_url + "muscles/gluteus-medius/")
        assert page.locator("article h1").text_content().startswith("Gluteus medius")
    finally:
        context.close()


def test_old_section_id_lands_on_the_new_section(browser, redirect_site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(redirect_site_url + "muscles/gluteus-medius/#stretching")
        page.wait_for_url(redirect_site_url + "muscles/gluteus-medius/#stretch")
        heading = page.locator("h2#stretch")
        assert heading.evaluate("h => h.matches(':target')")
        box = heading.bounding_box()
        assert box is not None and 0 < box["y"] < PHONE["height"]
        # An id that still exists is left alone.
        page.goto(redirect_site_url + "muscles/gluteus-medius/#tp2")
        assert page.evaluate("location.hash") == "#tp2"
    finally:
        context.close()


def test_old_page_and_old_id_together(browser, redirect_site_url):
    """With JavaScript the redirect page keeps the #id, and the new page maps it."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(redirect_site_url + "gluteus-medius/#stretching")
        page.wait_for_url(redirect_site_url + "muscles/gluteus-medius/#stretch")
        assert page.locator("h2#stretch").evaluate("h => h.matches(':target')")
    finally:
        context.close()
