"""Every performance budget of DESIGN.md in one run: `make bench`.

    .venv/bin/python -m bench.run [--smoke] [--only SECTION ...] [--load-backends sqlite,postgres,postgres2]
                                  [--json bench/results/latest.json]

Sections, in order (each measured on generated data, `seed`):
  reference   raw sqlite3 executemany inserts and orjson encode/decode (bench/reference.py)
  sync        first sync of 100,000 customers, 200,000 deals, 300,000 activities (and the
              deals' stage histories) from a real server process, no-op sync, a sync
              pushing 1,000 queued edits, the client's peak memory (bench/sync_bench.py)
  ui          on the profile the first sync filled: list first paint, search p95, cold
              start, longest GUI stall while scrolling (bench/ui_bench.py)
  dashboard   every KPI of the dashboard on the same profile (bench/report_bench.py)
  load        50 clients for 60 s on SQLite, PostgreSQL and two servers sharing
              PostgreSQL, with the proofs of bench/load.py

Prints a table (what, measured, budget, verdict, vs reference, load average) and writes
it with every detail as JSON. Each sync figure is also given as a fraction of the raw
sqlite3 insert rate on this machine (rows, mutations or whole syncs per second divided by
raw rows per second; the first sync also of the orjson decode rate), so runs on different
machines compare. `--smoke` runs everything at a small size in well under a minute (the
test suite does, so the runner cannot rot); its verdicts are not budgets. Exit code 1 when
a measurement fails, or (full size) a budget is missed.
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
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SECTIONS = ("reference", "sync", "ui", "dashboard", "load")
FULL = {"customers": 100_000, "deals": 200_000, "activities": 300_000}
SIZES = {
    "full": {"scale": 1.0, "runs": 3, "noop": 20, "cold_runs": 3, "kpi_runs": 9, "reference_rows": 200_000,
             "clients": 50, "seconds": 60.0, "backends": ("sqlite", "postgres", "postgres2")},
    "smoke": {"scale": 0.005, "runs": 1, "noop": 5, "cold_runs": 1, "kpi_runs": 1, "reference_rows": 20_000,
              "clients": 4, "seconds": 3.0, "backends": ("sqlite",)},
}


def load_1m() -> float:
    return round(os.getloadavg()[0], 2)


class Table:
    """The rows of the verdict table, also kept for the JSON."""

    def __init__(self, smoke: bool = False):
        self.rows: list[dict] = []
        self.smoke = smoke

    def add(self, key: str, what: str, measured, unit: str, budget: str | None, ok: bool | None,
            vs_reference: str | None = None, note: str | None = None) -> None:
        verdict = "reference" if budget is None and ok is None else ("ok" if ok else "OVER")
        if self.smoke and verdict in ("ok", "OVER"):
            verdict += " (smoke)"  # small sizes: the budgets are for the full size
        self.rows.append({"key": key, "what": what, "measured": measured, "unit": unit, "budget": budget,
                          "verdict": verdict, "vs_reference": vs_reference, "note": note, "load_1m": load_1m()})

    def failed(self, key: str, what: str, reason: str) -> None:
        self.rows.append({"key": key, "what": what, "measured": None, "unit": "", "budget": None,
                          "verdict": reason, "vs_reference": None, "note": None, "load_1m": load_1m()})

    def print(self, out=sys.stdout) -> None:
        def fmt(value):
            if isinstance(value, float):
                return f"{value:,.1f}" if value >= 10 else f"{value:,.3g}"
            return f"{value:,}" if isinstance(value, int) else str(value)

        lines = [("what", "measured", "budget", "verdict", "vs reference", "load")]
        for r in self.rows:
            measured = "-" if r["measured"] is None else f"{fmt(r['measured'])} {r['unit']}".strip()
            lines.append((r["what"], measured, r["budget"] or "-", r["verdict"], r["vs_reference"] or "",
                          f"{r['load_1m']:.2f}"))
        widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
        for n, line in enumerate(lines):
            print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip(), file=out)
            if n == 0:
                print("  ".join("-" * w for w in widths), file=out)


def fraction(rate: float, reference: float | None) -> str | None:
    return None if not reference else f"{rate / reference:.3g} of raw insert"


# -- sections ---------------------------------------------------------------------------
def run_reference(size: dict, table: Table, details: dict) -> None:
    from bench import reference

    ref = reference.measure(size["reference_rows"], runs=3)
    details["reference"] = ref
    table.add("reference_sqlite", "raw sqlite3 executemany insert", ref["sqlite"]["rows_per_s"], "rows/s", None, None)
    table.add("reference_orjson_encode", "orjson encode, pull-page records", ref["orjson"]["encode_records_per_s"],
              "records/s", None, None)
    table.add("reference_orjson_decode", "orjson decode, pull-page records", ref["orjson"]["decode_records_per_s"],
              "records/s", None, None)


def run_sync(size: dict, table: Table, details: dict, folder: Path) -> Path | None:
    """First sync, no-op, push of 1,000; returns the filled profile for the next sections."""
    from app.store import Store
    from bench import sync_bench
    from sync.engine import SyncEngine
    from tests.support.server import ServerProcess

    counts = {k: max(1, round(v * size["scale"])) for k, v in FULL.items()}
    ref = details.get("reference") or {}
    raw = (ref.get("sqlite") or {}).get("rows_per_s")
    decode = (ref.get("orjson") or {}).get("decode_records_per_s")
    url = sync_bench.seed_server(folder, counts)
    server = ServerProcess(url, log_path=folder / "server-sync.log", log_level="warning").start()
    try:
        runs = [sync_bench.first_sync(server, folder, f"client-{i}") for i in range(size["runs"])]
        median = sorted(runs, key=lambda r: r["rows_per_s"])[len(runs) // 2]
        first = {k: v for k, v in median.items() if k != "profile"}
        first["all_rows_per_s"] = [r["rows_per_s"] for r in runs]
        details["first_sync"] = first
        vs = fraction(first["rows_per_s"], raw)
        if vs and decode:
            vs += f", {first['rows_per_s'] / decode:.3g} of decode"
        table.add("first_sync_rows_per_s", f"first sync ({first['rows']:,} rows, median of {len(runs)})",
                  first["rows_per_s"], "rows/s", ">= 20,000", first["rows_per_s"] >= 20_000, vs)
        table.add("first_sync_peak_mb", "client peak memory during first sync", first["peak_mb"], "MB",
                  "< 500", first["peak_mb"] < 500)

        sync_bench.use_file_keyring(folder)
        store = Store.open(median["profile"])
        try:
            engine = SyncEngine(store)
            noop = sync_bench.noop_syncs(engine, size["noop"])
            details["noop_ms"] = noop
            table.add("noop_ms", f"no-op sync (median of {noop['runs']})", noop["median"], "ms", "<= 100",
                      noop["median"] <= 100, fraction(1000 / noop["median"], raw))
            edits = min(1000, counts["customers"] // size["runs"])  # a smoke profile has fewer customers
            push = sync_bench.push_edits(store, engine, size["runs"], edits)
            details["push_1000"] = push
            seconds = push["sync_s_median"]
            table.add("push_1000_s", f"sync pushing {edits:,} queued edits", seconds, "s", "<= 1",
                      seconds <= 1.0, fraction(edits / seconds, raw))
        finally:
            store.close()
        return median["profile"]
    finally:
        server.stop()


def run_ui(size: dict, table: Table, details: dict, profile: Path) -> None:
    from bench import ui_bench

    ui: dict = {"index": ui_bench.build_index(profile)}
    ui["search"] = ui_bench.measure_search(profile)
    table.add("search_p95_ms", f"search p95 ({ui['search']['queries']} queries)", ui["search"]["p95_ms"], "ms",
              "<= 50", ui["search"]["p95_ms"] <= 50)
    ui["list"] = ui_bench.measure_list_and_scroll(profile)
    table.add("first_rows_ms", f"list of {ui['list']['rows']:,} customers: first rows painted",
              ui["list"]["first_rows_cold_ms"], "ms", "<= 300", ui["list"]["first_rows_cold_ms"] <= 300)
    table.add("scroll_stall_ms", "longest GUI stall scrolling it end to end", ui["list"]["scroll_stall_ms"], "ms",
              "<= 50", ui["list"]["scroll_stall_ms"] <= 50)
    ui["cold_start"] = ui_bench.measure_cold_start(profile, runs=size["cold_runs"])
    table.add("cold_start_s", "cold start to a usable window", ui["cold_start"]["cold_start_s"], "s", "<= 2",
              ui["cold_start"]["cold_start_s"] <= 2.0)
    details["ui"] = ui


def run_dashboard(size: dict, table: Table, details: dict, profile: Path) -> None:
    try:
        from bench import report_bench
        from app.reports import compute_store
    except ImportError as exc:
        table.failed("dashboard_ms", "dashboard: every KPI", f"not available ({exc.name})")
        return
    from app.store import Store

    store = Store.open(profile)
    try:
        cases = report_bench.filters(store)
        compute_store(store, cases["all_time"])  # a dashboard already open has a warm cache
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(size["kpi_runs"]):
            for name, f in cases.items():
                started = time.perf_counter()
                compute_store(store, f)
                times[name].append((time.perf_counter() - started) * 1000)
    finally:
        store.close()
    medians = {name: round(statistics.median(t), 1) for name, t in times.items()}
    details["dashboard"] = {"median_ms": medians, "runs": size["kpi_runs"]}
    slowest = max(medians.values())
    table.add("dashboard_ms", "dashboard: every KPI (slower of all-time, last 12 months)", slowest, "ms",
              "<= 1,000", slowest <= report_bench.BUDGET_MS, note="budget from bench/report_bench.py")


def run_load_section(size: dict, table: Table, details: dict, folder: Path, backends) -> None:
    from bench import load

    details["load"] = []
    for backend in backends:
        what = {"sqlite": "SQLite", "postgres": "PostgreSQL", "postgres2": "2 servers, PostgreSQL"}[backend]
        label = f"{size['clients']} clients x {size['seconds']:.0f} s, {what}"
        if backend != "sqlite" and not _postgres_reachable():
            table.failed(f"load_{backend}", label, "not available (no PostgreSQL)")
            continue
        report = load.run_load(backend, size["clients"], size["seconds"], folder=folder / f"load-{backend}",
                               log=lambda m: print(m, file=sys.stderr))
        details["load"].append(report)
        print(load.summary_line(report), file=sys.stderr)
        p = report["push_ms"]
        table.add(f"load_{backend}_push_p95_ms", f"{label}: push p95 (p50 {p['p50']}, p99 {p['p99']})",
                  p["p95"], "ms", "<= 500", report["push_p95_within_budget"])
        e, x = report["errors"], report["exactly_once"]
        problems = (e["http_5xx"] + e["failed_syncs"] + e["server_log"]["5xx"] + x["missing"] + x["stored_twice"]
                    + x["told_differently"] + len(report["convergence"]["diverged"]))
        table.add(f"load_{backend}_errors", f"{label}: errors, lost or doubled outcomes, divergent clients",
                  problems, "", "0", report["ok"],
                  note=f"{x['sent']} mutations, pull p95 {report['pull_ms']['p95']} ms")


def _postgres_reachable() -> bool:
    try:
        import psycopg

        url = os.environ.get("LTC_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means "not here"
        return False


# -- the run ----------------------------------------------------------------------------
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="everything at a small size, quickly")
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run only these sections (repeatable)")
    parser.add_argument("--load-backends", help="comma-separated: sqlite, postgres, postgres2")
    parser.add_argument("--json", type=Path, help="default bench/results/latest.json (smoke: smoke.json)")
    args = parser.parse_args(argv)
    mode = "smoke" if args.smoke else "full"
    size = dict(SIZES[mode])
    backends = tuple(args.load_backends.split(",")) if args.load_backends else size["backends"]
    wanted = args.only or list(SECTIONS)
    target = args.json or ROOT / "bench" / "results" / ("smoke.json" if args.smoke else "latest.json")
    table, details = Table(smoke=args.smoke), {}
    started = time.perf_counter()
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="ltc-bench-") as tmp:
        folder = Path(tmp)
        profile = None
        steps = [("reference", lambda: run_reference(size, table, details)),
                 ("sync", lambda: run_sync(size, table, details, folder)),
                 ("ui", lambda: run_ui(size, table, details, profile)),
                 ("dashboard", lambda: run_dashboard(size, table, details, profile)),
                 ("load", lambda: run_load_section(size, table, details, folder, backends))]
        for name, step in steps:
            if name not in wanted:
                continue
            if name in ("ui", "dashboard") and profile is None:
                table.failed(name, name, "not run (needs the profile the sync section fills)")
                continue
            print(f"[bench] {name} (load average {load_1m()})", file=sys.stderr)
            try:
                result = step()
                if name == "sync":
                    profile = result
            except Exception as exc:  # noqa: BLE001 - a failed section is a row, the rest still runs
                traceback.print_exc()
                table.failed(name, name, f"error: {type(exc).__name__}: {exc}"[:120])
    report = {
        "mode": mode, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": round(time.perf_counter() - started, 1), "load_average_before": load_before,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                    "platform": platform.platform()},
        "rows": table.rows, "details": details,
    }
    print(f"\nLTC Desk benchmarks ({mode}, {report['seconds']:.0f} s, load average "
          f"{load_before[0]} -> {report['load_average_after'][0]} on {os.cpu_count()} cores)")
    table.print()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    print(f"\nresults: {target}")
    broken = [r for r in table.rows if r["verdict"].startswith("error")]
    over = [r for r in table.rows if r["verdict"] == "OVER"]
    return 1 if broken or (mode == "full" and over) else 0


if __name__ == "__main__":
    sys.exit(main())
