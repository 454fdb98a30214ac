"""No internal language on a page: nothing a reader sees (text, titles, meta descriptions, JSON-LD,
link addresses and ids) talks about how the site was made ("seed", "source document", "the source
says", "the sources do not say"...). Where sources disagree, pages say so in the open ("Some sources
say...; anatomy textbooks say..."), which is allowed.

The one exception is the old-id -> new-id map of content/redirects.yml (`#atlas-id-redirects`): old
addresses must keep working, and the map is data for a script, never shown.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

INTERNAL = re.compile(
    r"\bseeds?\b|source documents?|\bthe sources? (?:says?|do(?:es)? not say|don't say|do not give)"
    r"|\bone (?:seed )?source says|\bsome web pages say|\bstandard (?:anatomy )?texts"
    r"|\bwritten from\b|REFERENCE\.md|\bthe brief\b",
    re.IGNORECASE,
)

_CHECKED_ATTRIBUTES = {"content", "title", "alt", "aria-label", "href", "id", "data-copy-text"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self._skip = tag == "script" and values.get("id") == "atlas-id-redirects"
        for name, value in attrs:
            if value and name in _CHECKED_ATTRIBUTES:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def internal_phrases(page_html: str) -> list[str]:
    """Each phrase about how the site was made, with a little context."""
    parser = _Visible()
    parser.feed(page_html)
    parser.close()
    found = []
    for part in parser.parts:
        text = " ".join(part.split())
        for match in INTERNAL.finditer(text):
            found.append(text[max(0, match.start() - 40):match.end() + 40])
    return found
