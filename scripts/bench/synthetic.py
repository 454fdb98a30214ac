"""Synthetic, schema-valid content for benchmarks: N muscles derived from the real muscle file.

Each synthetic muscle is a deep copy of `content/muscles/gluteus-medius.yml` with a new id and names,
its prose reworded to a similar length, its body regions mapped onto a larger vocabulary (new regions are
added to the copy's `body-regions.yml`), and one more cross-link, to its neighbour. The copy is generic:
a field added to the muscle file later is carried over without a change here. Everything is written into
a throwaway copy of the project, never into the real `content/`.
"""

from __future__ import annotations

import copy
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "overrides", "scripts")
SOURCE_MUSCLE = "gluteus-medius"
REGIONS_PER_MUSCLE = 0.2
"""New body regions per synthetic muscle: a real atlas names far more places than the first muscle needs."""

_WORD = re.compile(r"^[A-Za-z][A-Za-z'’(),.;:-]+$")


def copy_project(target: Path, source: Path = ROOT) -> Path:
    """A throwaway copy of everything a build reads (as tests/conftest.py `copy_project`)."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / part, target / part)
    return target


def muscle_id(number: int) -> str:
    return f"synthetic-{number:03d}"


def add_muscles(project: Path, count: int, seed: int = 7) -> list[str]:
    """Grow `project` (a copy) to `count` muscles: the real one plus `count - 1` synthetic ones.

    Returns the ids of the new muscles. New regions go into the copy's region vocabulary; the hook lists
    the new pages in the menu (atlas.pages.nav_with_muscles), so `mkdocs build --strict` passes.
    """
    content = project / "content"
    rng = random.Random(seed)
    source = _read(content / "muscles" / f"{SOURCE_MUSCLE}.yml")
    regions_file = content / "body-regions.yml"
    regions_data = _read(regions_file)
    regions = regions_data["regions"]
    source_regions = {r["id"] for r in regions}
    free_pins = _free_pins(regions)
    for number in range(1, round((count - 1) * REGIONS_PER_MUSCLE) + 1):
        region = copy.deepcopy(regions[number % len(regions)])
        region.update(_reword_all(region, rng))
        region["id"] = f"synthetic-region-{number:03d}"
        region["name"] = f"Synthetic region {number}"
        # Its own small square on the back view, at a free place of the finder's map (pins must not touch).
        x, y = free_pins.pop(0)
        square = [[str(x - 6), str(y - 6)], [str(x + 6), str(y - 6)], [str(x + 6), str(y + 6)], [str(x - 6), str(y + 6)]]
        region["paired"] = "false"
        region["views"] = {"back": {"points": square, "pin": [str(x), str(y)]}}
        regions.append(region)
    region_pool = [r["id"] for r in regions]

    ids = [muscle_id(n) for n in range(1, count)]
    previous = SOURCE_MUSCLE
    written = {SOURCE_MUSCLE: copy.deepcopy(source)}
    for number, new_id in enumerate(ids, start=1):
        muscle = _reword_all(copy.deepcopy(source), rng)
        muscle["id"] = new_id
        names = muscle["names"]
        names["common"] = f"Synthetic muscle {number}"
        names["latin"] = f"Musculus syntheticus {number}"
        if "short" in names:
            names["short"] = f"SM{number}"
        mapping = dict(zip(sorted(source_regions), rng.sample(region_pool, len(source_regions))))
        muscle = _map_values(muscle, mapping)
        _own_pictures(muscle, number)
        # The real muscle's own links to other muscles would need links back from those muscles: not copied.
        muscle["related"] = [r for r in muscle["related"] if not r["page"].startswith("muscles/")]
        link = copy.deepcopy(source["related"][0])
        link.update(_reword_all(link, rng))
        link["page"] = f"muscles/{previous}#trigger-points"
        muscle["related"].append(link)
        # Links between muscles go both ways (atlas.map_checks): the neighbour links back.
        written[previous]["related"].append({**link, "page": f"muscles/{new_id}"})
        written[new_id] = muscle
        previous = new_id
    for written_id, muscle in written.items():
        _write(content / "muscles" / f"{written_id}.yml", muscle)
    _write(regions_file, regions_data)
    return ids


def _own_pictures(value: Any, number: int) -> None:
    """Turn the head a few degrees in every exercise picture, so each synthetic muscle's pictures are its own
    to solve and draw, as a real muscle's are (atlas.pose_cache would otherwise share the real one's)."""
    if isinstance(value, list):
        for item in value:
            _own_pictures(item, number)
    elif isinstance(value, dict):
        for picture in value.get("pictures", []):
            neck = picture.setdefault("joints", {}).setdefault("neck", {})
            turn = float(neck.get("turn", "0"))
            step = number % 9 + 1
            neck["turn"] = str(turn - step if turn > 0 else turn + step)
        for item in value.values():
            _own_pictures(item, number)


def _free_pins(regions: list[dict]) -> list[tuple[int, int]]:
    """Places on the back view's finder map at least 16 units from every pin of the content."""
    taken = [tuple(float(v) for v in r["views"]["back"]["pin"]) for r in regions if "back" in r["views"]]
    grid = [(x, y) for y in range(20, 500, 16) for x in range(40, 161, 16)]
    return [(x, y) for x, y in grid if all((x - a) ** 2 + (y - b) ** 2 >= 16 ** 2 for a, b in taken)]


def make_project(target: Path, count: int, seed: int = 7) -> Path:
    """A copy of the project with `count` muscles."""
    copy_project(target)
    add_muscles(target, count, seed)
    return target


# --- rewording ----------------------------------------------------------------


def _is_prose(text: str) -> bool:
    """Sentences, not ids, dates, numbers or drawing data (which must be copied unchanged)."""
    words = text.split()
    return len(words) >= 3 and sum(bool(_WORD.match(w)) for w in words) >= 0.6 * len(words)


def _reword(text: str, rng: random.Random) -> str:
    """The same words in a new order, 75-125 % as long, so page sizes stay like the real one's."""
    words = text.split()
    length = max(3, round(len(words) * rng.uniform(0.75, 1.25)))
    new = [rng.choice(words) for _ in range(length)]
    sentence = " ".join(new).rstrip(".")
    return sentence[0].upper() + sentence[1:] + "."


def _reword_all(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        return {k: _reword_all(v, rng) for k, v in value.items()}
    if isinstance(value, list):
        return [_reword_all(v, rng) for v in value]
    if isinstance(value, str) and _is_prose(value):
        return _reword(value, rng)
    return value


def _map_values(value: Any, mapping: dict[str, str]) -> Any:
    """Replace every scalar equal to a key of `mapping` (region ids, wherever a field holds one)."""
    if isinstance(value, dict):
        return {k: _map_values(v, mapping) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_values(v, mapping) for v in value]
    return mapping.get(value, value) if isinstance(value, str) else value


# --- files ----------------------------------------------------------------------


def _read(path: Path) -> Any:
    # Every scalar a string, as atlas.load reads it: dates, numbers and booleans survive the round trip.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _write(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")
