"""Our scripts reach the page as one file (atlas.bundle_js): every listed script, in order, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas import bundle_js


class Entry(str):
    defer = False


def test_our_scripts_give_way_to_one_bundle_where_the_first_of_them_was():
    scripts = ["assets/javascripts/bundle.abc.min.js", "assets/javascripts/a.js", "other/x.js",
               "assets/javascripts/b.js"]
    taken = bundle_js.take_over(scripts, Entry)
    assert taken == ["assets/javascripts/a.js", "assets/javascripts/b.js"]
    assert scripts == ["assets/javascripts/bundle.abc.min.js", bundle_js.BUNDLE, "other/x.js"]
    assert bundle_js.take_over(scripts, Entry) == []  # taken over already: unchanged
    assert scripts == ["assets/javascripts/bundle.abc.min.js", bundle_js.BUNDLE, "other/x.js"]


def test_the_bundle_holds_each_script_in_order(tmp_path: Path):
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    (folder / "a.js").write_text("(function(){a()})()\n")
    (folder / "b.js").write_text("(function(){b()})();")
    bundle = bundle_js.write(tmp_path, ["assets/javascripts/a.js", "assets/javascripts/b.js"])
    assert bundle.read_text() == "(function(){a()})();\n(function(){b()})();\n"


def test_a_listed_script_missing_from_the_site_is_a_clear_error(tmp_path: Path):
    with pytest.raises(bundle_js.BundleError, match="assets/javascripts/gone.js is listed in mkdocs.yml"):
        bundle_js.write(tmp_path, ["assets/javascripts/gone.js"])


def test_built_pages_load_our_scripts_only_through_the_bundle(built_site: Path):
    html = (built_site / "muscles" / "gluteus-medius" / "index.html").read_text()
    assert 'src="../../assets/javascripts/atlas.js" defer' in html
    for name in ("copy-link", "hold-timer", "id-redirects", "print", "search", "tooltips", "figure-styles"):
        assert f"javascripts/{name}.js" not in html
        assert (built_site / "assets" / "javascripts" / f"{name}.js").read_text().strip()[:-1] in \
            (built_site / bundle_js.BUNDLE).read_text()
