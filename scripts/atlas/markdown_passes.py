"""Two passes over each page's Markdown tree, done on its elements rather than on the finished HTML text.

- Glossary tooltips at the first use of a term in each section, not at every use. The renderer gives every
  glossary word a tooltip (Markdown abbreviations, shown by Material's `content.tooltips`), and Markdown
  marks every occurrence: the muscle page had 145, each a dotted underline to read past and a tooltip for
  Material's script to set up (about 380 ms of blocking time on a slow phone, measured with Lighthouse).
  Patient-information style explains a term where it is first used; a clinician's link opens a page at
  one section, so the first use in every section (from one `<h2>` to the next) keeps it.
- The full public address of every link that leaves the page, for print: print.css shows
  `data-print-address` after the link text on paper, where a link cannot be followed. Links within the
  page (`#...`), absolute links (print.css prints their href) and links whose text already is an address
  are left alone. Markdown links are elements of the tree whatever their attributes (`{: .button }`);
  links written as raw HTML are not in the tree, so a postprocessor gives them the same attribute with an
  HTML parser before Markdown puts them back.

The hook adds `AtlasPasses` to MkDocs' Markdown extensions. Under MkDocs the page's address comes from
MkDocs' own link processor for the page (each page gets a new Markdown instance); without MkDocs, pass
`page_url`.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Callable
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from atlas.links import absolute_address


class FirstUseTooltips(Treeprocessor):
    """Keep each term's `<abbr>` at its first use in each section; later uses become plain text."""

    def run(self, root: etree.Element) -> None:
        self._walk(root, set())

    def _walk(self, parent: etree.Element, seen: set[str]) -> set[str]:
        """Visit `parent`'s descendants in document order; returns the terms seen in the current section."""
        for element in list(parent):
            if element.tag == "h2":
                seen = set()
            if element.tag == "abbr" and element.get("title") is not None and len(element) == 0:
                term = (element.text or "").casefold()
                if term in seen:
                    _unwrap(element, parent)
                seen.add(term)
            elif len(element):
                seen = self._walk(element, seen)
        return seen


def _unwrap(element: etree.Element, parent: etree.Element) -> None:
    """Replace a childless element by its text, joined to the text around it."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)


def print_address(href: str, text: Callable[[], str], here: str) -> str | None:
    """The full address to print for a link from the page at `here`, or None where none is printed.
    `text` gives the link's text (asked only when the href alone does not decide)."""
    if not href or href.startswith("#") or urllib.parse.urlsplit(href).scheme:
        return None
    if text().strip().startswith(("http://", "https://")):
        return None
    return urllib.parse.urljoin(here, href)


class PrintAddresses(Treeprocessor):
    """`data-print-address` on every Markdown link that leaves the page (after MkDocs has made hrefs final)."""

    def __init__(self, md: Markdown, passes: AtlasPasses):
        super().__init__(md)
        self.passes = passes

    def run(self, root: etree.Element) -> None:
        here = self.passes.here(self.md)
        for link in root.iter("a"):
            address = print_address(link.get("href", ""), lambda: "".join(link.itertext()), here)
            if address is not None:
                link.set("data-print-address", address)  # Markdown writes attributes in lexical order


class _RawLinks(HTMLParser):
    """Where each `<a href>` start tag of a piece of raw HTML ends, and the address it prints."""

    def __init__(self, here: str):
        super().__init__(convert_charrefs=True)
        self.here = here
        self.open: list[tuple[int, str]] = []  # (offset of the start tag, its href)
        self.text: list[str] = []
        self.found: list[tuple[int, str, str]] = []  # (offset, start tag, address)
        self._lines = [0]

    def feed_html(self, source: str) -> None:
        offset = 0
        for line in source.splitlines(keepends=True):
            offset += len(line)
            self._lines.append(offset)
        self.feed(source)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            values = dict(attrs)
            if "data-print-address" not in values:
                self.open.append((self._offset(), self.get_starttag_text(), values.get("href") or ""))
                self.text = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.open:
            offset, start_tag, href = self.open.pop()
            address = print_address(href, lambda: "".join(self.text), self.here)
            if address is not None:
                self.found.append((offset, start_tag, address))


_A_TAG = re.compile(r"""<a\s[^>]*href\s*=\s*["']?(?!#)""", re.IGNORECASE)
"""A quick look for a link that may leave the page; the HTML parser decides."""


class RawHtmlPrintAddresses(Postprocessor):
    """`data-print-address` on links written as raw HTML, before Markdown puts that HTML back in the page."""

    def __init__(self, md: Markdown, passes: AtlasPasses):
        super().__init__(md)
        self.passes = passes
        self._stash: list | None = None
        self._done = 0

    def run(self, text: str) -> str:
        # `toc` runs the postprocessors on every heading's text too: each stashed block is done once.
        stash = self.md.htmlStash.rawHtmlBlocks
        if stash is not self._stash:
            self._stash, self._done = stash, 0
        start, self._done = self._done, len(stash)
        here = None
        for i in range(start, len(stash)):
            block = stash[i]
            if not isinstance(block, str) or not _A_TAG.search(block):
                continue  # most raw HTML (figures, boxes) has no link leaving the page: not worth parsing
            here = here or self.passes.here(self.md)
            parser = _RawLinks(here)
            parser.feed_html(block)
            for offset, start_tag, address in sorted(parser.found, reverse=True):
                attribute = f' data-print-address="{html.escape(address, quote=True)}"'
                end = offset + len(start_tag) - (2 if start_tag.endswith("/>") else 1)
                block = block[:end] + attribute + block[end:]
            stash[i] = block
        return text


class AtlasPasses(Extension):
    """Both passes; `site_url` is the public address, `page_url` the page's (taken from MkDocs if None)."""

    def __init__(self, site_url: str, page_url: str | None = None):
        super().__init__()
        self.site_url = site_url
        self.page_url = page_url

    def here(self, md: Markdown) -> str:
        """The page's full public address."""
        page_url = self.page_url
        if page_url is None:
            page_url = md.treeprocessors["relpath"].file.url  # MkDocs' link processor for this page
        return absolute_address(self.site_url, page_url)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        # After `abbr` (7) has marked every use; before `toc` (5).
        md.treeprocessors.register(FirstUseTooltips(md), "atlas_first_use_tooltips", 6)
        # After MkDocs' `relpath` (0) has turned `page.md` links into the addresses the page links to.
        md.treeprocessors.register(PrintAddresses(md, self), "atlas_print_addresses", -1)
        # Before `raw_html` (30) puts the stashed HTML back.
        md.postprocessors.register(RawHtmlPrintAddresses(md, self), "atlas_raw_html_print_addresses", 31)
