"""Public addresses: absolute links, declared redirects, and the link contract.

Clinicians paste section addresses into letters and reports, so every page address and section id that
the built site has ever offered is listed in `content/link-contract.txt`. An entry may only disappear from
the built site when `content/redirects.yml` says where it went:

- a page redirect (`/old/` to `/new/`) becomes a small HTML page at the old address that forwards with a
  meta refresh, names the new address as canonical and links to it (works without JavaScript);
- a section redirect (`#old` to `#new` on one page) is carried by the page as a JSON map that
  `docs/assets/javascripts/id-redirects.js` follows.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path

from atlas import csp, schema

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
"""The local preview address, as in mkdocs.yml; used when no public address is given."""

CONTRACT_HEADER = """\
# The link contract: every public page address and section id of the built site, one per line, sorted.
# The tests fail when the built site lacks one of these, unless content/redirects.yml redirects it.
# Regenerate with `make link-contract` after adding pages or sections on purpose; never edit by hand.
"""


def absolute_address(site_url: str, address: str) -> str:
    """`https://example.org/atlas/` + `/muscles/gluteus-medius/#stretch` -> one absolute address."""
    return site_url.rstrip("/") + "/" + address.lstrip("/")


def short_address(address: str) -> str:
    """The address as people type it, for print beside a QR code: no `https://`, no `www.`."""
    for prefix in ("https://", "http://", "www."):
        address = address.removeprefix(prefix)
    return address


def page_address(page_id: str) -> str:
    """Public address of a content page id: `muscles/gluteus-medius#stretch` -> `/muscles/gluteus-medius/#stretch`."""
    page, _, section = page_id.partition("#")
    return f"/{page}/" + (f"#{section}" if section else "")


@functools.lru_cache(maxsize=8192)
def relative_link(target_path: str, from_path: str) -> str:
    """Link from one docs-relative Markdown file to another: (`glossary.md`, `muscles/x.md`) -> `../glossary.md`.

    MkDocs turns it into the page's address. Cached: relpath asks the OS for the working directory on
    every call, which was a quarter of the render time.
    """
    return posixpath.relpath(target_path, posixpath.dirname(from_path) or ".")


def json_for_script(data: object) -> str:
    """JSON that is safe inside a `<script>` element: `<`, `>` and `&` become `\\u003c` and so on."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- redirects --------------------------------------------------------------


def redirect_page(redirect: schema.PageRedirect, site_url: str, site_name: str) -> str:
    """The HTML page served at `redirect.old`: forwards to `redirect.to`, with or without JavaScript."""
    relative = posixpath.relpath(redirect.to, redirect.old)
    relative = "./" if relative == "." else relative.rstrip("/") + "/"
    target = html.escape(relative)
    canonical = html.escape(absolute_address(site_url, redirect.to))
    # With JavaScript, keep the #section the reader asked for (a meta refresh drops it).
    keep_section = f"location.replace({json_for_script(relative)} + location.hash);"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp.policy(f"<script>{keep_section}</script>"))}">
<title>This page has moved - {html.escape(site_name)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
<script>{keep_section}</script>
</head>
<body>
<p>This page has moved to <a href="{target}">{canonical}</a>.</p>
</body>
</html>
"""


def redirect_page_path(redirect: schema.PageRedirect) -> str:
    """Where the redirect page lives in the built site: `/old/page/` -> `old/page/index.html`."""
    return redirect.old.strip("/") + "/index.html" if redirect.old != "/" else "index.html"


def section_redirect_maps(redirects: schema.Redirects) -> dict[str, dict[str, str]]:
    """Old id -> new id, by page address (`/muscles/gluteus-medius/`)."""
    maps: dict[str, dict[str, str]] = {}
    for redirect in redirects.sections:
        maps.setdefault(redirect.page, {})[redirect.old] = redirect.to
    return maps


# --- the link contract ------------------------------------------------------

_SECTION_TAGS = {"h2", "h3", "h4", "h5", "h6", "li", "dt", "figure", "section"}
"""Elements whose ids are addresses people link to; the h1 and theme internals are not."""


class _PublicIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.in_article = False
        self.is_redirect = False
        self.has_article = False
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.is_redirect = True
        if tag == "article":
            self.in_article = self.has_article = True
        element_id = values.get("id")
        if self.in_article and tag in _SECTION_TAGS and element_id and not element_id.startswith(("__", "fn")):
            self.ids.add(element_id)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False


def site_entries(site_dir: Path) -> set[str]:
    """Every page address and `address#id` of a built site (redirect pages excluded)."""
    entries: set[str] = set()
    for index in sorted(Path(site_dir).rglob("index.html")):
        parser = _PublicIds()
        parser.feed(index.read_text(encoding="utf-8"))
        if parser.is_redirect or not parser.has_article:
            continue
        relative = index.parent.relative_to(site_dir).as_posix()
        address = "/" if relative == "." else f"/{relative}/"
        entries.add(address)
        entries.update(f"{address}#{element_id}" for element_id in parser.ids)
    return entries


def read_contract(path: Path) -> list[str]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write_contract(path: Path, entries: set[str]) -> None:
    Path(path).write_text(CONTRACT_HEADER + "".join(f"{entry}\n" for entry in sorted(entries)), encoding="utf-8")


def resolve(entry: str, built: set[str], redirects: schema.Redirects) -> str | None:
    """Where `entry` lands in the built site after the declared redirects, or None if nowhere."""
    pages = {r.old: r.to for r in redirects.pages}
    sections = section_redirect_maps(redirects)
    address, _, section = entry.partition("#")
    seen = set()
    while address not in built and address in pages and address not in seen:
        seen.add(address)
        address = pages[address]
    if address not in built:
        return None
    if not section:
        return address
    seen = set()
    while f"{address}#{section}" not in built and section in sections.get(address, {}) and section not in seen:
        seen.add(section)
        section = sections[address][section]
    landed = f"{address}#{section}"
    return landed if landed in built else None


def check(contract: list[str], built: set[str], redirects: schema.Redirects) -> list[str]:
    """Problems, one line each: contract entries that no longer resolve, and redirects that lead nowhere."""
    problems = [
        f"{entry}: missing from the built site and not redirected in content/redirects.yml"
        for entry in contract if resolve(entry, built, redirects) is None
    ]
    for redirect in redirects.pages:
        if redirect.to not in built and redirect.to not in {r.old for r in redirects.pages}:
            problems.append(f"content/redirects.yml: page redirect {redirect.old} -> {redirect.to}: no such page")
    for redirect in redirects.sections:
        if resolve(f"{redirect.page}#{redirect.to}", built, redirects) is None:
            problems.append(f"content/redirects.yml: section redirect {redirect.page}#{redirect.old} -> "
                            f"#{redirect.to}: no such section")
    return problems


def regenerate(contract: list[str], built: set[str], redirects: schema.Redirects) -> set[str]:
    """The new contract: every built entry, plus old entries kept alive by a redirect.

    Raises ValueError when an old entry would silently disappear (no redirect declared).
    """
    lost = [entry for entry in contract if resolve(entry, built, redirects) is None]
    if lost:
        raise ValueError("these addresses would stop working; declare redirects in content/redirects.yml:\n"
                         + "\n".join(f"  {entry}" for entry in lost))
    return built | set(contract)
