"""Page weight: the bytes a first visit transfers, gzip-compressed as a static host serves them.

Every response the page receives (HTML, CSS, JS, JSON, images, fonts) is counted once. Text types are
gzipped here at level 6 (the common server default); images and fonts are already compressed and are
counted as they are. The critical path is the HTML and the stylesheets that block the first paint.
"""

from __future__ import annotations

import dataclasses
import gzip
from html.parser import HTMLParser

KB = 1000
# Issue 11's budgets, for every page (every later issue keeps them).
BUDGET_TOTAL = 80 * KB          # everything a first visit loads
BUDGET_BLOCKING_CSS = 15 * KB   # the stylesheets that hold up the first paint
BUDGET_CRITICAL = 35 * KB       # HTML + render-blocking CSS
_TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
               "application/manifest+json")


@dataclasses.dataclass
class Transfer:
    url: str
    content_type: str
    raw: int
    compressed: int


@dataclasses.dataclass
class PageWeight:
    page: str
    transfers: list[Transfer]
    blocking_css: list[str]

    @property
    def total(self) -> int:
        return sum(t.compressed for t in self.transfers)

    @property
    def blocking(self) -> int:
        return sum(t.compressed for t in self.transfers if t.url in self.blocking_css)

    @property
    def critical(self) -> int:
        return self.transfers[0].compressed + self.blocking

    def kind_of(self, transfer: Transfer) -> str:
        """What a closing note reports: HTML, CSS, JS, search (anything of Pagefind's), images, other."""
        if "/pagefind/" in transfer.url:
            return "search"
        kind = transfer.content_type.split(";")[0].strip()
        return {"text/html": "HTML", "text/css": "CSS", "application/javascript": "JS",
                "text/javascript": "JS"}.get(kind, "images" if kind.startswith("image/") else kind or "other")

    def by_kind(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for t in self.transfers:
            kinds[self.kind_of(t)] = kinds.get(self.kind_of(t), 0) + t.compressed
        return kinds

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {v / KB:.1f}" for k, v in sorted(self.by_kind().items()))
        return (f"/{self.page}: {self.total / KB:.1f} KB in {len(self.transfers)} requests "
                f"(blocking CSS {self.blocking / KB:.1f}, HTML+blocking CSS {self.critical / KB:.1f}; {kinds})")


def compressed_size(body: bytes, content_type: str) -> int:
    if content_type.startswith(_TEXT_TYPES):
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)


class _BlockingStylesheets(HTMLParser):
    """Stylesheets that block rendering: <link rel=stylesheet> for all media or screen."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self._noscript = 0  # with scripts on, what <noscript> holds is text, not a stylesheet

    def handle_endtag(self, tag):
        if tag == "noscript":
            self._noscript = max(0, self._noscript - 1)

    def handle_starttag(self, tag, attrs):
        if tag == "noscript":
            self._noscript += 1
        a = {k: v or "" for k, v in attrs}
        if self._noscript:
            return
        if tag == "link" and "stylesheet" in a.get("rel", "").split() and not a.get("disabled"):
            media = a.get("media", "all").strip().lower()
            if media in ("", "all", "screen") or media.startswith(("screen ", "all ", "(")):
                self.hrefs.append(a.get("href", ""))


def blocking_stylesheets(html: str) -> list[str]:
    parser = _BlockingStylesheets()
    parser.feed(html)
    return parser.hrefs


def measure(browser, url: str, page_name: str, viewport: dict) -> PageWeight:
    """Load `url` in a fresh browser context (an empty cache) and weigh every response."""
    from quality.privacy import record_requests

    context = browser.new_context(viewport=viewport)
    record_requests(context)  # never reach another host, even from a page under test
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    document = page.goto(url, wait_until="networkidle")
    transfers = []
    for response in responses:
        if response.status >= 300 or response.url.startswith("data:"):
            continue
        body = response.body()
        kind = response.headers.get("content-type", "")
        transfers.append(Transfer(response.url, kind, len(body), compressed_size(body, kind)))
    # Render-blocking is what the parser meets in the page as served, not what scripts change afterwards.
    html = document.text()
    blocking = [page.evaluate("h => new URL(h, document.baseURI).href", href) for href in blocking_stylesheets(
        html.split("</head>")[0])]
    context.close()
    return PageWeight(page_name, transfers, blocking)


def over_budget(weight: PageWeight, total_budget: int = BUDGET_TOTAL, blocking_css_budget: int = BUDGET_BLOCKING_CSS,
                critical_budget: int = BUDGET_CRITICAL) -> list[str]:
    problems = []
    if weight.total > total_budget:
        problems.append(f"/{weight.page}: {weight.total / KB:.1f} KB in all, budget {total_budget / KB:.0f} KB")
    if weight.blocking > blocking_css_budget:
        problems.append(f"/{weight.page}: render-blocking CSS {weight.blocking / KB:.1f} KB, "
                        f"budget {blocking_css_budget / KB:.0f} KB")
    if weight.critical > critical_budget:
        problems.append(f"/{weight.page}: critical path {weight.critical / KB:.1f} KB, "
                        f"budget {critical_budget / KB:.0f} KB")
    return problems
