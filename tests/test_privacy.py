"""Privacy in the built files: no HTML, CSS or JavaScript loads anything from another host. Links to other
sites are not loads. The scanner is shown to catch each way a page can load something from outside."""

from __future__ import annotations

from pathlib import Path

import yaml

from atlas.links import DEFAULT_SITE_URL
from quality import privacy

from conftest import ROOT

OWN_HOSTS = {"127.0.0.1", "localhost"}


def test_built_files_load_nothing_from_another_host(built_site: Path):
    assert privacy.outside_loads(built_site, OWN_HOSTS) == []


def test_materials_dormant_loaders_stay_dormant(built_site: Path):
    """The addresses in Material's JavaScript that the scan accepts are fetched only for features that
    are off here: no Mermaid diagram on any page and no repository address in mkdocs.yml."""
    pages = [p.read_text() for p in built_site.rglob("*.html")]
    assert not any('class="mermaid"' in page for page in pages)
    config = (ROOT / "mkdocs.yml").read_text()
    assert "repo_url" not in config and "repo_name" not in config
    bundle = next((built_site / "assets/javascripts").glob("bundle.*.min.js")).read_text()
    assert all(address in bundle for address in privacy.MATERIAL_DORMANT_LOADS if "bit.ly" not in address and "${" not in address)


def test_pagefinds_made_up_base_address_is_only_parsed(built_site: Path):
    """Pagefind's script and worker write one outside address: a base to parse a relative one against."""
    for script in (built_site / "pagefind").glob("*.js"):
        code = script.read_text()
        assert code.count("https://example.com") == code.count("new URL(`" + privacy.PAGEFIND_PARSE_BASE), script
    assert privacy.js_loads('x=new URL(`https://example.com/track.js`)') == ["https://example.com/track.js"]


def test_links_and_canonical_addresses_are_not_loads():
    page = f"""<html><head><link rel="canonical" href="{DEFAULT_SITE_URL}muscles/">
    <meta property="og:url" content="https://example.org/muscles/"></head>
    <body><a href="https://www.nhs.uk/">NHS</a></body></html>"""
    assert [u for u in privacy.html_loads(page) if privacy.is_outside(u, OWN_HOSTS)] == []


def test_scanner_catches_every_kind_of_outside_load(tmp_path: Path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">'
        '<link rel="icon" href="https://cdn.example.com/favicon.ico">'
        '<script src="//cdn.example.com/analytics.js"></script>'
        '<style>body { background: url("https://img.example.com/bg.png"); }</style></head>'
        '<body><img src="https://img.example.com/a.png" srcset="x.png 1x, https://img.example.com/b.png 2x">'
        '<div style="background-image: url(https://img.example.com/c.png)"></div>'
        '<a href="https://www.nhs.uk/">a link is fine</a></body></html>'
    )
    (tmp_path / "assets/site.css").write_text(
        '@import url("https://fonts.example.com/import.css");\n'
        '@font-face { font-family: X; src: url(https://fonts.gstatic.com/x.woff2) format("woff2"); }\n'
        '.icon { mask: url("data:image/svg+xml;charset=utf-8,<svg/>"); }\n'
    )
    (tmp_path / "assets/app.js").write_text(
        'fetch("https://analytics.example.com/collect");\nconst u = `https://api.example.com/${id}`;\n'
    )
    found = privacy.outside_loads(tmp_path, OWN_HOSTS)
    expected = ["https://fonts.googleapis.com/css2?family=Roboto", "https://cdn.example.com/favicon.ico",
                "//cdn.example.com/analytics.js", "https://img.example.com/bg.png", "https://img.example.com/a.png",
                "https://img.example.com/b.png", "https://img.example.com/c.png",
                "https://fonts.example.com/import.css", "https://fonts.gstatic.com/x.woff2",
                "https://analytics.example.com/collect", "https://api.example.com/${id}"]
    assert sorted(u.split(": ", 1)[1] for u in found) == sorted(expected)
    assert not any("nhs.uk" in u or "data:" in u for u in found)
