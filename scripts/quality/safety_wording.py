"""Safety wording a clinician would sign (issue 12), checked on built pages.

- A number out of 10 is never given without what the numbers mean (0 = no pain, 10 = the worst pain
  you can imagine).
- Tingling is never presented as expected or as a sign of success (REFERENCE.md section 4): a sentence
  that mentions tingling never also says it is right, expected or what you should feel.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SCALE_ENDS = ("0 means no pain", "10 means the worst pain you can imagine")
_SUCCESS = re.compile(r"right place|doing it right|is working|a good sign|expected|you should feel|you will feel|"
                      r"you may feel", re.IGNORECASE)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _text(page_html: str) -> str:
    parser = _Text()
    parser.feed(page_html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def problems(page_html: str) -> list[str]:
    text = _text(page_html)
    found = []
    if "out of 10" in text and not all(end in text for end in SCALE_ENDS):
        found.append("gives a number out of 10 without naming both ends of the scale")
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if "tingl" in sentence.lower() and _SUCCESS.search(sentence):
            found.append(f"presents tingling as expected: {sentence[:120]!r}")
    return found
