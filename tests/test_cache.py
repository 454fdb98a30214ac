"""The content cache behind `mkdocs serve`: an edit is always picked up, unchanged files are not re-read,
and only the pages that read an edited file are rendered again.

Every test compares the cache with the uncached pipeline (`load_site` + `render_site`) on the same files.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from atlas import cache as cache_module
from atlas import render, templating
from atlas.cache import SiteCache
from atlas.load import ContentError, load_site
from bench import synthetic

MUSCLES = 4
"""Grown to the real gluteus medius and three synthetic ones; each synthetic muscle links to the one before it."""


def muscle_pages(content: Path) -> int:
    """Pages rendered for every muscle file (the real ones and the synthetic ones): page and handout each."""
    return 2 * len(list((content / "muscles").glob("*.yml")))


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return synthetic.make_project(tmp_path / "project", MUSCLES) / "content"


def fresh_pages(content: Path) -> dict[str, str]:
    return {page.path: page.markdown for page in render.render_site(load_site(content))}


def cached_pages(cache: SiteCache, content: Path) -> dict[str, str]:
    return {page.path: page.markdown for page in cache.render_site(cache.load_site(content))}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def warm(content: Path) -> SiteCache:
    cache = SiteCache()
    cached_pages(cache, content)
    cache.parsed = cache.rendered = 0
    return cache


def test_first_load_parses_every_file_and_matches_the_pipeline(content: Path):
    cache = SiteCache()
    assert cached_pages(cache, content) == fresh_pages(content)
    assert cache.parsed == len(list(content.rglob("*.yml")))
    assert cache.rendered == muscle_pages(content) + len(list((content / "techniques").glob("*.yml")))  # pages, handouts


def test_unchanged_files_are_not_parsed_or_rendered_again(content: Path):
    cache = warm(content)
    assert cached_pages(cache, content) == fresh_pages(content)
    assert (cache.parsed, cache.rendered) == (0, 0)


def test_edited_muscle_is_parsed_again_and_only_its_page_and_linking_pages_are_rendered(content: Path):
    cache = warm(content)
    muscle = content / "muscles" / "synthetic-002.yml"
    edit(muscle, "common: Synthetic muscle 2", "common: Edited muscle two")
    pages = cached_pages(cache, content)
    assert pages == fresh_pages(content)
    assert "# Edited muscle two" in pages["muscles/synthetic-002.md"]
    # synthetic-003 links to synthetic-002 and prints its name; nothing else reads it (the index,
    # glossary, for-clinicians and condition pages are rendered every time).
    assert "Edited muscle two: Trigger points" in pages["muscles/synthetic-003.md"]
    assert "# Edited muscle two: trigger points and self-care" in pages["muscles/synthetic-002/handout.md"]
    assert "Edited muscle two" in pages["muscles/synthetic-001.md"]  # links go both ways between muscles
    assert (cache.parsed, cache.rendered) == (1, 4)  # its page, its handout, the two pages that link to it


def test_edit_that_keeps_size_and_time_is_still_seen(content: Path):
    cache = warm(content)
    muscle = content / "muscles" / "gluteus-medius.yml"
    stat = muscle.stat()
    edit(muscle, "short: Gmed", "short: GMED")
    os.utime(muscle, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert muscle.stat().st_size == stat.st_size
    pages = cached_pages(cache, content)
    assert "GMED" in pages["muscles/gluteus-medius.md"]
    assert cache.parsed == 1


def test_edited_shared_file_renders_every_page_again(content: Path):
    cache = warm(content)
    edit(content / "glossary.yml", "definition: ", "definition: Edited. ")
    pages = cached_pages(cache, content)
    assert pages == fresh_pages(content)
    assert cache.parsed == 1
    assert cache.rendered == muscle_pages(content) + len(list((content / "techniques").glob("*.yml")))  # pages, handouts
    assert all(": Edited. " in pages[f"muscles/{m}.md"] for m in ["gluteus-medius", "synthetic-001"])


def test_a_file_with_an_error_is_not_cached(content: Path):
    cache = warm(content)
    muscle = content / "muscles" / "synthetic-001.yml"
    good = muscle.read_text(encoding="utf-8")
    muscle.write_text(good.replace("id: synthetic-001", "id: [broken"), encoding="utf-8")
    with pytest.raises(ContentError, match="synthetic-001.yml"):
        cache.load_site(content)
    with pytest.raises(ContentError, match="synthetic-001.yml"):
        cache.load_site(content)  # still an error: the broken file is read again, not remembered
    muscle.write_text(good, encoding="utf-8")
    assert cached_pages(cache, content) == fresh_pages(content)


def test_cross_file_rules_run_on_every_load(content: Path):
    cache = warm(content)
    (content / "muscles" / "synthetic-002.yml").unlink()  # synthetic-003 links to it
    with pytest.raises(ContentError, match="cross-link to unknown page 'muscles/synthetic-002'"):
        cache.load_site(content)


def test_deleted_page_disappears(content: Path):
    cache = warm(content)
    muscle = content / "muscles" / "synthetic-003.yml"
    muscle.unlink()
    neighbour = content / "muscles" / "synthetic-002.yml"  # the one page that linked to it no longer does
    data = yaml.load(neighbour.read_text(), Loader=yaml.BaseLoader)
    data["related"] = [link for link in data["related"] if link["page"] != "muscles/synthetic-003"]
    neighbour.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    pages = cached_pages(cache, content)
    assert "muscles/synthetic-003.md" not in pages
    assert pages == fresh_pages(content)


def test_template_edit_renders_every_page_again(content: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    templates = tmp_path / "templates"
    shutil.copytree(templating.TEMPLATES, templates)
    monkeypatch.setattr(templating, "TEMPLATES", templates)
    monkeypatch.setattr(cache_module, "TEMPLATES", templates)
    cache = warm(content)
    edit(templates / "partials" / "related.md.j2", "- [", "- Edited [")
    pages = cached_pages(cache, content)
    assert "- Edited [" in pages["muscles/gluteus-medius.md"]
    assert cache.rendered == muscle_pages(content) + len(list((content / "techniques").glob("*.yml")))  # pages, handouts


def _mark_text(value):
    """Every piece of prose or a name gets a marker; ids, dates and numbers stay as they are."""
    if isinstance(value, dict):
        return {key: _mark_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_mark_text(item) for item in value]
    if isinstance(value, str) and (" " in value or value != value.lower()):
        return value + " Marked"
    return value


def _restore(marked, original, field: str) -> None:
    """Put back the original value at `field` (`trigger_points.points[1].certainty`): a fixed vocabulary."""
    keys = [int(index) if index else name for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", field)]
    for key in keys[:-1]:
        marked, original = marked[key], original[key]
    marked[keys[-1]] = original[keys[-1]]


def test_any_edit_to_any_one_file_gives_the_same_pages_as_the_pipeline(content: Path):
    """The rules of atlas.cache hold for the templates as they are: whatever a page prints from any
    file, editing that file changes the cached page exactly as it changes a fresh render."""
    cache = warm(content)
    for path in sorted(content.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        original = yaml.load(text, Loader=yaml.BaseLoader)
        marked = _mark_text(original)
        for _ in range(3):  # values from a fixed list (`done_by: yourself`) cannot take a marker
            path.write_text(yaml.safe_dump(marked, sort_keys=False, allow_unicode=True), encoding="utf-8")
            try:
                load_site(content)
                break
            except ContentError as error:
                for problem in error.problems:
                    _restore(marked, original, problem.field)
        assert cached_pages(cache, content) == fresh_pages(content), path.name
        path.write_text(text, encoding="utf-8")
    assert cached_pages(cache, content) == fresh_pages(content)
