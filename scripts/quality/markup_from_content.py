"""Content is plain text everywhere, <head> included: a built page carries no element or attribute that
came from content, and every tag parses as intended.

Used on a site built from content that holds hostile text (quotes, angle brackets, ampersands and an
`<img src=x onerror=...>`): the whole page is parsed, not only the article. Python's HTML parser treats
`<title>` text as markup, where a browser would not, so it errs on the side of reporting.
"""

from __future__ import annotations

from html.parser import HTMLParser

HEAD_ELEMENTS = {"meta", "link", "title", "script", "style", "base", "noscript", "template"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_head = False
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        at = f"line {self.getpos()[0]}"
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{at}: <{tag}> has an event handler attribute {name}={value!r}")
        if tag == "img" and values.get("src") == "x":
            self.problems.append(f"{at}: an <img src=x> element from content")
        if tag == "head":
            self.in_head = True
        elif self.in_head and tag not in HEAD_ELEMENTS:
            self.problems.append(f"{at}: <{tag}> inside <head>: a value broke out of its tag")
        if tag == "title":
            self.in_title = True
        elif self.in_title:
            self.problems.append(f"{at}: <{tag}> inside <title>")
        if tag == "meta":
            key = values.get("name") or values.get("property")
            if key:
                self.meta[key] = values.get("content") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data


def problems(page_html: str, description: str | None = None, title_part: str | None = None) -> list[str]:
    """What is wrong with a page built from hostile content.

    `description`: the text the page's meta description (and Open Graph and Twitter descriptions) must
    carry exactly, as parsed; `title_part`: text the <title> must contain, as parsed.
    """
    page = _Page()
    page.feed(page_html)
    page.close()
    found = list(page.problems)
    if description is not None:
        for key in ("description", "og:description", "twitter:description"):
            if page.meta.get(key) != description:
                found.append(f"meta {key} is {page.meta.get(key)!r}, not the content's text")
    if title_part is not None and title_part not in page.title:
        found.append(f"<title> is {page.title!r}; it does not carry {title_part!r} as text")
    return found
