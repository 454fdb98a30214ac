"""Keep loaded content and rendered pages between the rebuilds of `mkdocs serve`.

An editor saves one file and MkDocs rebuilds the whole site. Without a cache every rebuild re-reads and
re-validates every content file and re-renders every page. With `SiteCache`:

- a file is parsed and validated again only when its bytes changed. The key is its path, label, kind and
  a hash of its bytes, and `load.load_file` is a pure function of those. Files are hashed, not dated: an
  edit within the file system's timestamp resolution, or a file put back as it was, is still seen.
- the rules that span files (`atlas.rules`) run on every load: they are cheap, and an edit to one
  file can break a rule in another.
- a muscle, handout or technique page is rendered again only when an input it reads changed: its own file, any
  site-wide file (`load.SINGLE_FILES`: glossary, references, regions, safety, publisher, ...), the source
  files (`atlas.pages`) of the pages its related links name (their titles and section titles are printed), for a
  muscle page every complaint page (it links to those its trigger points cause), the templates or
  the site address. Every other page (the muscle index, glossary, for-clinicians, conditions, which list
  every muscle, and any page kind added later) is rendered every time: they are few.

tests/test_cache.py checks these rules against the real renderer: after an edit to any one file, the
cached pages equal a fresh render. A template that starts reading another page's content must extend
`_page_inputs`, or that test fails. Which file a page is made from is the page registry's `source`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from atlas import load, pages, schema
from atlas.links import DEFAULT_SITE_URL
from atlas.render import Page, Renderer
from atlas.templating import TEMPLATES


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class SiteCache:
    """Parsed files and rendered pages of one content folder, reused while their inputs are unchanged."""

    def __init__(self) -> None:
        self._files: dict[tuple[str, str, str], tuple[bytes, tuple[Any, Any]]] = {}
        self._pages: dict[str, tuple[tuple, Page]] = {}
        self._versions: dict[str, bytes] = {}
        """Digest of each file at the last load, by its path in the content folder (`muscles/gluteus-medius.yml`)."""
        self.parsed = 0
        """Files parsed and validated so far (the tests count them)."""
        self.rendered = 0
        """Muscle, handout and technique pages rendered so far, not served from the cache."""

    # --- content ---------------------------------------------------------------

    def load_site(self, content_dir: Path) -> schema.SiteContent:
        """`load.load_site`, re-parsing only the files whose bytes changed."""
        content_dir = Path(content_dir)
        versions: dict[str, bytes] = {}
        seen: set[tuple[str, str, str]] = set()

        def load_file(path: Path, label: str, kind: str) -> tuple[Any, Any]:
            data = path.read_bytes()
            digest = _digest(data)
            key = (str(path), label, kind)
            seen.add(key)
            entry = self._files.get(key)
            if entry is None or entry[0] != digest:
                self.parsed += 1
                # Parse the bytes that were hashed, so a save during the read cannot be cached as older text.
                result = load.load_file(path, label, kind, data.decode("utf-8"))
                entry = self._files[key] = (digest, result)
            versions[path.relative_to(content_dir).as_posix()] = digest
            return entry[1]

        try:
            return load.load_site(content_dir, file_loader=load_file)
        finally:
            # Forget deleted and renamed files; files that failed to load were never stored.
            self._files = {key: entry for key, entry in self._files.items() if key in seen}
            self._versions = versions

    # --- pages -----------------------------------------------------------------

    def render_site(self, site: schema.SiteContent, site_url: str = DEFAULT_SITE_URL) -> list[Page]:
        """`render.render_site` for `site`, which must come from this cache's latest `load_site`."""
        shared = tuple(self._versions.get(name, b"") for name, _, _ in load.SINGLE_FILES.values())
        templates = tuple((str(p), _digest(p.read_bytes())) for p in sorted(TEMPLATES.rglob("*")) if p.is_file())
        renderer = _CachingRenderer(site, site_url, self, (site_url, templates, shared))
        site_pages = renderer.render_site()
        rendered = {page.path.removesuffix(".md") for page in site_pages}
        self._pages = {page_id: entry for page_id, entry in self._pages.items() if page_id in rendered}
        return site_pages

    def _page_inputs(self, page: pages.PageEntry, related: list[schema.RelatedPage], registry) -> tuple:
        """What a muscle or technique page reads besides the site-wide files and templates: its own file
        and the files of the pages it links to (their titles and section titles are printed)."""
        linked = sorted({registry[link.page.partition("#")[0]].source or "" for link in related})
        return (self._versions[page.source], tuple((source, self._versions.get(source, b"")) for source in linked))

    def _cached(self, page_id: str, key: tuple, render) -> Page:
        entry = self._pages.get(page_id)
        if entry is not None and entry[0] == key:
            return entry[1]
        self.rendered += 1
        page = render()
        self._pages[page_id] = (key, page)
        return page


class _CachingRenderer(Renderer):
    """The real renderer; muscle and technique pages come from the cache when their inputs are unchanged."""

    def __init__(self, site: schema.SiteContent, site_url: str, cache: SiteCache, common_key: tuple):
        super().__init__(site, site_url)
        self._cache = cache
        self._common_key = common_key

    def render_muscle_page(self, muscle: schema.Muscle) -> Page:
        page = self.pages.of(muscle)
        # It also reads every complaint page (name and regions) for its generated links to them.
        complaints = tuple(self._cache._versions.get(self.pages.of(c).source, b"") for c in self.site.conditions)
        key = (self._common_key, self._cache._page_inputs(page, muscle.related, self.pages), complaints)
        return self._cache._cached(page.id, key, lambda: super(_CachingRenderer, self).render_muscle_page(muscle))

    def render_handout(self, muscle: schema.Muscle) -> Page:
        # A handout reads its muscle's file, the site-wide files (safety, publisher), templates and address.
        page = self.pages[pages.handout_id(muscle)]
        key = (self._common_key, self._cache._versions[page.source])
        return self._cache._cached(page.id, key, lambda: super(_CachingRenderer, self).render_handout(muscle))

    def render_technique_page(self, technique: schema.Technique) -> Page:
        page = self.pages.of(technique)
        key = (self._common_key, self._cache._page_inputs(page, technique.related, self.pages))
        return self._cache._cached(
            page.id, key, lambda: super(_CachingRenderer, self).render_technique_page(technique))


shared = SiteCache()
"""The cache of this process. The hook uses it; it lives here, in an imported module, because MkDocs may
load the hook file afresh when `mkdocs serve` reloads the configuration."""
