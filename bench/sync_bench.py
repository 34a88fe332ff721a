"""Sync benchmark: the client engine against a real server process on this machine.

    .venv/bin/python -m bench.sync_bench [--scale 1.0] [--runs 3] [--json bench/results/sync.json]

  first sync   a fresh profile pulls a rep's whole book: 100,000 customers, 200,000
               deals, 300,000 activities (and the deals' stage histories), generated on
               the server by `main.py server seed`; the client runs as its own process
               (`main.py sync`), so its peak memory is measured alone
  no-op sync   a sync with nothing to push or pull (median of 20)
  push 1,000   1,000 queued edits pushed (the push phase of a sync, median of --runs)

Budgets (DESIGN.md): first sync >= 20,000 rows/s (target 50,000), no-op <= 100 ms,
push of 1,000 <= 1 s, peak client memory during the first sync < 500 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.services import customers  # noqa: E402
from app.store import Store  # noqa: E402
from sync.engine import SyncEngine  # noqa: E402
from tests.support.server import PASSWORD, ServerProcess, run_cli  # noqa: E402

FULL = {"customers": 100_000, "deals": 200_000, "activities": 300_000}
BUDGETS = {"first_sync_rows_per_s": 20_000, "noop_ms": 100, "push_1000_s": 1.0, "peak_mb": 500}


def child_env(folder: Path) -> dict:
    return {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.keyring_backend.FileKeyring",
            "LTC_TEST_KEYRING_FILE": str(folder / "keyring.json"), "LTC_PASSWORD": PASSWORD}


def first_sync(server: ServerProcess, folder: Path, name: str) -> dict:
    profile = folder / name
    env = child_env(folder)
    subprocess.run([sys.executable, str(ROOT / "main.py"), "login", "--server", server.url, "--user", "rep1",
                    "--profile", str(profile)], env=env, cwd=ROOT, check=True, capture_output=True)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "bench.sync_client", "--json", "--quiet",
                          "--profile", str(profile)], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    peak_kib = json.loads(out.stderr.strip().splitlines()[-1])["peak_kib"]
    summary = json.loads(out.stdout)
    return {"rows": summary["pulled"], "seconds": round(elapsed, 2), "engine_seconds": round(summary["seconds"], 2),
            "rows_per_s": round(summary["pulled"] / elapsed), "pages": summary["pages"],
            "mb_received": round(summary["bytes"] / 1e6, 1),
            "peak_mb": round(peak_kib / 1024, 1), "profile": profile}


def seed_server(folder: Path, counts: dict) -> str:
    """A SQLite server database in `folder` with user rep1 owning `counts` generated
    records; returns its URL."""
    os.environ.setdefault("LTC_SERVER_ARGON2", "1,8,1")
    url = f"sqlite:///{folder / 'server.sqlite'}"
    os.environ["LTC_PASSWORD"] = PASSWORD
    run_cli("create-user", "rep1", "--role", "rep", database_url=url)
    started = time.perf_counter()
    # Not run_cli: 1.2 million rows take minutes on a busy machine, past its timeout.
    seeded = subprocess.run([sys.executable, str(ROOT / "main.py"), "server", "seed", "--owner", "rep1",
                             *[f"--{k}={v}" for k, v in counts.items()], "--database-url", url],
                            capture_output=True, text=True, cwd=ROOT, timeout=3600, check=True)
    print(seeded.stdout.strip(), f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return url


def use_file_keyring(folder: Path) -> None:
    """Read the tokens the `main.py login` processes stored (tests' file keyring)."""
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.FileKeyring"
    os.environ["LTC_TEST_KEYRING_FILE"] = str(folder / "keyring.json")
    import keyring

    from tests.keyring_backend import FileKeyring

    keyring.set_keyring(FileKeyring())


def noop_syncs(engine: SyncEngine, count: int = 20) -> dict:
    """Milliseconds of `count` syncs with nothing to push or pull: median and max."""
    times = []
    for _ in range(count):
        t = time.perf_counter()
        engine.sync()
        times.append((time.perf_counter() - t) * 1000)
    return {"median": round(statistics.median(times), 1), "max": round(max(times), 1), "runs": count}


def push_edits(store: Store, engine: SyncEngine, runs: int, size: int = 1000) -> dict:
    """Seconds of a sync pushing `size` queued customer edits, `runs` times: the median."""
    from sqlalchemy import select

    from app.models import Customer

    with store.read() as s:
        ids = [r for r, in s.execute(select(Customer.id).limit(size * runs))]
    pushes = []
    for run in range(runs):
        for i, cid in enumerate(ids[run * size:(run + 1) * size]):
            store.run(customers.update_customer, cid, {"notes": f"bench edit {run}-{i} {time.time_ns()}"})
        t = time.perf_counter()
        summary = engine.sync()
        pushes.append({"sync_s": time.perf_counter() - t, "pushed": summary.pushed})
    return {"sync_s_median": round(statistics.median(p["sync_s"] for p in pushes), 3),
            "pushed": [p["pushed"] for p in pushes], "all_s": [round(p["sync_s"], 3) for p in pushes]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "sync.json")
    args = parser.parse_args(argv)
    counts = {k: max(1, round(v * args.scale)) for k, v in FULL.items()}
    results: dict = {"scale": args.scale, "counts": counts}
    with tempfile.TemporaryDirectory(prefix="ltc-sync-bench-") as tmp:
        folder = Path(tmp)
        url = seed_server(folder, counts)
        server = ServerProcess(url, log_path=folder / "server.log", log_level="warning").start()
        try:
            runs = [first_sync(server, folder, f"client-{i}") for i in range(args.runs)]
            for r in runs:
                print(f"first sync: {r['rows']:,} rows in {r['seconds']:.1f} s = {r['rows_per_s']:,} rows/s, "
                      f"{r['pages']} pages, {r['mb_received']} MB, client peak {r['peak_mb']} MB", file=sys.stderr)
            median = sorted(runs, key=lambda r: r["rows_per_s"])[len(runs) // 2]
            results["first_sync"] = {k: v for k, v in median.items() if k != "profile"}
            results["first_sync"]["all_rows_per_s"] = [r["rows_per_s"] for r in runs]

            use_file_keyring(folder)
            store = Store.open(median["profile"])
            engine = SyncEngine(store)
            results["noop_ms"] = noop_syncs(engine)
            print(f"no-op sync: median {results['noop_ms']['median']} ms", file=sys.stderr)
            results["push_1000"] = push_edits(store, engine, args.runs)
            print(f"sync pushing 1,000 edits: median {results['push_1000']['sync_s_median']} s", file=sys.stderr)
            store.close()
        finally:
            server.stop()
    fs = results["first_sync"]
    verdicts = {
        "first_sync_rows_per_s": fs["rows_per_s"] >= BUDGETS["first_sync_rows_per_s"],
        "noop_ms": results["noop_ms"]["median"] <= BUDGETS["noop_ms"],
        "push_1000_s": results["push_1000"]["sync_s_median"] <= BUDGETS["push_1000_s"],
        "peak_mb": fs["peak_mb"] < BUDGETS["peak_mb"],
    }
    results["budgets"] = BUDGETS
    results["within_budget"] = verdicts
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
