"""Publishing (issue 12): a build for the local preview address says so once, without failing --strict; a
missing error-report contact is a notice and the line is left out; a contact set in content/publisher.yml
reaches every page's "About this page" and the About page; the GitHub Pages workflow is a real file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from atlas import notices
from conftest import ROOT, mkdocs

CONTACT = "mailto:editors@example.org"


def _notices(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("NOTICE")]


def test_a_preview_build_prints_one_notice_and_passes_strict(project: Path):
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    preview = [n for n in _notices(result.stderr) if "preview address" in n]
    assert len(preview) == 1 and "SITE_URL=" in preview[0] and "QR codes" in preview[0]
    assert "WARNING" not in result.stderr


def test_a_build_for_the_public_address_prints_no_preview_notice(project: Path):
    result = mkdocs("build", "--strict", cwd=project, env={"SITE_URL": "https://example.org/atlas/"})
    assert result.returncode == 0, result.stderr
    assert not [n for n in _notices(result.stderr) if "preview address" in n]
    assert "https://example.org/atlas/muscles/gluteus-medius/" in (project / "site/muscles/gluteus-medius/index.html").read_text()


def test_without_a_contact_the_build_says_so_and_pages_leave_the_line_out(project: Path):
    publisher = yaml.safe_load((project / "content/publisher.yml").read_text())
    assert "contact" not in publisher, "the real content must not carry an invented contact"
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert [n for n in _notices(result.stderr) if "sets no contact" in n]
    site = project / "site"
    assert not [p for p in site.rglob("*.html") if "Found a mistake?" in p.read_text()]
    assert "not yet published an address for reports" in (site / "about/index.html").read_text()
    assert "atlas:report-error" not in (site / "about/index.html").read_text()


def test_a_contact_reaches_every_about_this_page_and_the_about_page(project: Path):
    publisher = project / "content/publisher.yml"
    publisher.write_text(publisher.read_text() + f"contact: {CONTACT}\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not [n for n in _notices(result.stderr) if "sets no contact" in n]
    site = project / "site"
    with_review = [p for p in site.rglob("*.html") if 'id="about-this-page"' in p.read_text()]
    assert len(with_review) >= 6
    for page in with_review + [site / "about/index.html"]:
        assert f'Found a mistake? Tell the editors: <a href="{CONTACT}">editors@example.org</a>' in page.read_text(), page


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "mailto:x@y.org\" onclick=\"alert(1)", "http://example.org/"])
def test_a_contact_that_is_not_a_checked_address_stops_the_build(project: Path, bad: str):
    publisher = project / "content/publisher.yml"
    publisher.write_text(publisher.read_text() + f"contact: '{bad}'\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode != 0
    assert "content/publisher.yml: contact" in result.stderr


def test_preview_addresses_are_recognised():
    assert notices.is_preview_address("http://127.0.0.1:8000/")
    assert notices.is_preview_address("http://localhost:8000/atlas/")
    assert not notices.is_preview_address("https://example.org/atlas/")


def test_the_github_pages_workflow_builds_with_the_public_address():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    steps = workflow["jobs"]["deploy"]["steps"]
    build = next(s for s in steps if s.get("run") == "make build")
    assert "SITE_URL" in build["env"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") and s["with"]["path"] == "site" for s in steps)
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in steps)
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
