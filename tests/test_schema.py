"""The schema accepts the real content and rejects each kind of bad input with a readable message."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from atlas import schema
from atlas.load import ContentError, load_site

from conftest import ROOT, edit, real_muscle

MUSCLE = "muscles/gluteus-medius.yml"
REVIEW = real_muscle().review


def test_real_content_is_valid():
    site = load_site(ROOT / "content")
    muscle = site.muscle("gluteus-medius")
    assert muscle.id == "gluteus-medius"
    assert [tp.id for tp in muscle.trigger_points.points] == ["tp1", "tp2", "tp3"]
    assert muscle.trigger_points.points[2].certainty == "less-certain"
    assert {"glute med", "hip abductor"} <= set(muscle.names.search_terms)


def line_of(content: Path, relative: str, needle: str) -> int:
    for number, line in enumerate((content / relative).read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


BAD_INPUTS = {
    "yaml syntax error": (
        MUSCLE, "  common: Gluteus medius\n", "  common: [Gluteus medius\n",
        ["content/muscles/gluteus-medius.yml", "YAML syntax error"],
    ),
    "missing field": (
        MUSCLE, "  nerve: The superior gluteal nerve, from the L4, L5 and S1 nerve roots.\n", "",
        ["content/muscles/gluteus-medius.yml: anatomy.nerve", "missing required field"],
    ),
    "unknown field": (
        MUSCLE, "  origin:", "  orign:",
        ["anatomy.orign (line", "unknown field"],
    ),
    "wrong type": (
        MUSCLE, "  hold_seconds: 30\n  both_sides: If", "  hold_seconds: thirty\n  both_sides: If",
        ["self_release.hold_seconds (line", "valid integer"],
    ),
    "hold range upside down": (
        "muscles/gluteus-minimus.yml", "  hold_seconds_max: 60\n", "  hold_seconds_max: 20\n",
        ["self_release (line", "hold_seconds_max (20) must be more than hold_seconds (30)"],
    ),
    "neighbours heading missing": (
        MUSCLE, "  with_neighbours_title: Together with gluteus minimus\n", "",
        ["content/muscles/gluteus-medius.yml: symptoms (line", "with_neighbours needs a with_neighbours_title"],
    ),
    "duplicate id": (
        "body-regions.yml", "  - id: side-of-thigh", "  - id: sacrum",
        ["content/body-regions.yml: regions[15].id (line", "duplicate body region id 'sacrum'"],
    ),
    "note boxes without a title": (
        MUSCLE, "  not_from_this_muscle_title: Pain further down the leg\n", "",
        ["trigger_points (line", "not_from_this_muscle needs not_from_this_muscle_title"],
    ),
    "unknown cross-link": (
        MUSCLE, "  - page: techniques/dry-needling\n", "  - page: techniques/cupping\n",
        ["related[2].page (line", "cross-link to unknown page 'techniques/cupping'"],
    ),
    "unknown section in cross-link": (
        MUSCLE, "  - page: for-clinicians#training", "  - page: for-clinicians#courses",
        ["related[3].page", "unknown section '#courses'"],
    ),
    "unknown exercise for a trigger point": (
        MUSCLE, "        exercises: [self-release, stretch]", "        exercises: [self-release, massage]",
        ["trigger_points.points[0].self_care.exercises[1] (line", "'self-release' or 'stretch'"],
    ),
    "unknown region": (
        MUSCLE, "{region: side-of-hip, zone: main}", "{region: hip-side, zone: main}",
        ["trigger_points.points[1].referred_pain[1].region (line", "unknown body region 'hip-side'"],
    ),
    "unknown reference": (
        MUSCLE, "  - davies-workbook\n  - namtpt-gluteus-medius\n", "  - davies-workbok\n  - namtpt-gluteus-medius\n",
        ["references[3] (line", "unknown reference id 'davies-workbok'"],
    ),
    "empty step list": (
        MUSCLE, "  steps:\n    - Lift the leg you want to stretch", "  steps: []\n  old_steps:\n    - Lift the leg you want to stretch",
        ["stretch.steps (line", "at least 1 item"],
    ),
    "bad date": (
        MUSCLE, f"  last_reviewed: {REVIEW.last_reviewed}", f"  last_reviewed: {REVIEW.last_reviewed.year}-13-24",
        ["review.last_reviewed (line", "valid date"],
    ),
    "next review before last review": (
        MUSCLE, f"  next_review_due: {REVIEW.next_review_due}",
        f"  next_review_due: {REVIEW.last_reviewed.replace(year=REVIEW.last_reviewed.year - 1)}",
        ["content/muscles/gluteus-medius.yml: review (line", "must be after last_reviewed"],
    ),
    "trigger point outside the muscle outline": (
        MUSCLE, "position: {x: 141, y: 61}", "position: {x: 60, y: 61}",
        ["content/muscles/gluteus-medius.yml: trigger_points.points[1].position (line",
         "trigger point 2 at (60, 61) lies outside the muscle's outline (body_map.outline)"],
    ),
    "trigger point off the map": (
        MUSCLE, "position: {x: 141, y: 61}", "position: {x: 141, y: 600}",
        ["trigger_points.points[1].position.y (line", "less than or equal to 520"],
    ),
    "muscle without an outline": (
        MUSCLE, "body_map:\n  view: back\n  outline:", "body_map:\n  view: back\n  shape:",
        ["body_map.outline", "missing required field", "body_map.shape", "unknown field"],
    ),
    "muscle without a view": (
        MUSCLE, "body_map:\n  view: back\n", "body_map:\n",
        ["content/muscles/gluteus-medius.yml: body_map.view (line", "missing required field"],
    ),
    "muscle in an unknown view": (
        MUSCLE, "body_map:\n  view: back\n", "body_map:\n  view: top\n",
        ["content/muscles/gluteus-medius.yml: body_map.view (line", "'back', 'front' or 'side'"],
    ),
    "muscle in an unknown body area": (
        MUSCLE, "body_area: buttock-and-hip", "body_area: bottom",
        ["content/muscles/gluteus-medius.yml: body_area (line", "unknown body area 'bottom'", "buttock-and-hip"],
    ),
    "region without views": (
        "body-regions.yml", "    views:\n      back:\n        points: [[86, 68]", "    viewz:\n      back:\n        points: [[86, 68]",
        ["content/body-regions.yml: regions[3].views", "missing required field"],
    ),
    "region in an unknown view": (
        "body-regions.yml", "      back:\n        points: [[86, 68]", "      behind:\n        points: [[86, 68]",
        ["content/body-regions.yml: regions[3].views.behind (line", "'back', 'front' or 'side'"],
    ),
    "region shape with two points": (
        "body-regions.yml", "points: [[86, 68], [114, 68], [112, 90], [106, 106], [100, 116], [94, 106], [88, 90]]",
        "points: [[86, 68], [114, 68]]",
        ["regions[3].views.back.points (line", "at least 3 items"],
    ),
    "region pin outside its shape": (
        "body-regions.yml", "pin: [99, 80]", "pin: [99, 150]",
        ["content/body-regions.yml: regions[3].views.back.pin (line", "the pin of 'sacrum' at (99, 150) lies outside"],
    ),
    "region pins too close": (
        "body-regions.yml", "pin: [116, 90]", "pin: [108, 84]",
        ["content/body-regions.yml: regions[3].views.back.pin (line", "from the pin of 'sacroiliac-joint'",
         "at least 16 apart"],
    ),
    "landmark dot with two points": (
        "body-map.yml", "points: [[117, 83]]", "points: [[117, 83], [118, 84]]",
        ["content/body-map.yml: views[0].landmarks[1] (line", "a dot needs exactly 1 point, got 2"],
    ),
    "view described twice": (
        "body-map.yml", "  - id: front\n", "  - id: back\n",
        ["content/body-map.yml: views[1].id (line", "the back view is described twice"],
    ),
    "paired landmark in the side view": (
        "body-map.yml", "        points: [[110, 468]]", "        paired: true\n        points: [[110, 468]]",
        ["content/body-map.yml: views[2] (line", "nothing in it can be paired"],
    ),
    "duplicate key": (
        MUSCLE, "  latin: Musculus gluteus medius\n", "  latin: Musculus gluteus medius\n  latin: Gluteus medius\n",
        ["names.latin (line", "appears twice"],
    ),
    # Issue 12: safety and citations.
    "stretch without a stop rule": (
        MUSCLE, "  stop_if:\n    - Pain, tingling or numbness goes down your leg.\n    - You feel sharp pain in the hip, groin or back.\n",
        "", ["stretch.stop_if (line", "missing required field"],
    ),
    "stretch without cautions": (
        MUSCLE, "  cautions:\n    - After a hip replacement", "  old_cautions:\n    - After a hip replacement",
        ["stretch", "cautions"],
    ),
    "pregnancy alternative without steps": (
        MUSCLE, "    name: A standing stretch with the leg crossed behind\n", "    name: A standing stretch with the leg crossed behind\n    steps: []\n    old:\n",
        ["stretch.pregnancy_alternative", "steps"],
    ),
    "book without a publisher": (
        "references.yml", "    publisher: Elsevier\n", "",
        ["content/references.yml", "a book reference needs publisher"],
    ),
    "unknown reference in the safety text": (
        "safety.yml", "when_to_get_help_sources: [nice-ng59,", "when_to_get_help_sources: [nice-ng58,",
        ["content/safety.yml: when_to_get_help_sources[0] (line", "unknown reference id 'nice-ng58'"],
    ),
    "a contact that is not an address": (
        "publisher.yml", "name: Trigger Point Atlas\n", "name: Trigger Point Atlas\ncontact: javascript:alert(1)\n",
        ["content/publisher.yml: contact (line"],
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_is_rejected_with_a_readable_message(content_copy: Path, case: str):
    relative, old, new, expected = BAD_INPUTS[case]
    edit(content_copy, relative, old, new)
    with pytest.raises(ContentError) as caught:
        load_site(content_copy)
    message = str(caught.value)
    for fragment in expected:
        assert fragment in message, message
    assert "Traceback" not in message
    assert message.startswith("Content error")


def test_error_names_the_right_line(content_copy: Path):
    edit(content_copy, MUSCLE, "{region: side-of-hip, zone: main}", "{region: hip-side, zone: main}")
    expected = line_of(content_copy, MUSCLE, "region: hip-side")
    with pytest.raises(ContentError) as caught:
        load_site(content_copy)
    assert f"(line {expected})" in str(caught.value)


def test_all_problems_are_reported_together(content_copy: Path):
    edit(content_copy, MUSCLE, "  origin:", "  orgin:")
    edit(content_copy, "glossary.yml", "  - id: femur\n    term: femur\n", "  - id: femur\n")
    with pytest.raises(ContentError) as caught:
        load_site(content_copy)
    # A misspelt key is both an unknown field and a missing one; the glossary gap is the third.
    assert {(p.file, p.field) for p in caught.value.problems} == {
        ("content/muscles/gluteus-medius.yml", "anatomy.orgin"),
        ("content/muscles/gluteus-medius.yml", "anatomy.origin"),
        ("content/glossary.yml", "terms[14].term"),
    }


def test_file_name_must_match_id(content_copy: Path):
    (content_copy / MUSCLE).rename(content_copy / "muscles/gluteus.yml")
    with pytest.raises(ContentError, match="must match the file name 'gluteus'"):
        load_site(content_copy)


def test_missing_site_file(content_copy: Path):
    (content_copy / "safety.yml").unlink()
    with pytest.raises(ContentError, match="content/safety.yml: file is missing"):
        load_site(content_copy)


def test_trigger_point_id_must_match_its_number():
    with pytest.raises(ValidationError, match="does not match number 2"):
        schema.TriggerPoint.model_validate(
            dict(id="tp1", number=2, title="x", position={"x": 1, "y": 1}, where="x", how_to_find=["x"],
                 referred_pain=[{"region": "sacrum", "zone": "main"}], pain_pattern="x",
                 how_common="x", certainty="well-described", certainty_note="x", sources=["x"])
        )


def test_text_is_folded_onto_one_line():
    term = schema.GlossaryTerm(id="x", term="x", definition="one\n\n# two  three")
    assert term.definition == "one # two three"
