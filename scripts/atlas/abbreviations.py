"""Glossary tooltips at the first use of a term in each section, not at every use.

The renderer gives every glossary word a tooltip (Markdown abbreviations, shown by Material's
`content.tooltips`), and Markdown marks every occurrence: the muscle page had 145, each a dotted underline
to read past and a tooltip for Material's script to set up (about 380 ms of blocking time on a slow phone,
measured with Lighthouse). Patient-information style explains a term where it is first used; a clinician's
link opens a page at one section, so the first use in every section (from one `<h2>` to the next) keeps it.
"""

from __future__ import annotations

import re

_SECTION = re.compile(r"(?=<h2[\s>])")
_ABBREVIATION = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


def first_use_per_section(html: str) -> str:
    """Keep each term's tooltip at its first use in each section; later uses become plain text."""
    sections = []
    for section in _SECTION.split(html):
        seen: set[str] = set()

        def keep_first(match: re.Match) -> str:
            term = match.group(1).casefold()
            if term in seen:
                return match.group(1)
            seen.add(term)
            return match.group(0)

        sections.append(_ABBREVIATION.sub(keep_first, section))
    return "".join(sections)
