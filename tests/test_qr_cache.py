"""The handout's QR code is kept on disk between builds (atlas.qr): the same bytes with or without the
cache, a damaged cache file is made again, and an unwritable cache folder only costs time."""

from __future__ import annotations

import pytest
import segno

from atlas import qr

ADDRESS = "https://example.org/atlas/muscles/gluteus-medius/"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_QR_CACHE", str(tmp_path / "qr"))
    monkeypatch.setattr(qr.CODES, "made", {})
    return tmp_path / "qr"


def made_by_segno(address: str) -> str:
    code = segno.make(address, error="m", boost_error=False)
    return code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="qr-code")


def test_a_cached_code_is_the_code_segno_makes(cache, monkeypatch):
    first = qr.qr_svg(ADDRESS, "QR code")
    assert len(list(cache.glob("*.svg"))) == 1
    monkeypatch.setattr(qr.CODES, "made", {})  # a new build process
    monkeypatch.setattr(qr, "_make", lambda address: pytest.fail("made again, not read from the cache"))
    assert qr.qr_svg(ADDRESS, "QR code") == first
    assert first == made_by_segno(ADDRESS).replace("<svg ", '<svg role="img" aria-label="QR code" ', 1)


def test_another_address_gets_its_own_code(cache):
    assert qr.code_svg(ADDRESS) != qr.code_svg(ADDRESS + "handout/")
    assert len(list(cache.glob("*.svg"))) == 2


def test_a_damaged_cache_file_is_made_again(cache, monkeypatch):
    qr.code_svg(ADDRESS)
    (damaged,) = cache.glob("*.svg")
    damaged.write_text("<svg class=")  # a half-written file
    monkeypatch.setattr(qr.CODES, "made", {})
    assert qr.code_svg(ADDRESS) == made_by_segno(ADDRESS)


def test_without_a_writable_cache_the_code_is_still_made(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("ATLAS_QR_CACHE", str(blocked / "qr"))
    monkeypatch.setattr(qr.CODES, "made", {})
    assert qr.code_svg(ADDRESS) == made_by_segno(ADDRESS)
    monkeypatch.setenv("ATLAS_QR_CACHE", "")  # turned off
    monkeypatch.setattr(qr.CODES, "made", {})
    assert qr.code_svg(ADDRESS) == made_by_segno(ADDRESS)
