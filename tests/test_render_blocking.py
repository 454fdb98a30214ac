"""Nothing but the stylesheets holds up the first paint: every external script of every page is deferred."""

from __future__ import annotations

import re
from pathlib import Path


def test_every_external_script_is_deferred(built_site: Path):
    for page in built_site.rglob("*.html"):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text(encoding="utf-8"))
        assert all(re.search(r"\s(defer|async)\b", tag) for tag in tags), (page, tags)
