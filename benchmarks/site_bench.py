"""Benchmark `orgspec site` on a synthetic org, the whole command as users run it.

    python benchmarks/site_bench.py --teams 5000      # also: python benchmarks/run.py --site

Measures `orgspec check` and `orgspec site` in fresh processes (wall and CPU time, user+sys,
because the machine may be shared), the files (folders included) and bytes written, the
built-in link checker, and 20 searches in headless Chromium from file:// (cold: a fresh page
per query; warm: the same query again), with the bytes of index files each query loaded.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

QUERIES = ["投诉", "订单", "退款申请", "广告投放", "数据安全", "物流", "促销", "支付接口", "库存",
           "用户反馈", "customer complaints", "refund", "payment gateway", "inventory alerts",
           "delivery", "promotions", "data security", "team-00042", "chen-00010", "华东区 refund"]


def run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+sys) of one fresh `orgspec` process; a failed run
    (exit 2 or more, or killed) stops the benchmark with its error output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "orgspec", *args], check=False,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode not in (0, 1):
        raise SystemExit(f"orgspec {' '.join(args)} failed ({done.returncode}): "
                         f"{done.stderr.decode('utf-8', 'replace')[-500:]}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def tree_size(root: Path) -> tuple[int, int]:
    """(files and folders, bytes of the files) under `root`."""
    entries = size = 0
    for folder, dirs, files in os.walk(root):
        entries += len(dirs) + len(files)
        size += sum(os.path.getsize(os.path.join(folder, f)) for f in files)
    return entries, size


def searches(site: Path) -> dict[str, Any]:
    chromium = os.environ.get("ORGSPEC_CHROMIUM") or shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    if not chromium:
        return {}
    cold, warm, loaded, hits = [], [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for q in QUERIES:
            page = browser.new_page()
            files: list[str] = []
            page.on("request", lambda r, files=files: files.append(r.url))
            page.goto((site / "404.html").as_uri())  # a page without the index
            page.add_script_tag(url=(site / "assets" / "search.js").as_uri())
            files.clear()
            t, n = page.evaluate("""async q => { const t = performance.now();
                const hits = await window.orgspecSearch(q);
                return [performance.now() - t, hits.length]; }""", q)
            cold.append(t)
            hits.append(n)
            loaded.append(sum(os.path.getsize(u.removeprefix("file://")) for u in files))
            warm.append(page.evaluate("""async q => { const t = performance.now();
                await window.orgspecSearch(q); return performance.now() - t; }""", q))
            page.close()
        browser.close()

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    return {"cold_p95_ms": p95(cold), "cold_max_ms": max(cold), "warm_p95_ms": p95(warm),
            "max_kb_per_query": max(loaded) / 1e3, "queries": len(QUERIES),
            "queries_with_hits": sum(1 for n in hits if n)}


def measure_site(teams: int) -> dict[str, Any]:
    from run import org_for

    from orgspec.site.links import check_links

    org = org_for(teams) / "teams"
    out = HERE / "out" / f"site-{teams}"
    check_wall, check_cpu = run(["check", str(org), "--isolated", "--exit-zero"])
    site_wall, site_cpu = run(["site", str(org), "-o", str(out), "--isolated"])
    entries, size = tree_size(out)
    start = time.perf_counter()
    broken = check_links(str(out))
    links = time.perf_counter() - start
    return {"teams": teams, "check_wall": check_wall, "check_cpu": check_cpu,
            "site_wall": site_wall, "site_cpu": site_cpu, "entries": entries,
            "mb": size / 1e6, "broken": len(broken), "linkcheck": links,
            "search": searches(out)}


def print_table(rows: list[dict[str, Any]]) -> None:
    print("| teams | check wall / CPU (s) | site wall / CPU (s) | CPU ratio | files+dirs | MB "
          "| broken links | link check (s) | search cold p95 / warm p95 (ms) | max KB/query |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        s = r["search"]
        found = (f"{s['cold_p95_ms']:.0f} / {s['warm_p95_ms']:.0f}" if s else "no chromium")
        print(f"| {r['teams']} | {r['check_wall']:.1f} / {r['check_cpu']:.1f} | "
              f"{r['site_wall']:.1f} / {r['site_cpu']:.1f} | "
              f"{r['site_cpu'] / r['check_cpu']:.2f}x | {r['entries']} | {r['mb']:.1f} | "
              f"{r['broken']} | {r['linkcheck']:.1f} | {found} | "
              f"{s.get('max_kb_per_query', 0):.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, nargs="+", default=[500, 5000])
    args = parser.parse_args()
    print_table([measure_site(t) for t in args.teams])


if __name__ == "__main__":
    main()
