"""Privacy: the site loads nothing from any other host.

Two checks. In the browser, every request a page makes is recorded and any to another host fails. In the
built files, every outside address used to *load* something is found: in HTML the attributes that fetch
(src, srcset, poster, data, the href of stylesheet, icon, preload and similar links, url() in style), in CSS
url() and @import, in JavaScript any absolute http(s) address written in the code. Links that a reader
follows (<a href>, the canonical link, og:url, the sitemap) are not loads and are not reported.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# <link rel=...> values that make the browser fetch the href.
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest", "preload",
                "modulepreload", "prefetch", "prerender", "preconnect", "dns-prefetch"}
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "imagesrcset"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)
# An absolute address in a JavaScript string: http(s)://..., or //host.name/... (a dotted host name, so
# that strings such as "//" in code are not taken for addresses).
_JS_URL = re.compile(r"""(['"`])(https?://[^'"`\s]+|//[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^'"`\s]*)""")

# Addresses in Material's bundled JavaScript that it fetches only for features this site does not use.
# Each one is checked by tests/test_privacy.py: the feature is off, so the code path never runs.
MATERIAL_DORMANT_LOADS = {
    "https://unpkg.com/resize-observer-polyfill": "only in a browser without ResizeObserver",
    "https://unpkg.com/mermaid@": "only on a page with a Mermaid diagram (class mermaid)",
    "https://api.github.com/": "only with a GitHub repo_url in mkdocs.yml",
    "https://${e}/api/v4/": "only with a GitLab repo_url in mkdocs.yml",
    "https://bit.ly/": "text of a console warning in the search worker, never fetched",
}


def is_outside(url: str, own_hosts: set[str]) -> bool:
    """An absolute address on a host other than the site's own (data: and blob: are local)."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return False
    if not parts.netloc:
        return False  # relative: the site's own server
    return parts.hostname not in own_hosts


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def css_loads(css: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in _CSS_URL.finditer(css)]


class _HtmlLoads(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for name in LOADING_ATTRIBUTES & attributes.keys():
            value = attributes[name]
            self.loads += _srcset_urls(value) if name.endswith("srcset") else [value]
        if tag == "link" and LOADING_RELS & set(attributes.get("rel", "").lower().split()):
            self.loads.append(attributes.get("href", ""))
        if "style" in attributes:
            self.loads += css_loads(attributes["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.loads += css_loads(data)


def html_loads(html: str) -> list[str]:
    parser = _HtmlLoads()
    parser.feed(html)
    return parser.loads


# Pagefind (site/pagefind/) parses a page's relative address against a made-up base, never fetched:
# `new URL(`https://example.com${path}`)`. tests/test_privacy.py checks that this is the only use.
PAGEFIND_PARSE_BASE = "https://example.com${"


def js_loads(js: str) -> list[str]:
    """Absolute addresses written in JavaScript: in minified code any of them may be fetched."""
    found = [m.group(2) for m in _JS_URL.finditer(js)]
    return [url for url in found if not any(url.startswith(p) for p in (*MATERIAL_DORMANT_LOADS, PAGEFIND_PARSE_BASE))]


def outside_loads(site_dir: Path, own_hosts: set[str]) -> list[str]:
    """`file: address` for every outside address a built HTML, CSS or JS file would load."""
    scanners = {".html": html_loads, ".css": css_loads, ".js": js_loads}
    problems = []
    for path in sorted(site_dir.rglob("*")):
        scan = scanners.get(path.suffix)
        if scan is None or not path.is_file():
            continue
        for url in scan(path.read_text(encoding="utf-8", errors="replace")):
            if is_outside(url, own_hosts):
                problems.append(f"{path.relative_to(site_dir).as_posix()}: {url}")
    return problems


def record_requests(context) -> list[str]:
    """Start recording every request made in a browser context; outside ones are answered with an error,
    so that a test never reaches another host even when it finds a page that tries."""
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(lambda url: urlsplit(url).hostname not in (None, "127.0.0.1", "localhost"),
                  lambda route: route.abort("blockedbyclient"))
    return requests
