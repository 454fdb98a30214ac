"""Every built page carries one Content-Security-Policy that allows only the site's own origin and exactly
the inline scripts it runs (issue 12). The browser side is tests/browser/test_csp.py."""

from __future__ import annotations

from pathlib import Path

from quality import content_security


def test_every_built_page_has_a_policy_that_covers_its_inline_scripts(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    found = {str(p.relative_to(built_site)): content_security.problems(p.read_text()) for p in pages}
    assert {page: problems for page, problems in found.items() if problems} == {}


def test_the_policy_allows_wasm_for_search_and_no_javascript_eval(built_site: Path):
    html = (built_site / "index.html").read_text()
    start = html.index('http-equiv="Content-Security-Policy" content="') + len('http-equiv="Content-Security-Policy" content="')
    policy = content_security.directives(html[start:html.index('"', start)].replace("&#39;", "'"))
    assert "'wasm-unsafe-eval'" in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"] and "'unsafe-inline'" not in policy["script-src"]


# --- twins ---------------------------------------------------------------------------------------------

def _page(built_site: Path) -> str:
    return (built_site / "muscles/gluteus-medius/index.html").read_text()


def test_an_unhashed_inline_script_is_caught(built_site: Path):
    bad = _page(built_site).replace("</body>", "<script>alert(1)</script></body>")
    assert any("inline script not allowed" in p for p in content_security.problems(bad))


def test_a_page_without_a_policy_is_caught(built_site: Path):
    html = _page(built_site)
    start = html.index('<meta http-equiv="Content-Security-Policy"')
    bad = html[:start] + html[html.index(">", start) + 1:]
    assert content_security.problems(bad) == ["0 Content-Security-Policy meta tags; every page needs exactly one"]


def test_an_outside_host_in_the_policy_is_caught(built_site: Path):
    bad = _page(built_site).replace("img-src &#39;self&#39;", "img-src &#39;self&#39; https://cdn.example.com", 1)
    assert any("https://cdn.example.com" in p for p in content_security.problems(bad))


def test_a_script_before_the_policy_is_caught(built_site: Path):
    bad = _page(built_site).replace('<meta charset="utf-8">', '<meta charset="utf-8"><script src="x.js"></script>', 1)
    assert any("comes before the policy" in p for p in content_security.problems(bad))


def test_a_redirect_page_carries_a_policy_that_allows_its_own_script():
    from atlas import links, schema
    redirect = schema.PageRedirect.model_validate({"from": "/gluteus-med/", "to": "/muscles/gluteus-medius/"})
    page = links.redirect_page(redirect, "https://example.org/atlas/", "Trigger Point Atlas")
    assert content_security.problems(page) == []
    assert content_security.problems(page.replace('<meta http-equiv="Content-Security-Policy"', '<meta name="x"'))
