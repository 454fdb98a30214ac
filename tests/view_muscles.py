"""Muscles drawn in each view, for tests: copies of the real muscle file moved to the front view, the side
view and the back of the legs, with pain in places seen only in other views, so that every kind of figure
(one panel, two, three; both sides; a view that is not mirrored) is drawn from content that loads."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import yaml

from conftest import ROOT

SOURCE = "gluteus-medius"

MUSCLES = {
    # Like iliopsoas: from the front, pain in the front of the thigh and groin (front) and the low back (back).
    "synthetic-front": {
        "view": "front",
        "outline": [[108, 20], [118, 22], [122, 60], [146, 62], [150, 84], [136, 118], [126, 160], [116, 158],
                    [110, 110], [106, 60]],
        "points": [
            ((136, 80), [("lower-back", "main"), ("sacroiliac-joint", "main"), ("front-of-thigh", "main"),
                         ("groin", "main"), ("upper-buttock", "spillover")], True),
            ((122, 140), [("front-of-thigh", "main"), ("groin", "spillover")], False),
        ],
    },
    # Like tensor fasciae latae: from the side, pain at the front and side of the hip and down to the knee.
    "synthetic-side": {
        "view": "side",
        "outline": [[116, 84], [130, 88], [134, 120], [128, 176], [118, 178], [110, 130]],
        "points": [
            ((124, 104), [("front-of-hip", "main"), ("side-of-hip", "main"), ("side-of-thigh", "spillover"),
                          ("outer-knee", "spillover")], False),
        ],
    },
    # Like gluteus minimus: from behind, pain down the side of the leg to the foot (side, front) and calf.
    "synthetic-back": {
        "view": "back",
        "outline": [[120, 96], [142, 88], [160, 100], [164, 124], [150, 130], [128, 122]],
        "points": [
            ((150, 108), [("lower-buttock-outer", "main"), ("side-of-thigh", "main"), ("outer-knee", "spillover"),
                          ("outer-lower-leg", "spillover"), ("top-of-foot", "spillover")], False),
            ((134, 112), [("lower-buttock-inner", "main"), ("back-of-thigh", "main"), ("calf", "spillover"),
                          ("back-of-knee", "spillover")], False),
            ((140, 104), [("testicle", "main")], False),
        ],
    },
}
"""id: view, outline, and per trigger point its position, its pain (region, zone) and whether on both sides."""


def write_view_muscles(content: Path) -> list[str]:
    """Add the muscles to a copy of content/, linked to each other both ways. Returns their ids."""
    source = yaml.load((ROOT / "content" / "muscles" / f"{SOURCE}.yml").read_text(), Loader=yaml.BaseLoader)
    ids = list(MUSCLES)
    for muscle_id, spec in MUSCLES.items():
        muscle = copy.deepcopy(source)
        muscle["id"] = muscle_id
        muscle["names"]["common"] = muscle_id.replace("-", " ").capitalize()
        muscle["body_map"] = {"view": spec["view"], "outline": [[str(x), str(y)] for x, y in spec["outline"]],
                              "where": f"where a muscle seen {spec['view']} lies"}
        points = []
        template = source["trigger_points"]["points"][0]
        for number, ((x, y), pain, both) in enumerate(spec["points"], start=1):
            point = copy.deepcopy(template)
            point.pop("figure_note", None)
            point.update(id=f"tp{number}", number=str(number), position={"x": str(x), "y": str(y)},
                         referred_pain=[{"region": region, "zone": zone} for region, zone in pain])
            if both:
                point["both_sides"] = "true"
            points.append(point)
        muscle["trigger_points"]["points"] = points
        # The real muscle's links to other real muscles would need links back: not copied.
        muscle["related"] = [r for r in muscle["related"] if not r["page"].startswith("muscles/")]
        muscle["related"] += [{"page": f"muscles/{other}", "why": "A neighbour, for the tests."}
                              for other in ids if other != muscle_id]
        (content / "muscles" / f"{muscle_id}.yml").write_text(yaml.safe_dump(muscle, sort_keys=False))
    return ids


def copy_with_view_muscles(target: Path) -> Path:
    shutil.copytree(ROOT / "content", target)
    write_view_muscles(target)
    return target
