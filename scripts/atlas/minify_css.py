"""Minify this project's own stylesheets in a built site.

The sources in docs/assets/stylesheets/ keep their comments, which say why a rule is there; a phone does
not need them. Every page links these files before it can paint, so their bytes count on the critical path
(tests/browser/test_page_weight.py). Material's own stylesheets are already minified (`*.min.css`).
"""

from __future__ import annotations

from pathlib import Path

import rcssmin


def minify_site(site_dir: Path) -> list[Path]:
    """Minify every stylesheet of the built site that is not minified yet; returns the files changed."""
    changed = []
    for path in sorted((Path(site_dir) / "assets" / "stylesheets").glob("*.css")):
        if path.name.endswith(".min.css"):
            continue
        css = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(css)
        if small != css:
            path.write_text(small, encoding="utf-8")
            changed.append(path)
    return changed
