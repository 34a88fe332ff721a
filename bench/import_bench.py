"""Import benchmark: the Maven CRM set (7 products, 41 users, 85 accounts, 8,800
opportunities) into a fresh profile through the shipped mapping and the services, all
or nothing; then the same set again (every record matched, nothing to change). The
target is well under a minute.

    .venv/bin/python -m bench.import_bench [--runs 3] [--json bench/results/import.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app import clock  # noqa: E402
from app.imports import ImportSource, parse_answers, plan_import, run_import  # noqa: E402
from app.store import Store  # noqa: E402

# The public data set, copied unchanged (defects included) into the repository.
DATA = ROOT / "resources" / "demo" / "maven-crm"
MAPPING = ROOT / "resources" / "mappings" / "maven-crm" / "set.json"
ANSWERS = {
    "accounts/industry/unknown_value/technolgy": "map:technology",
    "opportunities/product_id/unknown_reference/gtxpro": "map:GTX Pro",
    "opportunities/customer_id/missing_reference": "reject",
    "opportunities/lost_reason/missing_value": "set:other",
}
BUDGET_S = 60.0


def one_run() -> dict:
    answers = parse_answers(ANSWERS)
    with tempfile.TemporaryDirectory(prefix="ltc-import-bench-") as folder:
        store = Store.open(Path(folder) / "profile")
        try:
            started = time.perf_counter()
            plan_import(store, ImportSource.for_directory(DATA, MAPPING), answers)
            planned = time.perf_counter() - started
            started = time.perf_counter()
            first = run_import(store, ImportSource.for_directory(DATA, MAPPING), answers)
            whole = time.perf_counter() - started
            started = time.perf_counter()
            again = run_import(store, ImportSource.for_directory(DATA, MAPPING), answers)
            reimport = time.perf_counter() - started
        finally:
            store.close()
    assert first.status == again.status == "committed", (first.message, again.message)
    created = sum(s["created"] for s in first.steps)
    return {"plan_s": round(planned, 2), "import_s": round(whole, 2), "reimport_s": round(reimport, 2),
            "created": created, "records_per_s": round(created / whole)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "import.json")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        parser.error(f"no Maven data set at {DATA}")
    runs = []
    for i in range(args.runs):
        runs.append(one_run())
        print(f"run {i + 1}/{args.runs}: {runs[-1]}", file=sys.stderr)
    median = statistics.median(r["import_s"] for r in runs)
    summary = {"benchmark": "import", "at": clock.now_iso(), "data": "maven-crm", "runs": runs,
               "median_import_s": median, "median_reimport_s": statistics.median(r["reimport_s"] for r in runs),
               "median_plan_s": statistics.median(r["plan_s"] for r in runs), "budget_s": BUDGET_S,
               "within_budget": median <= BUDGET_S,
               "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "load_1m": round(os.getloadavg()[0], 2)}}
    print(f"Maven CRM import ({runs[0]['created']:,} records created through the services), {len(runs)} run(s): "
          f"median {median:.1f} s (plan alone {summary['median_plan_s']:.1f} s; re-import "
          f"{summary['median_reimport_s']:.1f} s); budget {BUDGET_S:.0f} s: "
          f"{'within' if summary['within_budget'] else 'OVER'} (load average {summary['machine']['load_1m']})")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"  results: {args.json}")
    return 0 if summary["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
