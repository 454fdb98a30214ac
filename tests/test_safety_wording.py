"""Safety wording on every built page and on each muscle page and handout (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quality import safety_wording


def test_no_page_gives_a_bare_pain_number_or_presents_tingling_as_success(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    found = {str(p.relative_to(built_site)): safety_wording.problems(p.read_text()) for p in pages}
    assert {page: problems for page, problems in found.items() if problems} == {}
    assert any("out of 10" in p.read_text() for p in pages)  # the check had something to check


@pytest.mark.parametrize("bad", [
    "<p>Many people keep it at or below 7 out of 10.</p>",
    "<li>If you're doing it right, you will feel a slight tingling going down the side of your leg.</li>",
    "<li>The source says you may feel a slight tingling when the ball is in the right place.</li>",
])
def test_a_bad_page_is_caught(bad: str):
    assert safety_wording.problems(f"<html><body><article>{bad}</article></body></html>")


def test_tingling_as_a_reason_to_move_the_ball_passes():
    good = ("<p>Keep it at or below 7 out of 10. On a scale from 0 to 10, 0 means no pain and 10 means the worst "
            "pain you can imagine.</p><li>You feel tingling, for example down the side of your leg. Move the "
            "ball or ease off.</li>")
    assert safety_wording.problems(good) == []


def _text(path: Path) -> str:
    return safety_wording._text(path.read_text())


def test_the_muscle_page_carries_every_safety_block(built_site: Path):
    text = _text(built_site / "muscles/gluteus-medius/index.html")
    for words in ("Before you start", "Keep the ball off bone", "PSIS", "Check first", "hip replacement",
                  "recent back surgery", "slipped disc", "Do not bounce", "A standing release with the ball against a wall",
                  "A standing stretch with the leg crossed behind", "Bleeding from the vagina", "regular waves",
                  "National Institute for Health and Care Excellence", "Cauda equina syndrome",
                  "ask your clinician how often", "Lucas N", "Quintner JL"):
        assert words in text, words
    assert text.count("Stop if") >= 4  # both exercises and both pregnancy versions


def test_the_handout_carries_the_safety_essentials(built_site: Path):
    text = _text(built_site / "muscles/gluteus-medius/handout/index.html")
    for words in ("Before you start", "never on bone", "blood thinners", "PSIS", "Check first", "hip replacement",
                  "0 means no pain", "Bleeding from the vagina", "A standing release with the ball against a wall",
                  "A standing stretch with the leg crossed behind"):
        assert words in text, words
    assert text.count("Stop if") >= 4
