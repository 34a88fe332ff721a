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

    .venv/bin/python -m bench.report_bench --dashboard [--profile DIR] [--runs 9]
                                           [--json bench/results/report_dashboard.json]

The dashboard render mode builds the Reports page (ui/reports/page.py) offscreen, as the
profile's user first sees it, and times each run from creating the page to every chart
holding its data (the page's sig_loaded), and to the page painted once; a fresh page per
run. The budget is the same 1 s, at the median.
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


def render_dashboard(store: Store, runs: int) -> dict:
    """Build the Reports page `runs` times offscreen; ms to every chart's data, and painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import application
    from ui.reports.page import ReportsPage
    from ui.workspace import Workspace

    app = application(["report_bench"])
    ws = Workspace(store)
    compute_store(store, ReportFilter())  # warm the page cache, as a client already running has it
    data_ms, painted_ms, charts = [], [], 0
    for i in range(runs):
        started = time.perf_counter()
        page = ReportsPage(ws)
        page.resize(1440, 900)
        page.show()
        loaded: list[float] = []
        page.sig_loaded.connect(lambda _s: loaded.append(time.perf_counter()))
        page.start()
        while not loaded:
            app.processEvents()
            time.sleep(0.0005)
        page.repaint()  # lays out and paints the charts in view, as the screen would show them
        data_ms.append((loaded[0] - started) * 1000)
        painted_ms.append((time.perf_counter() - started) * 1000)
        charts = sum(1 for card in page.cards.values() if card.data is not None and card.chart.series())
        print(f"run {i + 1}/{runs}: every chart has data after {data_ms[-1]:.0f} ms, painted after "
              f"{painted_ms[-1]:.0f} ms ({charts} charts)", file=sys.stderr)
        page.deleteLater()
        app.processEvents()
    ws.ops.wait()
    return {"charts": charts, "role": ws.actor.role, "data_ms": [round(t, 1) for t in data_ms],
            "painted_ms": [round(t, 1) for t in painted_ms],
            "median_data_ms": round(statistics.median(data_ms), 1),
            "median_painted_ms": round(statistics.median(painted_ms), 1)}


def dashboard_main(args) -> int:
    with tempfile.TemporaryDirectory(prefix="ltc-report-bench-") as tmp:
        store = Store.open(args.profile) if args.profile else seeded(Path(tmp) / "profile", args.scale)
        try:
            with store.read() as s:
                rows = {t: s.execute(__import__("sqlalchemy").text(f"SELECT count(*) FROM {t}")).scalar()
                        for t in ("customers", "deals", "deal_stage_events", "activities")}
            result = render_dashboard(store, args.runs)
        finally:
            store.close()
    summary = {"benchmark": "report_dashboard", "at": clock.now_iso(), "rows": rows, "runs": args.runs,
               **result, "budget_ms": BUDGET_MS, "within_budget": result["median_painted_ms"] <= BUDGET_MS,
               "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "sqlite": sqlite3.sqlite_version, "load_1m": round(os.getloadavg()[0], 2)}}
    print(f"dashboard over {sum(rows.values()):,} rows, {args.runs} run(s), {result['charts']} charts: every chart "
          f"has data at a median {result['median_data_ms']:.0f} ms, painted at {result['median_painted_ms']:.0f} ms; "
          f"budget {BUDGET_MS:.0f} ms: {'within' if summary['within_budget'] else 'OVER'} budget "
          f"(load average {summary['machine']['load_1m']} on {os.cpu_count()} cores)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"  results: {args.json}")
    return 0 if summary["within_budget"] else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", type=Path, help="an existing seeded profile (default: seed a fresh one)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every seeded count (0.01: smoke run)")
    parser.add_argument("--dashboard", action="store_true", help="time the Reports page rendering (see above)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.runs < 1 or args.scale <= 0:
        parser.error("--runs must be at least 1 and --scale above 0")
    if args.dashboard:
        args.json = args.json or ROOT / "bench" / "results" / "report_dashboard.json"
        return dashboard_main(args)
    args.json = args.json or ROOT / "bench" / "results" / "report.json"
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
