"""Content is plain text everywhere, <head> included (issue 12): hostile text in a summary and in a
muscle's name builds to pages that parse as intended and carry no element or attribute from content."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_project, mkdocs
from quality import markup_from_content

HOSTILE = 'Quote " less < greater > amp & <img src=x onerror=alert(1)> end'
HOSTILE_NAME = 'Gluteus "medius" <b>&amp;</b> <img src=x onerror=alert(2)>'
SUMMARY_LINE = "summary: >\n  The gluteus medius is a muscle"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    muscle = project / "content/muscles/gluteus-medius.yml"
    text = muscle.read_text()
    assert SUMMARY_LINE in text
    text = text.replace(SUMMARY_LINE, "summary: " + json.dumps(HOSTILE) + "\nold_summary: >\n  The", 1)
    text = text.replace("old_summary: >\n", "_drop: >\n", 1)
    text = _drop_key(text, "_drop")
    text = text.replace("  common: Gluteus medius\n", f"  common: {json.dumps(HOSTILE_NAME)}\n", 1)
    muscle.write_text(text)
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def _drop_key(yaml_text: str, key: str) -> str:
    """Remove a top-level key and its indented block."""
    lines, out, skipping = yaml_text.splitlines(keepends=True), [], False
    for line in lines:
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and (line.startswith("  ") or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "".join(out)


def test_every_page_parses_as_intended_with_hostile_content(hostile_site: Path):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    found = {}
    for page in pages:
        problems = markup_from_content.problems(page.read_text())
        if problems:
            found[str(page.relative_to(hostile_site))] = problems
    assert not found, found


def test_the_muscle_page_head_carries_the_hostile_text_as_text(hostile_site: Path):
    html = (hostile_site / "muscles/gluteus-medius/index.html").read_text()
    assert markup_from_content.problems(html, description=HOSTILE, title_part=HOSTILE_NAME) == []


def test_json_ld_carries_the_hostile_text_as_data(hostile_site: Path):
    html = (hostile_site / "muscles/gluteus-medius/index.html").read_text()

    class LD(HTMLParser):
        blocks: list[str] = []
        inside = False

        def handle_starttag(self, tag, attrs):
            self.inside = tag == "script" and ("type", "application/ld+json") in attrs

        def handle_endtag(self, tag):
            self.inside = False

        def handle_data(self, data):
            if self.inside:
                self.blocks.append(data)

    parser = LD()
    parser.feed(html)
    (block,) = parser.blocks
    assert "</" not in block
    assert json.loads(block)["description"] == HOSTILE


# --- twins: the check catches what it must -----------------------------------------------------------

GOOD = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<meta name="description" content="{d}"><meta property="og:description" content="{d}">
<meta name="twitter:description" content="{d}"></head><body><p>text</p></body></html>"""


def test_a_page_with_escaped_text_passes():
    from html import escape
    page = GOOD.format(title=escape(HOSTILE_NAME), d=escape(HOSTILE, quote=True))
    assert markup_from_content.problems(page, description=HOSTILE, title_part=HOSTILE_NAME) == []


def test_a_description_that_breaks_out_of_its_attribute_is_caught():
    page = GOOD.format(title="t", d=HOSTILE)  # raw, as Material prints it
    found = markup_from_content.problems(page, description=HOSTILE)
    assert any("onerror" in p for p in found) and any("not the content's text" in p for p in found)


def test_a_title_that_carries_markup_is_caught():
    page = GOOD.format(title=HOSTILE_NAME, d="d")
    found = markup_from_content.problems(page, title_part=HOSTILE_NAME)
    assert any("inside <title>" in p for p in found)
