"""Our own stylesheets are minified in the built site; their sources in docs/ keep the comments."""

from __future__ import annotations

from pathlib import Path

from atlas.minify_css import minify_site

from conftest import ROOT


def test_minify_drops_comments_and_spaces_and_leaves_material_alone(tmp_path: Path):
    stylesheets = tmp_path / "assets" / "stylesheets"
    stylesheets.mkdir(parents=True)
    (stylesheets / "ours.css").write_text("/* why */\n.a {\n  color: red;\n}\n")
    (stylesheets / "main.123.min.css").write_text("/* kept */ .b{top:0}")
    assert minify_site(tmp_path) == [stylesheets / "ours.css"]
    assert (stylesheets / "ours.css").read_text() == ".a{color:red}"
    assert (stylesheets / "main.123.min.css").read_text() == "/* kept */ .b{top:0}"


def test_built_stylesheets_are_minified_and_sources_are_not(built_site: Path):
    for source in (ROOT / "docs" / "assets" / "stylesheets").glob("*.css"):
        built = (built_site / "assets" / "stylesheets" / source.name).read_text()
        assert "/*" in source.read_text() and "/*" not in built, source.name
        assert len(built) < len(source.read_text())
