"""Seed benchmark: 100,000 customers, 200,000 deals and 300,000 activities (plus their
stage histories) into a fresh profile, several times; the budget is 60 s a run.

    .venv/bin/python -m bench.seed_bench [--runs 3] [--scale 1.0] [--json bench/results/seed.json]

Prints the median, fastest and slowest run with rows/s and the database size, and
writes them as JSON. Exit code 1 when the median is over budget (the budget scales
with --scale, which shrinks every count for a smoke run).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `app` importable
    sys.path.insert(0, str(ROOT))

from app import clock  # noqa: E402
from app.seed import seed_profile  # noqa: E402
from app.store import Store  # noqa: E402

FULL = {"customers": 100_000, "deals": 200_000, "activities": 300_000}
BUDGET_S = 60.0


def one_run(counts: dict[str, int], seed: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="ltc-seed-bench-") as folder:
        store = Store.open(Path(folder) / "profile")
        try:
            report = seed_profile(store, seed=seed, **counts)
        finally:
            store.close()
    return report.as_dict()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every count (0.01 for a smoke run)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "seed.json")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.scale <= 0:
        parser.error("--runs must be at least 1 and --scale above 0")
    counts = {name: max(1, round(n * args.scale)) for name, n in FULL.items()}
    budget = BUDGET_S * args.scale
    runs = []
    for i in range(args.runs):
        result = one_run(counts, args.seed)
        runs.append(result)
        print(f"run {i + 1}/{args.runs}: {result['rows']:,} rows in {result['elapsed_s']:.1f} s "
              f"({result['rows_per_s']:,} rows/s), {result['db_mb']:.1f} MB", file=sys.stderr)
    times = [r["elapsed_s"] for r in runs]
    median = statistics.median(times)
    summary = {
        "benchmark": "seed", "at": clock.now_iso(), "counts": counts, "scale": args.scale, "seed": args.seed,
        "rows": runs[0]["rows"], "rows_by_entity": runs[0]["counts"], "runs": len(runs),
        "median_s": round(median, 3), "min_s": min(times), "max_s": max(times),
        "median_rows_per_s": round(runs[0]["rows"] / median), "db_mb": runs[0]["db_mb"],
        "budget_s": budget, "within_budget": median <= budget,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "sqlite": sqlite3.sqlite_version, "platform": platform.platform()},
        "detail": runs,
    }
    print(f"seed of {summary['rows']:,} rows ({', '.join(f'{n:,} {k}' for k, n in counts.items())} "
          f"+ stage events), {len(runs)} run(s):")
    print(f"  median {median:.1f} s, min {min(times):.1f} s, max {max(times):.1f} s; "
          f"{summary['median_rows_per_s']:,} rows/s at the median; database {summary['db_mb']:.1f} MB")
    verdict = "within" if summary["within_budget"] else "OVER"
    print(f"  budget {budget:.1f} s: {verdict} budget")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"  results: {args.json}")
    return 0 if summary["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
