"""Our own scripts are minified in the built site; their sources in docs/ keep the comments."""

from __future__ import annotations

from pathlib import Path

from atlas.minify_js import minify_site

from conftest import ROOT


def test_minify_drops_comments_and_spaces_and_leaves_minified_scripts_alone(tmp_path: Path):
    scripts = tmp_path / "assets" / "javascripts"
    (scripts / "lunr").mkdir(parents=True)
    (scripts / "ours.js").write_text("/* why */\n(function () {\n  var a = 1; // note\n  return a;\n})();\n")
    (scripts / "bundle.123.min.js").write_text("/* kept */ var b = 2;")
    (scripts / "lunr" / "x.js").write_text("/* kept */ var c = 3;")
    assert minify_site(tmp_path) == [scripts / "ours.js"]
    assert (scripts / "ours.js").read_text() == "(function(){var a=1;return a;})();"
    assert (scripts / "bundle.123.min.js").read_text() == "/* kept */ var b = 2;"
    assert (scripts / "lunr" / "x.js").read_text() == "/* kept */ var c = 3;"


def test_built_scripts_are_minified_and_sources_are_not(built_site: Path):
    for source in (ROOT / "docs" / "assets" / "javascripts").glob("*.js"):
        built = (built_site / "assets" / "javascripts" / source.name).read_text()
        assert "/*" in source.read_text() and "/*" not in built, source.name
        assert len(built) < len(source.read_text())
