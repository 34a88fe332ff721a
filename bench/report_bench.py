"""KPI benchmark: every dashboard metric over the 600,000-row profile (100,000 customers,
200,000 deals with their stage histories, 300,000 activities); the budget is 1 s for all
of them together, at the median.

    .venv/bin/python -m bench.report_bench [--profile DIR] [--runs 9] [--scale 1.0]
                                           [--json bench/results/report.json]

Without --profile a fresh profile is seeded first (`main.py seed` with the same counts).
Each run computes all metrics twice, for all time and for the last twelve months, as the
dashboard does (app/reports/kpis.compute_store). Prints the medians and the share of each
shared aggregate (timed alone, one after the other), and writes them as JSON. Exit code 1
when a median is over budget.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `app` importable
    sys.path.insert(0, str(ROOT))

from app import clock  # noqa: E402
from app.reports import ReportFilter, compute_store  # noqa: E402
from app.reports.facts import HEAVY, Facts  # noqa: E402
from app.reports.filters import scope  # noqa: E402
from app.store import Store  # noqa: E402

FULL = {"customers": 100_000, "deals": 200_000, "activities": 300_000}
BUDGET_MS = 1000.0


def seeded(folder: Path, scale: float) -> Store:
    from app.seed import seed_profile

    store = Store.open(folder)
    counts = {k: max(1, round(v * scale)) for k, v in FULL.items()}
    report = seed_profile(store, **counts)
    print(f"seeded {report.rows:,} rows in {report.elapsed:.1f} s", file=sys.stderr)
    return store


def filters(store: Store) -> dict[str, ReportFilter]:
    from app.seed import REFERENCE_DATE

    with store.read() as s:
        latest = s.execute(__import__("sqlalchemy").text("SELECT max(closed_on) FROM deals")).scalar()
    end = dt.date.fromisoformat(latest) if latest else REFERENCE_DATE
    year = (end - dt.timedelta(days=364)).isoformat()
    return {"all_time": ReportFilter(as_of=end.isoformat()),
            "last_12_months": ReportFilter(date_from=year, date_to=end.isoformat())}


def parts(store: Store, f: ReportFilter) -> dict[str, float]:
    """Each shared aggregate timed alone (ms), to show where the time goes."""
    out = {}
    with store.read() as session:
        s = scope(session, f)
        for name in HEAVY:
            facts = Facts(session, s, store.dictionary())
            started = time.perf_counter()
            getattr(facts, name)
            out[name] = round((time.perf_counter() - started) * 1000, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", type=Path, help="an existing seeded profile (default: seed a fresh one)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every seeded count (0.01: smoke run)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "report.json")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.scale <= 0:
        parser.error("--runs must be at least 1 and --scale above 0")
    with tempfile.TemporaryDirectory(prefix="ltc-report-bench-") as tmp:
        store = Store.open(args.profile) if args.profile else seeded(Path(tmp) / "profile", args.scale)
        try:
            with store.read() as s:
                rows = {t: s.execute(__import__("sqlalchemy").text(f"SELECT count(*) FROM {t}")).scalar()
                        for t in ("customers", "deals", "deal_stage_events", "activities")}
            cases = filters(store)
            compute_store(store, cases["all_time"])  # warm the page cache, as a dashboard already open would be
            times: dict[str, list[float]] = {name: [] for name in cases}
            for i in range(args.runs):
                for name, f in cases.items():
                    started = time.perf_counter()
                    compute_store(store, f)
                    times[name].append((time.perf_counter() - started) * 1000)
                print(f"run {i + 1}/{args.runs}: " + ", ".join(f"{n} {t[-1]:.0f} ms" for n, t in times.items()),
                      file=sys.stderr)
            breakdown = {name: parts(store, f) for name, f in cases.items()}
        finally:
            store.close()
    medians = {name: round(statistics.median(t), 1) for name, t in times.items()}
    summary = {
        "benchmark": "report", "at": clock.now_iso(), "rows": rows, "runs": args.runs, "scale": args.scale,
        "metrics": "all 11 (app/reports/kpis.METRICS)", "median_ms": medians,
        "min_ms": {n: round(min(t), 1) for n, t in times.items()},
        "max_ms": {n: round(max(t), 1) for n, t in times.items()},
        "aggregates_alone_ms": breakdown, "budget_ms": BUDGET_MS,
        "within_budget": all(m <= BUDGET_MS for m in medians.values()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                    "platform": platform.platform(), "load_1m": round(os.getloadavg()[0], 2)},
    }
    print(f"all KPIs over {sum(rows.values()):,} rows ({', '.join(f'{n:,} {t}' for t, n in rows.items())}), "
          f"{args.runs} run(s):")
    for name, m in medians.items():
        print(f"  {name}: median {m:.0f} ms (min {summary['min_ms'][name]:.0f}, max {summary['max_ms'][name]:.0f}); "
              f"aggregates alone: " + ", ".join(f"{k} {v:.0f}" for k, v in breakdown[name].items()))
    print(f"  budget {BUDGET_MS:.0f} ms: {'within' if summary['within_budget'] else 'OVER'} budget "
          f"(load average {summary['machine']['load_1m']} on {os.cpu_count()} cores)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"  results: {args.json}")
    return 0 if summary["within_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
