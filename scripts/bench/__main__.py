"""`python -m bench` (`make bench`): how the build's cost grows with the number of muscle pages.

For each size N it writes a throwaway copy of the project with N muscles (bench.synthetic) and measures,
each over several runs (min and median; the machine is shared, so min is the number to trust):

  ours   content load + validate + render alone, in this process (atlas.load + atlas.render)
  edit   the same after editing one muscle file, with atlas.cache warm (what `mkdocs serve` pays)
  build  the full `mkdocs build --strict`, as `make build` runs it
  plain  plain MkDocs on the same pages pre-rendered to Markdown (`python -m atlas render`), hook removed
  rss    peak memory (max RSS) of the build process

It prints a table, the cost per page, and PASS/FAIL for each budget of issue 7. `--check` makes a failed
budget exit non-zero. Environment: BENCH_SIZES=1,50,200 and BENCH_RUNS=2 set the defaults of --sizes/--runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from atlas import links, pages
from atlas.cache import SiteCache
from atlas.load import load_site
from atlas.render import render_site
from bench import synthetic

BUDGET_MS_PER_PAGE = 5.0
BUDGET_OVERHEAD = 1.15
BUDGET_OVERHEAD_AT = 200
BUDGET_GROWTH = 1.3
BUDGET_GROWTH_FROM, BUDGET_GROWTH_TO = 50, 500
BUDGET_RSS_MB = 1024


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _env(project: Path) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}


def run_process(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall and CPU seconds and max RSS in MB of one child process; stops the benchmark if it fails."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=cwd, env=_env(cwd), stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            sys.exit(f"{' '.join(args)} failed in {cwd}:\n{output.read().decode(errors='replace')[-3000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux reports kilobytes


def mkdocs_build(project: Path) -> tuple[float, float, float]:
    site_dir = project / "site"
    shutil.rmtree(site_dir, ignore_errors=True)
    return run_process([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], project)


def plain_copy(project: Path) -> Path:
    """The same site for plain MkDocs: generated pages written into docs/, the hook taken out."""
    plain = project.with_name(project.name + "-plain")
    shutil.copytree(project, plain, ignore=shutil.ignore_patterns("site", "site-*"))
    run_process([sys.executable, "-m", "atlas", "--content", str(plain / "content"), "render", str(plain / "docs"),
                 "--site-url", links.DEFAULT_SITE_URL], plain)
    # The hook taken out, and the menu it would make written out: mkdocs.yml inherits the real config.
    from mkdocs.config import load_config

    (plain / "mkdocs.yml").rename(plain / "mkdocs-with-hook.yml")
    nav = load_config(str(plain / "mkdocs-with-hook.yml")).nav
    nav = pages.nav_with_muscles(nav, pages.of_site(load_site(plain / "content")))
    config = {"INHERIT": "mkdocs-with-hook.yml", "hooks": [], "nav": nav}
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return plain


def timed(function, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each run. CPU time is what the work costs; wall time includes waiting
    for a core, which on a shared machine can be most of it."""
    wall, cpu = [], []
    for _ in range(runs):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    return wall, cpu


def add_theme_feature(project: Path, feature: str) -> None:
    """Turn on a Material feature in the copy's mkdocs.yml (to measure, say, `navigation.prune`)."""
    config = project / "mkdocs.yml"
    text, count = re.subn(r"^(  features:\n)", rf"\1    - {feature}\n", config.read_text(encoding="utf-8"), flags=re.M)
    if count != 1:
        sys.exit(f"{config}: no theme features: list to add {feature} to")
    config.write_text(text, encoding="utf-8")


