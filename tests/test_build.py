"""The real `mkdocs build --strict`: every page and pinned id exists, search holds the generated text,
and bad content stops the build with one message while the previous site stays as it was."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from atlas import pages
from atlas.load import load_site

from conftest import ROOT, derived_config, mkdocs, site_nav

PAGES = {
    "muscles/gluteus-medius/": ["anatomy", "trigger-points", "tp1", "tp2", "tp3", "symptoms", "causes",
                                "self-release", "stretch", "when-to-get-help", "related", "references"],
    "muscles/gluteus-medius/handout/": ["trigger-points", "self-release", "stretch", "get-help", "notes"],
    "muscles/": ["gluteus-medius"],
    "conditions/low-back-pain/": ["trigger-points", "when-to-get-help", "references"],
    "techniques/trigger-point-release/": ["what-it-is", "how-much-pressure", "when-not-to", "references"],
    "techniques/dry-needling/": ["what-it-is", "references"],
    "glossary/": ["trigger-point", "referred-pain", "sacroiliac-joint", "greater-trochanter"],
    "for-clinicians/": ["linking", "printing", "training", "section-addresses"],
    "about/": ["publisher", "editorial-policy", "review-policy", "sources", "disclaimer", "privacy"],
    "": [],
}


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


def ids_in(html_file: Path) -> set[str]:
    parser = _Ids()
    parser.feed(html_file.read_text())
    return parser.ids


@pytest.mark.parametrize("page", PAGES)
def test_page_exists_with_its_pinned_ids(built_site: Path, page: str):
    html = built_site / page / "index.html"
    assert html.is_file()
    missing = set(PAGES[page]) - ids_in(html)
    assert not missing


def test_every_glossary_term_has_an_id(built_site: Path):
    site = load_site(ROOT / "content")
    assert {t.id for t in site.glossary.terms} <= ids_in(built_site / "glossary/index.html")


def test_every_page_carries_every_section_of_the_registry(built_site: Path):
    registry = pages.of_site(load_site(ROOT / "content"))
    for entry in registry.values():
        html = built_site / entry.address.strip("/") / "index.html"
        assert set(entry.section_ids()) <= ids_in(html), entry.id
    assert [s for s, _ in pages.MUSCLE_SECTIONS] == [s for s in PAGES["muscles/gluteus-medius/"] if not s.startswith("tp")]


def test_search_index_holds_the_generated_text(built_site: Path):
    index = json.loads((built_site / "search/search_index.json").read_text())
    text = " ".join(doc["text"] + doc["title"] for doc in index["docs"])
    for phrase in ("two finger widths", "wallet", "Trendelenburg", "Hold for 30 seconds"):
        assert phrase in text, phrase
    locations = {doc["location"] for doc in index["docs"]}
    assert "muscles/gluteus-medius/#stretch" in locations


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_bad_content_stops_the_build_and_keeps_the_previous_site(project: Path):
    first = mkdocs("build", "--strict", cwd=project)
    assert first.returncode == 0, first.stderr
    before = tree_digest(project / "site")

    muscle = project / "content/muscles/gluteus-medius.yml"
    muscle.write_text(muscle.read_text().replace("{region: sacrum, zone: main}", "{region: sacrumm, zone: main}", 1))
    second = mkdocs("build", "--strict", cwd=project)

    assert second.returncode != 0
    output = second.stdout + second.stderr
    assert "Traceback" not in output
    assert "content/muscles/gluteus-medius.yml: trigger_points.points[0].referred_pain[2].region (line" in output
    assert "unknown body region 'sacrumm'" in output
    assert tree_digest(project / "site") == before


def test_check_command_reports_bad_content(project: Path):
    import subprocess
    import sys

    (project / "content/glossary.yml").write_text("terms: [\n")
    result = subprocess.run([sys.executable, "-m", "atlas", "--content", str(project / "content"), "check"],
                            env={"PYTHONPATH": str(ROOT / "scripts")}, capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/glossary.yml (line" in result.stderr and "YAML syntax error" in result.stderr
    assert "Traceback" not in result.stderr


def test_rendered_markdown_builds_without_the_hook(project: Path, tmp_path: Path):
    """Another engine that ignores hooks can build the same pages from `atlas render`'s output."""
    from atlas.__main__ import main

    assert main(["--content", str(project / "content"), "render", str(project / "docs")]) == 0
    # Without the hook nothing adds the muscles to the menu: such an engine's config lists them itself.
    config = derived_config(project, "no-hook.yml", hooks=[], nav=site_nav(project))
    result = mkdocs("build", "--strict", "--config-file", str(config), cwd=project)
    assert result.returncode == 0, result.stderr
    page = project / "site/muscles/gluteus-medius/index.html"
    assert "tp2" in ids_in(page)
    assert re.search(r'<script src="[./]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"', page.read_text()), \
        "Material's script, also without the hook that defers it"
