"""Shared fixtures: the project root, copies of the project to break, and one real build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "overrides", "scripts")


def mkdocs(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs` command, as `make build` does."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(cwd / "scripts"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=environment, capture_output=True, text=True
    )


def copy_project(target: Path) -> Path:
    """A throwaway copy of everything a build reads, to break on purpose."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def long_date(day) -> str:
    """A date as the pages print it: `24 November 2026`."""
    return f"{day.day} {day:%B %Y}"


def real_muscle():
    """Gluteus medius from the real content: tests read its values (review dates ...) instead of copying them."""
    from atlas.load import load_site

    return load_site(ROOT / "content").muscle("gluteus-medius")


def site_nav(project: Path = ROOT) -> list:
    """The menu as the build makes it: mkdocs.yml's `nav` (read by MkDocs itself) with the hook's muscles."""
    from mkdocs.config import load_config

    from atlas import pages
    from atlas.load import load_site

    config = load_config(str(project / "mkdocs.yml"))
    return pages.nav_with_muscles(config.nav, pages.of_site(load_site(project / "content")))


def derived_config(project: Path, name: str, **changes: object) -> Path:
    """A config file beside mkdocs.yml that inherits it with `changes` (MkDocs' INHERIT; lists replace)."""
    import yaml

    path = project / name
    path.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", **changes}, sort_keys=False), encoding="utf-8")
    return path


def edit(content: Path, relative: str, old: str, new: str) -> None:
    """Replace the first `old` in a content file of a throwaway copy; the test's setup fails if it is not there."""
    path = content / relative
    text = path.read_text()
    assert old in text, f"test setup: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs("build", "--strict", "--site-dir", str(site_dir), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return site_dir


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/browser/ drives Chromium: marked `browser`, so `make test-fast` leaves it out
    even if a new file there forgets its `pytestmark`."""
    browser = ROOT / "tests" / "browser"
    for item in items:
        if browser in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the figures the quality checks measured (tests/browser, tests/test_plain_language.py)."""
    from quality import report

    for section, lines in report.SECTIONS.items():
        terminalreporter.section(section, sep="-")
        for line in lines:
            terminalreporter.write_line(line)
