"""The search index: Pagefind run over the built site, after every build.

Pagefind (PyPI `pagefind[bin]`, its binary ships in the wheel) writes small chunks under `site/pagefind/`
that a browser fetches only when someone searches (docs/assets/javascripts/search.js). Only pages whose
article carries `data-pagefind-body` (overrides/main.html) are indexed: the handouts, which are for paper,
the 404 page and the redirect pages carry none. Same site in, same bytes out.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

BUNDLE = "pagefind"
# Not text a reader searches for: permalink pilcrows, the printed-only address block, the Print button.
_EXCLUDE = (".headerlink", "[hidden]", ".print-button")
# Pagefind also writes its ready-made interfaces; the site uses its JavaScript API, so they are left out.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    pass


def _executable() -> Path:
    import pagefind_bin

    return pagefind_bin.get_executable()


def command(site_dir: Path) -> list[str]:
    """The Pagefind command that indexes `site_dir` (also timed on its own by `make bench`)."""
    command = [str(_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE, "--silent"]
    for selector in _EXCLUDE:
        command += ["--exclude-selectors", selector]
    return command


def build(site_dir: Path) -> Path:
    """Index `site_dir` into `site_dir/pagefind/`; returns that folder."""
    site_dir = Path(site_dir)
    output = site_dir / BUNDLE
    shutil.rmtree(output, ignore_errors=True)
    done = subprocess.run(command(site_dir), capture_output=True, text=True)
    if done.returncode != 0 or not (output / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {done.stderr.strip() or done.stdout.strip()}")
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    return output


def indexed_pages(site_dir: Path) -> list[dict]:
    """What the index holds for each page (url, content, meta, anchors), read from Pagefind's fragments:
    each is gzip-compressed JSON after a `pagefind_dcd` signature."""
    pages = []
    for fragment in sorted((Path(site_dir) / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        pages.append(json.loads(data.removeprefix(b"pagefind_dcd")))
    return sorted(pages, key=lambda page: page["url"])
