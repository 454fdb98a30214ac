"""Templates and code are generic: a new muscle's pages say nothing about another muscle.

Two synthetic muscles are made from the real muscle's file with every piece of prose and every name
replaced by neutral text. Their pages and handouts are rendered with the real site; none may carry the
real muscle's names, the neighbours it names, its box titles or where its outline lies: those must come
from each muscle's own content, never from a template or from Python.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from atlas import pages, render
from atlas.load import load_site
from atlas.templating import escape_markdown

from conftest import ROOT

REAL = "gluteus-medius"


def _neutral(value, counter: list[int]):
    """Every value with a space in it (prose, names, titles) becomes "Neutral text N"; ids, numbers,
    dates and fixed vocabularies (one word each) stay, so the copy passes the same schema."""
    if isinstance(value, dict):
        return {key: _neutral(item, counter) for key, item in value.items()}
    if isinstance(value, list):
        return [_neutral(item, counter) for item in value]
    if isinstance(value, str) and " " in value.strip():
        counter[0] += 1
        return f"Neutral text {counter[0]}"
    return value


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory):
    content = tmp_path_factory.mktemp("generic") / "content"
    shutil.copytree(ROOT / "content", content)
    source = yaml.load((content / "muscles" / f"{REAL}.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    ids = ["synthetic-one", "synthetic-two"]
    counter = [0]
    for number, muscle_id in enumerate(ids, start=1):
        muscle = _neutral(copy.deepcopy(source), counter)
        muscle["id"] = muscle_id
        muscle["names"].update(common=f"Synthetic muscle {number}", latin=f"Musculus syntheticus {number}",
                               search_terms=[f"synthetic {number}"])
        muscle["names"].pop("short", None)
        muscle["related"] = [{"page": f"muscles/{ids[1 - (number - 1)]}#trigger-points", "why": "Neutral why."}]
        (content / "muscles" / f"{muscle_id}.yml").write_text(yaml.safe_dump(muscle, sort_keys=False),
                                                             encoding="utf-8")
    site = load_site(content)
    real = next(m for m in site.muscles if m.id == REAL)
    return site, real, [m for m in site.muscles if m.id in ids]


def _forbidden(real) -> list[str]:
    """What belongs to the real muscle only."""
    names = [real.names.common, real.names.latin, *real.names.search_terms]
    names += [real.names.short] if real.names.short else []
    names += [real.symptoms.with_neighbours_title, real.body_map.where]
    names += [real.trigger_points.not_from_this_muscle_title] if real.trigger_points.not_from_this_muscle_title else []
    names += re.findall(r"\bgluteus \w+", real.symptoms.with_neighbours_title, flags=re.I)
    return sorted({name.lower() for name in names})


def _own_text(markdown: str, references: set[str]) -> str:
    """The page without what every page shares: the glossary's tooltip lines and the cited works (the
    synthetic muscles cite the real muscle's sources, which name it)."""
    lines = []
    for line in markdown.splitlines():
        if line.startswith("json_ld: "):  # structured data: keep all but the cited works
            data = json.loads(json.loads(line.removeprefix("json_ld: ")))
            data.pop("citation", None)
            line = json.dumps(data)
        if not line.startswith("*["):
            lines.append(line)
    text = "\n".join(lines)
    for title in references:
        text = text.replace(escape_markdown(title), "")
    return text.lower()


def test_synthetic_muscles_carry_none_of_the_real_muscles_words(synthetic):
    site, real, made = synthetic
    forbidden = _forbidden(real)
    assert "pain further down the leg" in forbidden and "below the top of the hip bone" in forbidden
    renderer = render.Renderer(site)
    references = {text for r in site.references for text in (r.title, r.details) if text}
    for muscle in made:
        for page in (renderer.render_muscle_page(muscle), renderer.render_handout(muscle)):
            text = _own_text(page.markdown, references)
            found = [word for word in forbidden if word in text]
            assert not found, f"{page.path} carries {found}"
            assert muscle.names.common.lower() in text


def test_the_check_sees_a_name_spelled_out_in_a_template(synthetic, tmp_path: Path, monkeypatch):
    """Twin: a template that spells out the real muscle's neighbour is caught."""
    site, real, made = synthetic
    from atlas import templating

    templates = tmp_path / "templates"
    shutil.copytree(templating.TEMPLATES, templates)
    muscle_template = templates / "muscle.md.j2"
    text = muscle_template.read_text(encoding="utf-8")
    muscle_template.write_text(text.replace("{{ muscle.symptoms.with_neighbours_title }}",
                                            real.symptoms.with_neighbours_title), encoding="utf-8")
    monkeypatch.setattr(templating, "TEMPLATES", templates)
    page = render.Renderer(site).render_muscle_page(made[0])
    text = _own_text(page.markdown, {t for r in site.references for t in (r.title, r.details) if t})
    assert [word for word in _forbidden(real) if word in text]


def test_every_synthetic_page_is_in_the_registry(synthetic):
    site, _, made = synthetic
    registry = pages.of_site(site)
    for muscle in made:
        assert registry.of(muscle).title == muscle.names.common
        assert registry[pages.handout_id(muscle)].source == f"muscles/{muscle.id}.yml"
