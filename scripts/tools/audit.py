"""`make audit`: Lighthouse (pinned in scripts/tools/lighthouse) on the home page and a muscle page, mobile defaults,
with the built site served with gzip on 127.0.0.1. Runs each page three times (AUDIT_RUNS) and prints every
run's four category scores, LCP and Total Blocking Time, then the median of each; the targets (issue 11) are
a median performance of 0.95 or more and 1.00 for the other three. Scores vary with the machine's load, so a
single run decides nothing. A measurement, not a test: it is not part of `make test`.

    python scripts/tools/audit.py SITE_DIR
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gzip_server import make_server  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "scripts" / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium as the browser tests run it (../shared/REFERENCE.md section 6).
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
PAGES = {"home": "", "muscle page": "muscles/gluteus-medius/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))


def audit(url: str, report_path: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
               f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(report_path.read_text())


def main(site_dir: str) -> int:
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `make audit` (it runs npm ci in scripts/tools/lighthouse)", file=sys.stderr)
        return 1
    server = make_server(site_dir)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    below_target = []
    with tempfile.TemporaryDirectory() as work:
        for name, path in PAGES.items():
            runs = []
            for run in range(1, RUNS + 1):
                result = audit(base + path, Path(work) / "report.json")
                scores = {c: result["categories"][c]["score"] for c in CATEGORIES}
                lcp = result["audits"]["largest-contentful-paint"]["numericValue"]
                tbt = result["audits"]["total-blocking-time"]["numericValue"]
                # Lighthouse's benchmark of this machine's CPU at the time: performance scores drop with it
                # when the machine is busy (its mobile defaults slow the CPU a further 4x).
                benchmark = result.get("environment", {}).get("benchmarkIndex")
                runs.append({**scores, "lcp": lcp, "tbt": tbt})
                print(f"{name} (/{path}) run {run}: " + ", ".join(f"{c} {s:.2f}" for c, s in scores.items())
                      + f"; LCP {lcp / 1000:.2f} s; TBT {tbt:.0f} ms; CPU benchmark index {benchmark}")
                for category in CATEGORIES:
                    for ref in result["categories"][category]["auditRefs"]:
                        audit_result = result["audits"][ref["id"]]
                        if ref["weight"] and audit_result["score"] is not None and audit_result["score"] < 1:
                            print(f"    {category}: {audit_result['title']} ({audit_result['score']})")
            median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
            print(f"{name} (/{path}) MEDIAN of {len(runs)}: "
                  + ", ".join(f"{c} {median[c]:.2f}" for c in CATEGORIES)
                  + f"; LCP {median['lcp'] / 1000:.2f} s; TBT {median['tbt']:.0f} ms")
            below_target += [f"{name} {c} {median[c]:.2f} < {t:.2f}" for c, t in TARGETS.items() if median[c] < t]
    server.shutdown()
    if below_target:
        print("below target (median): " + ", ".join(below_target))
    else:
        print("all targets met (median): performance >= 0.95, accessibility, best practices and SEO 1.00")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "site"))
