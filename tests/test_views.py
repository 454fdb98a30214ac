"""Rules between muscles, views and places that only the whole content can check: each names the file,
the field and the line (atlas.map_checks)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from atlas.load import ContentError, load_site
from view_muscles import copy_with_view_muscles


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_with_view_muscles(tmp_path / "content")


def test_muscles_in_every_view_load(content: Path):
    site = load_site(content)
    assert {m.body_map.view for m in site.muscles} == {"back", "front", "side"}


def test_a_link_to_a_muscle_that_does_not_link_back_is_an_error(content: Path):
    path = content / "muscles" / "synthetic-side.yml"
    data = yaml.safe_load(path.read_text())
    data["related"] = [link for link in data["related"] if link["page"] != "muscles/synthetic-front"]
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(ContentError) as caught:
        load_site(content)
    message = str(caught.value)
    line = next(n for n, text in enumerate((content / "muscles/synthetic-front.yml").read_text().splitlines(), 1)
                if "page: muscles/synthetic-side" in text)
    assert f"content/muscles/synthetic-front.yml: related[4].page (line {line}): links to muscles/synthetic-side, " \
           "but content/muscles/synthetic-side.yml does not link back" in message
    assert len(caught.value.problems) == 1


def test_a_link_to_a_section_of_a_muscle_counts_as_a_link(content: Path):
    path = content / "muscles" / "synthetic-side.yml"
    path.write_text(path.read_text().replace("page: muscles/synthetic-front\n", "page: muscles/synthetic-front#tp2\n"))
    load_site(content)


def test_a_trigger_point_outside_its_outline_in_another_view_is_an_error(content: Path):
    path = content / "muscles" / "synthetic-side.yml"
    path.write_text(path.read_text().replace("x: '124'\n      y: '104'", "x: '60'\n      y: '104'"))
    with pytest.raises(ContentError, match=r"synthetic-side.yml: trigger_points.points\[0\].position \(line \d+\): "
                                           r"trigger point 1 at \(60, 104\) lies outside"):
        load_site(content)
