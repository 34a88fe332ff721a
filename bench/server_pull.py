"""Server pull benchmark: a server database filled with 200,000 records, then full pulls
over HTTP with a plain requests client; the budget is 100,000 records/s.

    .venv/bin/python -m bench.server_pull [--records 200000] [--runs 3] [--limit 10000]
        [--database-url URL] [--json bench/results/server_pull.json]

The records are written through the server's own storage layer (ChangeSet), as pushes
would leave them. Prints the median, fastest and slowest full pull; exit code 1 when the
median is under budget.
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402
import requests  # noqa: E402

from app import clock  # noqa: E402
from tests.support.server import ServerProcess  # noqa: E402
from server import dictionary  # noqa: E402
from server.changes import ChangeSet  # noqa: E402
from server.db import Database  # noqa: E402
from server.records import Row  # noqa: E402
from server.users import create_user  # noqa: E402
from sync.protocol import MAX_PULL_LIMIT  # noqa: E402

BUDGET = 100_000  # records/s
PASSWORD = "bench password"
INDUSTRIES = ("technology", "software", "manufacturing", "retail", "logistics", "energy")


def fill(db: Database, total: int, owners: list[str], seed: int = 7) -> None:
    """Customers (a third) and deals (the rest) spread over `owners`' books."""
    rng = random.Random(seed)
    now = clock.now_iso()
    customers: list[tuple[str, str]] = []
    batch = 10_000
    for start in range(0, total, batch):
        def write(conn):
            changes = ChangeSet(conn, now=now, user_id=None, origin="system", lock=db.is_postgres)
            for i in range(start, min(start + batch, total)):
                rid = str(uuid.UUID(int=rng.getrandbits(128)))
                owner = owners[i % len(owners)]
                if i % 3 == 0 or not customers:
                    data = {"id": rid, "name": f"客户 {i} 科技有限公司", "credit_code": None, "industry": rng.choice(INDUSTRIES),
                            "phone": f"+86139{i:08d}", "email": f"buyer{i}@example.com", "address": f"{i} 人民路, 上海",
                            "owner_id": owner, "status": "active", "credit_limit_minor": None, "currency": "CNY",
                            "parent_id": None, "notes": None, "created_at": now, "updated_at": now}
                    row = Row(rid, "customer", data, None, False, owner, rid, {})
                    customers.append((rid, owner))
                else:
                    customer_id, book = customers[rng.randrange(len(customers))]
                    data = {"id": rid, "customer_id": customer_id, "name": f"Deal {i}", "stage": "proposal",
                            "amount_minor": rng.randrange(10_000, 10_000_000), "currency": "CNY", "probability": 50,
                            "expected_close": "2027-03-31", "closed_on": None, "lost_reason": None,
                            "owner_id": book, "product_id": None, "lead_id": None,
                            "stage_changed_at": now, "notes": None, "created_at": now, "updated_at": now}
                    row = Row(rid, "deal", data, None, False, book, customer_id, {})
                changes.put(row, [k for k in data if k not in ("id", "created_at", "updated_at")], action="create")
            changes.commit()
        db.run_write(write)


def full_pull(url: str, token: str, limit: int, *, decode: bool = False) -> tuple[int, float, int]:
    """Pull everything; returns (records, seconds, pages). Only the server's work and the
    transfer are timed: without `decode` the client reads the cursor from the page's tail
    and counts the changes with a byte scan instead of parsing 6 MB of JSON per page."""
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "X-LTC-Protocol": "1"})
    cursor, count, pages, seconds = None, 0, 0, 0.0
    while True:
        params = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        started = time.perf_counter()
        r = session.get(url + "/api/v1/sync/pull", params=params)
        body = r.content
        seconds += time.perf_counter() - started
        r.raise_for_status()
        pages += 1
        if decode:
            page = orjson.loads(body)
            count += len(page["changes"])
            cursor, more = page["cursor"], page["has_more"]
        else:
            count += body.count(b'"record_id":')
            tail = orjson.loads(b"{" + body[body.rindex(b'"cursor":'):])
            cursor, more = tail["cursor"], tail["has_more"]
        if not more:
            return count, seconds, pages


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench.server_pull", description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=MAX_PULL_LIMIT)
    parser.add_argument("--database-url", help="an empty database to fill (default: a temporary SQLite file)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "server_pull.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ltc-server-pull-") as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'server.sqlite'}"
        db = Database(url)
        db.migrate()
        dictionary.seed_defaults(db)
        create_user(db, "bench-admin", role="admin", password=PASSWORD)
        reps = [create_user(db, f"bench-rep{i}", role="rep", password=PASSWORD)["id"] for i in range(4)]
        started = time.perf_counter()
        fill(db, args.records, reps)
        print(f"filled {args.records} records in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        if db.is_postgres:
            # What autovacuum does a minute after a bulk load; without statistics the
            # planner sorts the whole table for every page.
            with db.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE records")
                conn.commit()
        db.dispose()
        server = ServerProcess(url, log_path=Path(folder) / "server.log", log_level="warning").start()
        try:
            admin = server.login("bench-admin", PASSWORD)
            rep = server.login("bench-rep0", PASSWORD)
            checked, _, _ = full_pull(server.url, admin, args.limit, decode=True)  # warm up, and check
            if checked < args.records:
                raise SystemExit(f"a full pull returned {checked} records, expected at least {args.records}")
            runs = []
            for _ in range(args.runs):
                count, seconds, pages = full_pull(server.url, admin, args.limit)
                runs.append({"records": count, "seconds": round(seconds, 3), "pages": pages,
                             "records_per_s": round(count / seconds)})
                print(f"  admin: {count} records in {seconds:.2f} s ({count / seconds:,.0f}/s, {pages} pages)",
                      file=sys.stderr)
            rep_count, rep_seconds, _ = full_pull(server.url, rep, args.limit)
        finally:
            server.stop()
    rates = sorted(r["records_per_s"] for r in runs)
    median = statistics.median(rates)
    report = {"benchmark": "server_pull", "budget_records_per_s": BUDGET, "median_records_per_s": median,
              "fastest": rates[-1], "slowest": rates[0], "runs": runs, "page_limit": args.limit,
              "rep_scoped": {"records": rep_count, "records_per_s": round(rep_count / rep_seconds)},
              "database": "postgresql" if url.startswith("postgresql") else "sqlite",
              "machine": platform.platform(), "python": platform.python_version()}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    verdict = "within" if median >= BUDGET else "OVER"
    print(f"server pull: median {median:,.0f} records/s (fastest {rates[-1]:,.0f}, slowest {rates[0]:,.0f}); "
          f"rep-scoped {report['rep_scoped']['records_per_s']:,}/s; budget >= {BUDGET:,}/s: {verdict}")
    return 0 if median >= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