def measure(size: int, runs: int, builds: int, workdir: Path, rebuild: bool, features: list[str]) -> dict:
    """All numbers for one size; `builds=0` measures our part only."""
    project = synthetic.make_project(workdir / f"n{size}", size)
    for feature in features:
        add_theme_feature(project, feature)
    content = project / "content"
    result: dict = {"n": size, "pages": len(render_site(load_site(content)))}

    log(f"N={size}: load + validate + render, {runs} runs")
    result["ours"], result["ours_cpu"] = timed(lambda: render_site(load_site(content)), runs)

    log(f"N={size}: the same after editing one muscle, cache warm, {runs} runs")
    cache = SiteCache()
    cache.render_site(cache.load_site(content))
    edited = content / "muscles" / (f"{synthetic.muscle_id(size // 2)}.yml" if size > 1 else "gluteus-medius.yml")

    def edit_and_rebuild():
        edited.write_text(edited.read_text(encoding="utf-8").replace("summary: ", "summary: Edited. ", 1),
                          encoding="utf-8")
        cache.render_site(cache.load_site(content))

    cache.parsed = cache.rendered = 0
    result["edit"], result["edit_cpu"] = timed(edit_and_rebuild, runs)
    result["edit_parsed"], result["edit_rendered"] = cache.parsed / runs, cache.rendered / runs
    del cache

    for kind, where in (("build", project), ("plain", plain_copy(project))) if builds else ():
        for run in range(builds):
            log(f"N={size}: {'mkdocs build' if kind == 'build' else 'plain mkdocs build (no hook)'} {run + 1}/{builds}")
            seconds, cpu, rss = mkdocs_build(where)
            for key, value in ((kind, seconds), (f"{kind}_cpu", cpu), (f"{kind}_rss", rss)):
                result.setdefault(key, []).append(value)

    if rebuild and builds:
        log(f"N={size}: mkdocs rebuild after editing one muscle (Python API, hook cache warm)")
        output = subprocess.run(
            [sys.executable, "-m", "bench.rebuild", str(project), str(edited)],
            cwd=project, env=_env(project), capture_output=True, text=True)
        if output.returncode != 0:
            sys.exit(f"bench.rebuild failed:\n{output.stderr[-3000:]}")
        result["rebuild"] = json.loads(output.stdout.strip().splitlines()[-1])
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(project.with_name(project.name + "-plain"), ignore_errors=True)
    return result


# --- report ---------------------------------------------------------------------


def _s(values: list[float]) -> str:
    return f"{min(values):7.2f} {statistics.median(values):7.2f}"


