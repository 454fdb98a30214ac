"""The link contract: every address in content/link-contract.txt resolves in the built site, directly or
through a redirect declared in content/redirects.yml; removing an id without a redirect is caught."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from atlas import links, pages, schema
from atlas.load import ContentError, load_site

from conftest import ROOT, mkdocs

CONTRACT = ROOT / "content/link-contract.txt"
MUSCLE_PAGE = "muscles/gluteus-medius/index.html"


def redirects(**fields) -> schema.Redirects:
    """The redirects declared in content/redirects.yml, plus `fields` (a test's own)."""
    declared = load_site(ROOT / "content").redirects.model_dump(by_alias=True)
    for kind, extra in fields.items():
        declared[kind] = declared[kind] + extra
    return schema.Redirects.model_validate(declared)


def run_contract(site_dir: Path, *args: str, content: Path = ROOT / "content") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "atlas", "--content", str(content), "link-contract", str(site_dir), *args],
        env={"PYTHONPATH": str(ROOT / "scripts")}, capture_output=True, text=True,
    )


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site to break on purpose."""
    return Path(shutil.copytree(built_site, tmp_path / "site"))


def drop_id(site_dir: Path, page: str, element_id: str, rename_to: str | None = None) -> None:
    html = site_dir / page
    text = html.read_text()
    assert f'id="{element_id}"' in text
    html.write_text(text.replace(f'id="{element_id}"', f'id="{rename_to}"' if rename_to else ""))


# --- the real site ------------------------------------------------------------


def test_contract_lists_the_addresses_clinicians_link_to():
    contract = links.read_contract(CONTRACT)
    assert contract == sorted(set(contract)), "sorted, one entry a line"
    for entry in ("/muscles/gluteus-medius/", "/muscles/gluteus-medius/#stretch", "/muscles/gluteus-medius/#tp2",
                  "/glossary/#trigger-point", "/for-clinicians/#section-addresses", "/about/"):
        assert entry in contract
    assert len(contract) > 100


def test_every_registered_page_and_section_is_in_the_contract():
    """The registry's pages and sections are public addresses: each is promised in the contract."""
    contract = set(links.read_contract(CONTRACT))
    for entry in pages.of_site(load_site(ROOT / "content")).values():
        assert entry.address in contract, entry.id
        missing = [s.id for s in entry.sections if f"{entry.address}#{s.id}" not in contract]
        assert not missing, (entry.id, missing)


def test_every_contract_entry_resolves_in_the_built_site(built_site: Path):
    site = load_site(ROOT / "content")
    assert links.check(links.read_contract(CONTRACT), links.site_entries(built_site), site.redirects) == []


def test_new_addresses_are_added_to_the_contract_on_purpose(built_site: Path):
    unlisted = links.site_entries(built_site) - set(links.read_contract(CONTRACT))
    assert not unlisted, f"run `make link-contract` to add: {sorted(unlisted)}"


def test_check_command_passes_on_the_built_site(built_site: Path):
    result = run_contract(built_site)
    assert result.returncode == 0, result.stderr
    assert "link contract holds" in result.stdout


# --- broken copies are caught -------------------------------------------------


def test_a_removed_id_without_a_redirect_fails(site_copy: Path):
    drop_id(site_copy, MUSCLE_PAGE, "stretch")
    result = run_contract(site_copy)
    assert result.returncode == 1
    assert "/muscles/gluteus-medius/#stretch: missing from the built site and not redirected" in result.stderr


def test_a_renamed_id_passes_only_with_a_declared_redirect(site_copy: Path):
    drop_id(site_copy, MUSCLE_PAGE, "tp2", rename_to="trigger-point-2")
    built = links.site_entries(site_copy)
    contract = links.read_contract(CONTRACT)
    assert links.check(contract, built, redirects()) == [
        "/muscles/gluteus-medius/#tp2: missing from the built site and not redirected in content/redirects.yml"
    ]
    declared = redirects(sections=[{"page": "/muscles/gluteus-medius/", "from": "tp2", "to": "trigger-point-2"}])
    assert links.check(contract, built, declared) == []


