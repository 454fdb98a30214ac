"""MkDocs hook: hand the pages rendered from `content/` to MkDocs.

on_config adds the passes over each page's Markdown (atlas.markdown_passes) and defers Material's script;
on_pre_build loads, checks and renders the content and lists the muscles in the menu; on_files adds the
pages; on_post_build trims Material's CSS and minifies ours.

Deliberately thin. Content is loaded and validated in `on_pre_build`, which
MkDocs runs before it cleans `site/`: a content error stops the build with one
readable message and leaves the previous site exactly as it was. Nothing is
written into `docs/`, so `mkdocs serve` does not rebuild in a loop. Under `mkdocs serve` only the
files that changed are read again and only the pages that read them are rendered again (atlas.cache).
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# MkDocs puts this file's folder on sys.path while it imports the hook.
from atlas import (bundle_js, csp, links, markdown_passes, minify_css, minify_js, notices, pages, render,
                   search_index, table_labels, unused_css)
from atlas.cache import shared as cache
from atlas.load import ContentError

CONTENT = Path(__file__).resolve().parent.parent / "content"

_pages = []
_redirects = None
_our_scripts: list[str] = []
_report_error = ""
REPORT_ERROR_MARKER = "<!-- atlas:report-error -->"
"""Where a hand-written page (docs/about.md) prints how to report an error, from content/publisher.yml."""


def on_config(config):
    # Glossary tooltips at first use per section, and links' full addresses for print: passes over each
    # page's Markdown tree (atlas.markdown_passes), not text replacement on the finished HTML.
    if not any(isinstance(e, markdown_passes.AtlasPasses) for e in config.markdown_extensions):
        config.markdown_extensions.append(markdown_passes.AtlasPasses(config.site_url or links.DEFAULT_SITE_URL))
    # Material's script, deferred like the extra scripts: it runs after the page is parsed, as it would at
    # the end of <body>, but no longer holds up the first paint. First, so it runs before the scripts that
    # use it; overrides/main.html prints extra_javascript in place of Material's own script tag.
    bundle = ExtraScriptValue(_material_bundle(config))
    bundle.defer = True
    if not any(str(script) == bundle.path for script in config.extra_javascript):
        config.extra_javascript.insert(0, bundle)
    # Our own scripts as one deferred file (atlas.bundle_js), written in on_post_build.
    global _our_scripts
    taken = bundle_js.take_over(config.extra_javascript, _deferred_script)
    _our_scripts = taken or _our_scripts
    # Table cells name their column, for the stacked rows on a phone (atlas.table_labels, site.css).
    if not any(isinstance(e, table_labels.TableLabels) for e in config.markdown_extensions):
        config.markdown_extensions.append(table_labels.TableLabels())
    return config


def _deferred_script(path: str) -> ExtraScriptValue:
    script = ExtraScriptValue(path)
    script.defer = True
    return script


def _material_bundle(config) -> str:
    """Address of Material's script in the theme (its name carries a content hash that changes with Material)."""
    for theme_dir in config.theme.dirs:
        found = sorted(Path(theme_dir).glob("assets/javascripts/bundle.*.min.js"))
        if found:
            return found[0].relative_to(theme_dir).as_posix()
    raise PluginError("Material's assets/javascripts/bundle.*.min.js is missing from the theme")


def on_pre_build(config) -> None:
    global _pages, _redirects, _report_error
    try:
        site = cache.load_site(CONTENT)
    except ContentError as error:
        raise PluginError(str(error)) from None
    _pages = cache.render_site(site, config.site_url or links.DEFAULT_SITE_URL)
    _redirects = site.redirects
    # The muscles in the menu come from content/muscles/, not from a list in mkdocs.yml.
    # Material prints menu titles raw: a muscle's name is content, so it goes in as escaped, safe markup.
    config.nav = pages.nav_with_muscles(config.nav, pages.of_site(site), title=lambda t: Markup(html.escape(t)))
    _report_error = render.Renderer(site, config.site_url or links.DEFAULT_SITE_URL).render_report_error()
    for notice in notices.build_notices(site, config.site_url or links.DEFAULT_SITE_URL):
        _notice(notice)


_told: set[str] = set()


def _notice(text: str) -> None:
    """Once per process (not on every `mkdocs serve` rebuild), on stderr, outside MkDocs' loggers."""
    if text not in _told:
        _told.add(text)
        print(f"NOTICE  -  {text}", file=sys.stderr)


def on_env(env, config, files):
    # Every page's <head> carries its Content-Security-Policy (overrides/partials/csp.html).
    env.filters["csp_policy"] = csp.policy
    return env


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


def on_page_markdown(markdown: str, page, config, files) -> str:
    # The page carries its old-id -> new-id map; overrides/partials/link-meta.html prints it.
    markdown = markdown.replace(REPORT_ERROR_MARKER, _report_error)
    id_map = links.section_redirect_maps(_redirects).get("/" + page.url)
    if id_map:
        page.meta["id_redirects"] = id_map
    return markdown


def on_post_build(config) -> None:
    # Material's stylesheets carry every feature it has; keep only the rules this site can use.
    unused_css.purge_site(Path(config.site_dir))
    # Our own stylesheets keep their comments in docs/; the built copies need none.
    minify_css.minify_site(Path(config.site_dir))
    minify_js.minify_site(Path(config.site_dir))
    try:
        bundle_js.write(Path(config.site_dir), _our_scripts)
    except bundle_js.BundleError as error:
        raise PluginError(str(error)) from None
    # Search: Pagefind's index of the finished pages, fetched by a browser only when someone searches.
    try:
        search_index.build(Path(config.site_dir))
    except search_index.SearchIndexError as error:
        raise PluginError(str(error)) from None