def report(results: list[dict]) -> list[tuple[str, bool, str]]:
    built = {r["n"] for r in results if "build" in r}
    for r in results:  # --no-builds: the build columns print as nan
        for key in ("build", "plain", "build_cpu", "plain_cpu", "build_rss", "plain_rss"):
            r.setdefault(key, [math.nan])
    print("\nours = load + validate + render (in process); edit = the same after editing one muscle, cache warm;")
    print("build = mkdocs build --strict with our hook; plain = the same pages, pre-rendered, without it.")
    print("\nWall-clock seconds, min and median of the runs:")
    print(f"{'N':>4} {'pages':>5} {'runs':>4} | {'ours':>7} {'median':>7} | {'edit':>7} {'median':>7} | "
          f"{'build':>7} {'median':>7} | {'plain':>7} {'median':>7} | {'b/c':>5}")
    for r in results:
        print(f"{r['n']:>4} {r['pages']:>5} {len(r['build']):>4} | {_s(r['ours'])} | {_s(r['edit'])} | "
              f"{_s(r['build'])} | {_s(r['plain'])} | {min(r['build']) / min(r['plain']):5.3f}")
    print("\nCPU seconds (min of the runs; not inflated by other load on the machine), cost per muscle page, memory:")
    print(f"{'N':>4} | {'ours':>6} {'ms/page':>7} | {'edit':>6} | {'build':>7} {'ms/page':>7} | {'plain':>7} "
          f"{'ms/page':>7} | {'b/c':>5} | {'RSS MB':>6} {'plain':>6}")
    for r in results:
        n = r["n"]
        print(f"{n:>4} | {min(r['ours_cpu']):6.2f} {1000 * min(r['ours_cpu']) / n:7.2f} | {min(r['edit_cpu']):6.3f} | "
              f"{min(r['build_cpu']):7.2f} {1000 * min(r['build_cpu']) / n:7.0f} | {min(r['plain_cpu']):7.2f} "
              f"{1000 * min(r['plain_cpu']) / n:7.0f} | {min(r['build_cpu']) / min(r['plain_cpu']):5.3f} | "
              f"{max(r['build_rss']):6.0f} {max(r['plain_rss']):6.0f}")
    print("\nEdit one muscle with the cache warm: files parsed again and pages rendered again per rebuild; "
          "a mkdocs rebuild through its Python API (the hook's share in brackets):")
    for r in results:
        line = f"  N={r['n']:>3}: {r['edit_parsed']:.0f} file parsed, {r['edit_rendered']:.0f} page(s) rendered"
        if "rebuild" in r:
            rb = r["rebuild"]
            line += (f"; first build {rb['first']:.2f} s (hook {rb['first_hook']:.2f} s), rebuild after the edit "
                     f"{rb['after_edit']:.2f} s (hook {rb['after_edit_hook']:.3f} s: {rb['after_edit_parsed']} "
                     f"parsed, {rb['after_edit_rendered']} rendered)")
        print(line)

    by_n = {r["n"]: r for r in results}
    verdicts = []

    def verdict(name: str, cpu: float, wall: float, limit: float, unit: str, strict: bool = True) -> None:
        ok = cpu < limit if strict else cpu <= limit
        verdicts.append((name, ok, f"{cpu:.3g}{unit} CPU ({wall:.3g}{unit} wall)"))

    for r in results:
        if r["n"] >= 50:
            verdict(f"load+validate+render under {BUDGET_MS_PER_PAGE:g} ms per muscle page at N={r['n']}",
                    1000 * min(r["ours_cpu"]) / r["n"], 1000 * min(r["ours"]) / r["n"], BUDGET_MS_PER_PAGE, " ms")
    if BUDGET_OVERHEAD_AT in built:
        r = by_n[BUDGET_OVERHEAD_AT]
        verdict(f"build / plain MkDocs at most {BUDGET_OVERHEAD} at N={BUDGET_OVERHEAD_AT}",
                min(r["build_cpu"]) / min(r["plain_cpu"]), min(r["build"]) / min(r["plain"]), BUDGET_OVERHEAD, "",
                strict=False)
    if BUDGET_GROWTH_FROM in by_n and BUDGET_GROWTH_TO in by_n:
        small, large = by_n[BUDGET_GROWTH_FROM], by_n[BUDGET_GROWTH_TO]
        for kind, what in (("build", "mkdocs build"), ("ours", "load+validate+render")):
            if kind == "build" and not {BUDGET_GROWTH_FROM, BUDGET_GROWTH_TO} <= built:
                continue
            def growth(key: str) -> float:
                return (min(large[key]) / large["n"]) / (min(small[key]) / small["n"])

            verdict(f"{what}: cost per page at N={BUDGET_GROWTH_TO} at most {BUDGET_GROWTH}x N={BUDGET_GROWTH_FROM}",
                    growth(f"{kind}_cpu"), growth(kind), BUDGET_GROWTH, "x", strict=False)
    if BUDGET_GROWTH_TO in built:
        rss = max(by_n[BUDGET_GROWTH_TO]["build_rss"])
        verdicts.append((f"peak memory of mkdocs build under {BUDGET_RSS_MB} MB at N={BUDGET_GROWTH_TO}",
                         rss < BUDGET_RSS_MB, f"{rss:.0f} MB"))
    print("\nBudgets (issue 7), judged on CPU time:")
    for name, ok, value in verdicts:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}: {value}")
    return verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1,50,200,500"),
                        help="numbers of muscles, comma-separated (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")),
                        help="runs of each in-process measurement, and of each build below N=200 (default: %(default)s)")
    parser.add_argument("--large-runs", type=int, default=int(os.environ.get("BENCH_LARGE_RUNS", "2")),
                        help="runs of each build at N>=200, a minute or more each (default: %(default)s)")
    parser.add_argument("--rebuild-sizes", default=os.environ.get("BENCH_REBUILD_SIZES", "50,200"),
                        help="sizes at which to time a mkdocs rebuild after an edit (default: %(default)s)")
    parser.add_argument("--theme-feature", action="append", default=[], metavar="FEATURE",
                        help="build with this Material feature added, e.g. navigation.prune (repeatable)")
    parser.add_argument("--no-builds", action="store_true", help="measure our part only (load, render, edit)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers to this file")
    parser.add_argument("--check", action="store_true", help="exit non-zero if a budget fails")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # the table after the progress lines, not before
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the temporary copies are removed
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rebuild_sizes = {int(s) for s in args.rebuild_sizes.split(",") if s.strip()}

    started = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as workdir:
        for size in sizes:
            builds = 0 if args.no_builds else args.large_runs if size >= 200 else args.runs
            results.append(measure(size, args.runs, builds, Path(workdir), size in rebuild_sizes,
                                   args.theme_feature))
            log(f"N={size} done ({time.perf_counter() - started:.0f} s so far)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    if args.theme_feature:
        print(f"\nBuilt with Material features added to mkdocs.yml: {', '.join(args.theme_feature)}")
    verdicts = report(results)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    return 1 if args.check and not all(ok for _, ok, _ in verdicts) else 0


if __name__ == "__main__":
    sys.exit(main())
