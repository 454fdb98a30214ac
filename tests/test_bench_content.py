"""The benchmark's synthetic content is real content: it passes the schema and a strict build."""

from __future__ import annotations

from pathlib import Path

import yaml

from atlas.load import load_site
from bench import synthetic
from conftest import mkdocs


def _prose_length(data) -> int:
    if isinstance(data, dict):
        return sum(_prose_length(v) for v in data.values())
    if isinstance(data, list):
        return sum(_prose_length(v) for v in data)
    return len(data) if isinstance(data, str) and " " in data else 0


def test_synthetic_muscles_are_schema_valid_and_like_the_real_one(tmp_path: Path):
    project = synthetic.make_project(tmp_path / "project", 6)
    site = load_site(project / "content")  # raises ContentError on any schema or cross-file problem
    made = [m for m in site.muscles if m.id.startswith("synthetic-")]
    assert [m.id for m in made] == [synthetic.muscle_id(n) for n in range(1, 6)]
    real = site.muscle(synthetic.SOURCE_MUSCLE)
    region_ids = {r.id for r in site.regions}
    for number, muscle in enumerate(made, start=1):
        assert muscle.names.common == f"Synthetic muscle {number}"
        assert muscle.summary != real.summary
        assert len(muscle.trigger_points.points) == len(real.trigger_points.points)
        # a cross-link to its neighbour, which the schema's cross-file rules checked
        previous = synthetic.muscle_id(number - 1) if number > 1 else "gluteus-medius"
        assert f"muscles/{previous}#trigger-points" in [link.page for link in muscle.related]
        assert {r.region for tp in muscle.trigger_points.points for r in tp.referred_pain} <= region_ids
    assert any(r.startswith("synthetic-region-") for r in region_ids)
    source = yaml.load((synthetic.ROOT / "content/muscles/gluteus-medius.yml").read_text(), Loader=yaml.BaseLoader)
    copy = yaml.load((project / "content/muscles/synthetic-003.yml").read_text(), Loader=yaml.BaseLoader)
    assert set(copy) == set(source)  # every field carried over, including ones added later
    assert 0.6 < _prose_length(copy) / _prose_length(source) < 1.4


def test_real_content_is_untouched_and_the_copy_builds_strictly(tmp_path: Path):
    before = sorted(p.name for p in (synthetic.ROOT / "content/muscles").iterdir())
    project = synthetic.make_project(tmp_path / "project", 3)
    assert sorted(p.name for p in (synthetic.ROOT / "content/muscles").iterdir()) == before
    result = mkdocs("build", "--strict", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Synthetic muscle 2" in (tmp_path / "site/muscles/synthetic-002/index.html").read_text()
    # in the menu, with no edit of mkdocs.yml (the menu is pruned: a muscle page lists the other muscles)
    assert (project / "mkdocs.yml").read_text() == (synthetic.ROOT / "mkdocs.yml").read_text()
    assert 'href="../synthetic-002/"' in (tmp_path / "site/muscles/synthetic-001/index.html").read_text()
