"""Safety wording on every built page and on each muscle page and handout (issue 12)."""

from __future__ import annotations

import re
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


def test_the_doubtful_rotation_claim_is_only_in_the_clinicians_details(built_site: Path):
    html = (built_site / "muscles/gluteus-medius/index.html").read_text()
    details = [(m.start(), html.index("</details>", m.start())) for m in re.finditer("<details", html)]
    spots = [m.start() for m in re.finditer("mostly outwards", html)]
    assert spots, "both views are on the page, in the clinicians' details"
    assert all(any(start < spot < end for start, end in details) for spot in spots)
    text = _text(built_site / "muscles/gluteus-medius/index.html")
    assert "Anatomy textbooks give the front fibres internal rotation" in text


def test_mortons_foot_and_the_side_of_the_hip_are_named_as_4c_says(built_site: Path):
    glossary = _text(built_site / "glossary/index.html")
    assert "first metatarsal" in glossary and "only a rough sign" in glossary
    muscle = _text(built_site / "muscles/gluteus-medius/index.html")
    assert "Greater trochanteric pain syndrome" in muscle and "under the muscle" not in muscle
    assert "Failed back surgery." not in muscle  # its own sentence, not a mimic in the list
