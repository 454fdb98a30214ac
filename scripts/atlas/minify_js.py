"""Minify this project's own scripts in a built site (as minify_css.py does for its stylesheets).

The sources in docs/assets/javascripts/ keep their comments, which say why the code does what it does; a
phone does not need them, and every page loads these scripts on its first visit (its budget:
tests/browser/test_page_weight.py). Material's script is already minified (`*.min.js`) and Pagefind's
files live elsewhere (site/pagefind/).
"""

from __future__ import annotations

from pathlib import Path

import rjsmin


def minify_site(site_dir: Path) -> list[Path]:
    """Minify every script of the built site's assets/javascripts/ not minified yet; returns the files changed."""
    changed = []
    for path in sorted((Path(site_dir) / "assets" / "javascripts").glob("*.js")):
        if path.name.endswith(".min.js"):
            continue
        js = path.read_text(encoding="utf-8")
        small = rjsmin.jsmin(js, keep_bang_comments=True)
        if small != js:
            path.write_text(small, encoding="utf-8")
            changed.append(path)
    return changed
