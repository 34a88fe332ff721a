"""Server push benchmark: one push of 1,000 mutations on SQLite; the budget is 1 s.

    .venv/bin/python -m bench.server_push [--runs 5] [--mutations 1000] [--json bench/results/server_push.json]

Each run pushes a fresh mix, as a rep's laptop would after a day offline: new customers
(each checked for duplicates against every customer), their contacts, activities, and
edits of customers the server already has (three-way merged). Timed from the client:
request, the server's work and the response. Exit code 1 when the median is over budget.
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from tests.support.server import ServerProcess  # noqa: E402
from server import dictionary  # noqa: E402
from server.db import Database  # noqa: E402
from server.users import create_user  # noqa: E402

BUDGET_S = 1.0
PASSWORD = "bench password"
EXISTING = 200


def _id() -> str:
    return str(uuid.uuid4())


def _create(entity: str, changes: dict, record_id: str | None = None) -> dict:
    return {"mutation_id": _id(), "entity": entity, "record_id": record_id or _id(), "op": "create",
            "base_version": None, "base": {}, "changes": changes}


def batch(run: int, size: int, existing: dict[str, tuple[int, str]]) -> list[dict]:
    """`size` mutations: 30% new customers, 30% contacts of them, 20% activities, 20% edits."""
    out: list[dict] = []
    new_customers = []
    for i in range(size * 3 // 10):
        m = _create("customer", {"name": f"Run{run} Customer {i} {uuid.uuid4().hex[:8]} Ltd",
                                 "phone": f"+86137{run:02d}{i:06d}", "email": f"r{run}c{i}@example.com",
                                 "industry": "manufacturing", "address": f"{i} Nanjing Road"})
        new_customers.append(m["record_id"])
        out.append(m)
    for i in range(size * 3 // 10):
        out.append(_create("contact", {"name": f"联系人 {i}", "customer_id": new_customers[i % len(new_customers)],
                                       "title": "采购经理", "phone": f"+86136{run:02d}{i:06d}"}))
    for i in range(size * 2 // 10):
        out.append(_create("activity", {"kind": "call", "subject": f"Follow-up {i}",
                                        "customer_id": new_customers[i % len(new_customers)],
                                        "due_at": "2027-01-15T09:00:00Z"}))
    ids = list(existing)
    while len(out) < size:
        record_id = ids[len(out) % len(ids)]
        version, notes = existing[record_id]
        new_notes = f"run {run} note {len(out)}"
        out.append({"mutation_id": _id(), "entity": "customer", "record_id": record_id, "op": "update",
                    "base_version": version, "base": {"notes": notes}, "changes": {"notes": new_notes}})
        existing[record_id] = (version, new_notes)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="bench.server_push", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mutations", type=int, default=1000)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "server_push.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ltc-server-push-") as folder:
        url = f"sqlite:///{Path(folder) / 'server.sqlite'}"
        db = Database(url)
        db.migrate()
        dictionary.seed_defaults(db)
        create_user(db, "bench-rep", role="rep", password=PASSWORD)
        db.dispose()
        server = ServerProcess(url, log_path=Path(folder) / "server.log", log_level="warning").start()
        try:
            session = requests.Session()
            session.headers.update({"Authorization": f"Bearer {server.login('bench-rep', PASSWORD)}",
                                    "X-LTC-Protocol": "1"})
            setup = [_create("customer", {"name": f"Existing {i} {uuid.uuid4().hex[:8]} Co", "notes": "start"})
                     for i in range(EXISTING)]
            results = session.post(server.url + "/api/v1/sync/push",
                                   json={"client_id": "bench", "mutations": setup}).json()["results"]
            existing = {m["record_id"]: (r["version"], "start") for m, r in zip(setup, results)}
            runs = []
            for run in range(args.runs):
                mutations = batch(run, args.mutations, existing)
                body = json.dumps({"client_id": "bench", "mutations": mutations}).encode()
                started = time.perf_counter()
                r = session.post(server.url + "/api/v1/sync/push", data=body,
                                 headers={"Content-Type": "application/json"})
                seconds = time.perf_counter() - started
                r.raise_for_status()
                statuses = {}
                for result in r.json()["results"]:
                    statuses[result["status"]] = statuses.get(result["status"], 0) + 1
                if statuses.get("rejected"):
                    raise SystemExit(f"run {run}: rejected mutations {statuses}")
                runs.append({"seconds": round(seconds, 3), "statuses": statuses})
                print(f"  run {run}: {args.mutations} mutations in {seconds:.3f} s {statuses}", file=sys.stderr)
        finally:
            server.stop()
    times = sorted(r["seconds"] for r in runs)
    median = statistics.median(times)
    report = {"benchmark": "server_push", "budget_s": BUDGET_S, "median_s": median, "fastest_s": times[0],
              "slowest_s": times[-1], "mutations": args.mutations, "runs": runs, "database": "sqlite",
              "machine": platform.platform(), "python": platform.python_version()}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    verdict = "within" if median <= BUDGET_S else "OVER"
    print(f"server push of {args.mutations} mutations: median {median:.3f} s (fastest {times[0]:.3f}, "
          f"slowest {times[-1]:.3f}); budget <= {BUDGET_S} s: {verdict}")
    return 0 if median <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
