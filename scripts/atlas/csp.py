"""The Content-Security-Policy every page carries, as a `<meta http-equiv>` tag (static hosts such as
GitHub Pages set no headers).

Only the site's own origin: no other host for anything, and no inline script unless its exact text is
hashed here. `'wasm-unsafe-eval'` lets the search index (Pagefind: same-origin JavaScript and
WebAssembly) compile its WebAssembly; it allows no `eval` of JavaScript. `data:` images are Material's
icons inside its stylesheet. `frame-ancestors` and `report-uri` are left out: browsers ignore them in a
meta tag and say so in the console.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    """The text of every inline script a browser would run (not JSON or JSON-LD data blocks)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() in _JAVASCRIPT_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(html_with_inline_scripts: str = "") -> str:
    """The policy, allowing exactly the inline scripts found in `html_with_inline_scripts`."""
    hashes = sorted({script_hash(s) for s in inline_scripts(html_with_inline_scripts)})
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    # default-src covers styles, fonts, fetches, workers and the manifest; only what differs is spelled out.
    return "; ".join([
        "default-src 'self'",
        f"script-src {script_src}",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])
