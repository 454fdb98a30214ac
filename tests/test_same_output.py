"""Same input, same output: two builds of the same commit give byte-identical site trees, sitemap and search
index included, the first with an empty QR-code cache (atlas.qr) and the second reading what the first left. The comparison is also shown to catch a date that leaks into a build."""

from __future__ import annotations

from pathlib import Path

from quality.same_output import source_date_epoch, tree_differences

from conftest import ROOT, mkdocs


def _build(site_dir: Path, epoch: str, qr_cache: Path | None = None) -> Path:
    env = {"SOURCE_DATE_EPOCH": epoch} | ({"ATLAS_QR_CACHE": str(qr_cache)} if qr_cache else {})
    result = mkdocs("build", "--strict", "--site-dir", str(site_dir), cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_two_builds_are_byte_identical(tmp_path: Path):
    epoch = source_date_epoch(ROOT)  # as `make build` sets it
    cache = tmp_path / "qr"
    first = _build(tmp_path / "first", epoch, cache)
    assert list(cache.glob("*.svg"))  # the first build made the codes and kept them
    second = _build(tmp_path / "second", epoch, cache)
    for part in ("sitemap.xml", "sitemap.xml.gz", "pagefind/pagefind-entry.json", "muscles/gluteus-medius/index.html"):
        assert (first / part).is_file(), part
    assert tree_differences(first, second) == []


def test_a_leaking_build_date_is_caught(tmp_path: Path):
    # MkDocs stamps the gzip-compressed sitemap with the build date: two different days differ.
    first = _build(tmp_path / "first", "1700000000")
    second = _build(tmp_path / "second", "1800000000")
    assert tree_differences(first, second) == ["differs: sitemap.xml.gz"]


def test_files_only_in_one_tree_are_reported(tmp_path: Path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a/same.txt").write_text("x"), (tmp_path / "b/same.txt").write_text("x")
    (tmp_path / "a/extra.txt").write_text("x")
    assert tree_differences(tmp_path / "a", tmp_path / "b") == ["only in the first build: extra.txt"]
