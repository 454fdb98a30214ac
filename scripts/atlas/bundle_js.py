"""Our own scripts, served as one file.

mkdocs.yml lists each script of docs/assets/javascripts/ on its own (one job a file, in the order they run).
A page would fetch seven small files, and seven small files compress worse than one: the bundle is about
1.4 KB gzip lighter on every first visit (its budget: tests/browser/test_page_weight.py). So the hook puts
one deferred `atlas.js` in their place (`take_over`, at config time) and writes it after the build
(`write`), from the built, minified copies in the same order. Each source is a self-contained function, so
joining them changes nothing but the number of requests.
"""

from __future__ import annotations

from pathlib import Path

BUNDLE = "assets/javascripts/atlas.js"
OURS = "assets/javascripts/"


class BundleError(Exception):
    """A script listed in mkdocs.yml is missing from the built site."""


def _is_ours(script: object) -> bool:
    path = str(script)
    return path.startswith(OURS) and not path.endswith(".min.js") and path != BUNDLE


def take_over(extra_javascript: list, make_entry) -> list[str]:
    """Replace our scripts in `extra_javascript` (in place) by one entry for the bundle, made by
    `make_entry(BUNDLE)`; returns their paths in order. A list already taken over is left as it is."""
    ours = [str(script) for script in extra_javascript if _is_ours(script)]
    if not ours:
        return []
    at = next(i for i, script in enumerate(extra_javascript) if _is_ours(script))
    extra_javascript[:] = [s for s in extra_javascript if not _is_ours(s)]
    extra_javascript.insert(at, make_entry(BUNDLE))
    return ours


def write(site_dir: Path, scripts: list[str]) -> Path:
    """Join the built copies of `scripts` into the bundle; returns its path."""
    parts = []
    for script in scripts:
        path = Path(site_dir) / script
        if not path.is_file():
            raise BundleError(f"{script} is listed in mkdocs.yml extra_javascript but is not in the built site")
        parts.append(path.read_text(encoding="utf-8").strip().rstrip(";") + ";")
    bundle = Path(site_dir) / BUNDLE
    bundle.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return bundle
