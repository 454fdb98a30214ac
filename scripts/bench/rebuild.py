"""One `mkdocs serve`-style rebuild, through MkDocs' Python API: `python -m bench.rebuild PROJECT MUSCLE_FILE`.

Builds the project once (the hook's cache fills), edits one muscle file, reloads the configuration as
`mkdocs serve` does and builds again. Prints JSON: the time of both builds and the hook's share of each
(load + validate + render, `atlas.cache`). Run in its own process by `python -m bench`, with the
project's `scripts/` on PYTHONPATH.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from atlas.cache import shared


def _timed(method, spent: list[float]):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    return wrapper


def main(project: Path, muscle_file: Path) -> dict:
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    spent: list[float] = []
    shared.load_site = _timed(shared.load_site, spent)
    shared.render_site = _timed(shared.render_site, spent)
    site_dir = project / "site-rebuild"
    result = {}
    for run in ("first", "after_edit"):
        if run == "after_edit":
            text = muscle_file.read_text(encoding="utf-8")
            muscle_file.write_text(text.replace("summary: ", "summary: Edited. ", 1), encoding="utf-8")
        spent.clear()
        start = time.perf_counter()
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir)))
        result[run] = time.perf_counter() - start
        result[f"{run}_hook"] = sum(spent)
        result[f"{run}_parsed"], result[f"{run}_rendered"] = shared.parsed, shared.rendered
        shared.parsed = shared.rendered = 0
    return result


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
