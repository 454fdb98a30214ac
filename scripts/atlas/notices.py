"""Notices for the person who builds the site: things to fix before publishing that are not errors.

They are printed by the hook outside MkDocs' warning loggers, so `mkdocs build --strict` (which the tests
run with the preview address) does not fail on them.
"""

from __future__ import annotations

import urllib.parse

from atlas import schema

_PREVIEW_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}


def is_preview_address(site_url: str) -> bool:
    return (urllib.parse.urlsplit(site_url).hostname or "") in _PREVIEW_HOSTS


def build_notices(site: schema.SiteContent, site_url: str) -> list[str]:
    notices = []
    if is_preview_address(site_url):
        notices.append(
            f"This site is built for the local preview address {site_url}. Printed web addresses, copied "
            "section links, citations and the handouts' QR codes will all point there, and lead nowhere for "
            "a reader. To publish, build with the public address, for example: "
            "SITE_URL=https://example.org/atlas/ make build"
        )
    if site.publisher.contact is None:
        notices.append(
            "content/publisher.yml sets no contact, so no page says how to report an error. Add `contact:` "
            "(an https:// address or a mailto: link the editors read) before publishing."
        )
    return notices