def test_a_removed_page_passes_only_with_a_page_redirect(site_copy: Path):
    shutil.rmtree(site_copy / "techniques/dry-needling")
    built = links.site_entries(site_copy)
    contract = links.read_contract(CONTRACT)
    problems = links.check(contract, built, redirects())
    assert "/techniques/dry-needling/: missing from the built site and not redirected in content/redirects.yml" in problems
    assert any(p.startswith("/techniques/dry-needling/#references") for p in problems)
    # After a page redirect, each old id must exist on the new page too, or be redirected there.
    moved = redirects(pages=[{"from": "/techniques/dry-needling/", "to": "/techniques/trigger-point-release/"}])
    still_missing = {p.split(":")[0] for p in links.check(contract, built, moved) if p.startswith("/")}
    new_page = "/techniques/trigger-point-release/"
    assert "/techniques/dry-needling/" not in still_missing
    assert "/techniques/dry-needling/#references" not in still_missing
    assert still_missing == {
        e for e in contract
        if e.startswith("/techniques/dry-needling/#") and new_page + "#" + e.partition("#")[2] not in built
    }


def test_a_redirect_that_leads_nowhere_is_reported(built_site: Path):
    built = links.site_entries(built_site)
    broken = redirects(pages=[{"from": "/old/", "to": "/nowhere/"}],
                       sections=[{"page": "/muscles/gluteus-medius/", "from": "stretching", "to": "strech"}])
    assert links.check([], built, broken) == [
        "content/redirects.yml: page redirect /old/ -> /nowhere/: no such page",
        "content/redirects.yml: section redirect /muscles/gluteus-medius/#stretching -> #strech: no such section",
    ]


def test_regenerating_adds_new_ids_and_refuses_to_drop_one(site_copy: Path, tmp_path: Path):
    content = Path(shutil.copytree(ROOT / "content", tmp_path / "content"))
    contract_file = content / "link-contract.txt"
    html = site_copy / MUSCLE_PAGE
    html.write_text(html.read_text().replace('<h2 id="stretch"', '<h2 id="a-new-section">New</h2><h2 id="stretch"', 1))

    added = run_contract(site_copy, "--update", content=content)
    assert added.returncode == 0, added.stderr
    assert "(1 new)" in added.stdout
    assert "/muscles/gluteus-medius/#a-new-section" in links.read_contract(contract_file)

    drop_id(site_copy, MUSCLE_PAGE, "stretch")
    before = contract_file.read_text()
    refused = run_contract(site_copy, "--update", content=content)
    assert refused.returncode == 1
    assert "/muscles/gluteus-medius/#stretch" in refused.stderr and "declare redirects" in refused.stderr
    assert contract_file.read_text() == before


def test_unlisted_new_ids_fail_the_check(site_copy: Path):
    html = site_copy / MUSCLE_PAGE
    html.write_text(html.read_text().replace('<h2 id="stretch"', '<h2 id="a-new-section">New</h2><h2 id="stretch"', 1))
    result = run_contract(site_copy)
    assert result.returncode == 1
    assert "run `make link-contract`" in result.stderr and "/muscles/gluteus-medius/#a-new-section" in result.stderr


# --- redirects in content -----------------------------------------------------


def test_a_redirect_away_from_a_generated_page_is_a_content_error(content_copy: Path):
    (content_copy / "redirects.yml").write_text(
        "pages:\n  - {from: /muscles/gluteus-medius/, to: /glossary/}\nsections: []\n")
    with pytest.raises(ContentError) as error:
        load_site(content_copy)
    assert "content/redirects.yml: pages[0].from (line 2): /muscles/gluteus-medius/ is a page generated" in str(error.value)


def test_redirects_are_validated(content_copy: Path):
    (content_copy / "redirects.yml").write_text(
        "pages:\n  - {from: gluteus-medius, to: /muscles/gluteus-medius/}\n"
        "sections:\n  - {page: /muscles/gluteus-medius/, from: stretch, to: stretch, why: typo}\n")
    with pytest.raises(ContentError) as error:
        load_site(content_copy)
    message = str(error.value)
    assert "content/redirects.yml: pages[0].from (line 2): String should match pattern" in message
    assert "sections[0].why (line 4): unknown field" in message


def test_declared_redirects_are_built_into_the_site(project: Path):
    (project / "content/redirects.yml").write_text(
        "pages:\n  - {from: /gluteus-medius/, to: /muscles/gluteus-medius/}\n"
        "sections:\n  - {page: /muscles/gluteus-medius/, from: stretching, to: stretch}\n")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr

    page = (project / "site/gluteus-medius/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../muscles/gluteus-medius/">' in page
    assert '<link rel="canonical" href="http://127.0.0.1:8000/muscles/gluteus-medius/">' in page
    assert '<a href="../muscles/gluteus-medius/">' in page
    muscle = (project / "site" / MUSCLE_PAGE).read_text()
    assert '<script type="application/json" id="atlas-id-redirects">{"stretching": "stretch"}</script>' in muscle
    # The redirect page is not a page of its own in the contract.
    assert "/gluteus-medius/" not in links.site_entries(project / "site")
