"""Plain language: the Flesch-Kincaid grade of the patient-facing sections of a muscle page.

A section is the <h2> with its pinned id and everything up to the next <h2>. Each heading, paragraph,
list item and table cell counts as its own sentence (a list item often has no full stop); citation lines
("Sources: [1], [2]"), the copy-link buttons and the permalink signs are not prose and are left out.
"""

from __future__ import annotations

from html.parser import HTMLParser

import textstat

PATIENT_SECTIONS = ("symptoms", "causes", "self-release", "stretch", "when-to-get-help")
MAX_GRADE = 8.0
_BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h2", "h3", "h4", "figcaption", "summary"}
_SKIP = {"button", "script", "style"}


class _Sections(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, list[str]] = {}
        self._current: str | None = None
        self._in_article = False
        self._skip = 0
        self._in_headerlink = False
        self._block: list[str] = []

    def _flush(self):
        text = " ".join("".join(self._block).split())
        self._block = []
        if self._current and text and not text.startswith("Sources:"):
            self.sections[self._current].append(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self._in_article = True
        if tag in _SKIP:
            self._skip += 1
        if tag == "a" and "headerlink" in (a.get("class") or ""):
            self._in_headerlink = True
        if tag in _BLOCKS:
            self._flush()
        if tag == "h2" and self._in_article:
            self._current = a.get("id")
            if self._current:
                self.sections.setdefault(self._current, [])

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        if tag == "a":
            self._in_headerlink = False
        if tag in _BLOCKS:
            self._flush()
        if tag == "article":
            self._in_article = False
            self._current = None

    def handle_data(self, data):
        if not self._skip and not self._in_headerlink:
            self._block.append(data)


def section_texts(page_html: str) -> dict[str, str]:
    """{section id: its prose}, one sentence per block, from a built page."""
    parser = _Sections()
    parser.feed(page_html)
    parser._flush()
    return {sid: " ".join(b if b.endswith((".", "!", "?", ":")) else b + "." for b in blocks)
            for sid, blocks in parser.sections.items()}


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


def hard_sections(page_html: str, sections=PATIENT_SECTIONS, max_grade: float = MAX_GRADE) -> dict[str, float]:
    """{section id: grade} for each patient-facing section above the grade limit (a missing one is an error)."""
    texts = section_texts(page_html)
    missing = [s for s in sections if s not in texts]
    if missing:
        raise ValueError(f"sections not found: {missing}")
    return {s: grade(texts[s]) for s in sections if grade(texts[s]) > max_grade}
