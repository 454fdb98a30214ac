"""MkDocs hook: hand the pages rendered from `content/` to MkDocs.

Deliberately thin. Content is loaded and validated in `on_pre_build`, which
MkDocs runs before it cleans `site/`: a content error stops the build with one
readable message and leaves the previous site exactly as it was. Nothing is
written into `docs/`, so `mkdocs serve` does not rebuild in a loop. Under `mkdocs serve` only the
files that changed are read again and only the pages that read them are rendered again (atlas.cache).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# MkDocs puts this file's folder on sys.path while it imports the hook.
from atlas import abbreviations, links, minify_css, table_labels, unused_css
from atlas.cache import shared as cache
from atlas.load import ContentError

CONTENT = Path(__file__).resolve().parent.parent / "content"

_pages = []
_redirects = None


def on_config(config):
    # Table cells name their column, for the stacked rows on a phone (atlas.table_labels, site.css).
    config.markdown_extensions.append(table_labels.TableLabels())
    return config


def on_pre_build(config) -> None:
    global _pages, _redirects
    try:
        site = cache.load_site(CONTENT)
    except ContentError as error:
        raise PluginError(str(error)) from None
    _pages = cache.render_site(site, config.site_url or links.DEFAULT_SITE_URL)
    _redirects = site.redirects


def on_files(files: Files, config) -> Files:
    for page in _pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(f"docs/{page.path} would hide the page generated from content/; remove it")
        files.append(File.generated(config, page.path, content=page.markdown))
    for redirect in _redirects.pages:
        path = links.redirect_page_path(redirect)
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"content/redirects.yml: {redirect.old} is a real page; a redirect would hide it")
        html = links.redirect_page(redirect, config.site_url or links.DEFAULT_SITE_URL, config.site_name)
        files.append(File.generated(config, path, content=html))
    return files


def on_page_content(html: str, page, config, files) -> str:
    html = abbreviations.first_use_per_section(html)
    # On paper a link cannot be followed: print.css prints the full address these attributes carry.
    return links.print_addresses(html, page.url, config.site_url or links.DEFAULT_SITE_URL)


def on_page_markdown(markdown: str, page, config, files) -> str:
    # The page carries its old-id -> new-id map; overrides/partials/link-meta.html prints it.
    id_map = links.section_redirect_maps(_redirects).get("/" + page.url)
    if id_map:
        page.meta["id_redirects"] = id_map
    return markdown


def on_post_build(config) -> None:
    # Material's stylesheets carry every feature it has; keep only the rules this site can use.
    unused_css.purge_site(Path(config.site_dir))
    # Our own stylesheets keep their comments in docs/; the built copies need none.
    minify_css.minify_site(Path(config.site_dir))
