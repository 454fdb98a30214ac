"""Load + validate + render once in a fresh process: `python -m bench.cold CONTENT_DIR` prints JSON.

What a cold `mkdocs build` pays for our part (imports and Jinja's template compiling not counted, the QR
disk cache as a second build finds it). Run in its own process by `python -m bench`, with the project's
`scripts/` on PYTHONPATH.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from atlas.load import load_site
from atlas.render import render_site


def main(content: Path) -> None:
    start, start_cpu = time.perf_counter(), time.process_time()
    render_site(load_site(content))
    print(json.dumps({"wall": time.perf_counter() - start, "cpu": time.process_time() - start_cpu}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
