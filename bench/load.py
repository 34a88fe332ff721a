"""Many clients against one server (or two sharing PostgreSQL) for a while, then proof
that nothing went wrong.

Each client is a thread with its own profile and SyncEngine (the server runs as its own
process, so the client threads' GIL is not the server's). Clients belong to reps (about
four devices each, so one rep's devices edit the same customers: merges and conflicts),
plus one manager over every rep and one admin who sees everything. For `--seconds` they
edit customers (notes, address, phone), create customers, contacts and activities,
delete their own activities, and sync every few seconds. Every HTTP attempt is timed at
the client (request sent to body received).

Afterwards every client syncs until its outbox is empty, and the run is checked:
  - no 5xx and no failed sync (client side and in the servers' access logs)
  - every mutation a client sent has exactly one stored outcome on the server
    (`mutation_results`), the same outcome the client was told (also for retries)
  - every client holds exactly what a fresh profile of its user pulls (its scope)

    .venv/bin/python -m bench.load [--backend sqlite|postgres|postgres2] [--clients 50] [--seconds 60]
                                   [--json bench/results/load.json]

`postgres2` runs two server processes on one PostgreSQL database, clients split between
them. `--faults 0.1` sends the clients through a proxy that breaks that share of sync
requests (drops, resets, truncated or lost answers, delays): the proofs must still hold. PostgreSQL comes from LTC_TEST_POSTGRES_URL (a database the run may create others
beside). Budget (DESIGN.md): no errors, no lost change, push p95 <= 500 ms.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# Sign-ins are not what is measured: cheap argon2 for the accounts made here (still argon2).
os.environ.setdefault("LTC_SERVER_ARGON2", "1,1024,1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.MemoryKeyring")

import orjson  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from app.errors import DomainError  # noqa: E402
from app.rules.schema import entity_spec  # noqa: E402
from app.services import activities, customers  # noqa: E402
from app.store import Store  # noqa: E402
from sync.engine import SyncEngine, SyncError  # noqa: E402

PASSWORD = "load test password"
BACKENDS = ("sqlite", "postgres", "postgres2")
BUDGET_PUSH_P95_MS = 500.0
FAULTS = ("drop", "reset", "truncate", "after", "delay")  # no injected 5xx: a 5xx is the server's
COMPARED = ("customer", "contact", "deal", "activity", "lead")
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def percentiles(values: list[float]) -> dict:
    """p50/p95/p99/max (nearest rank), in milliseconds, of durations in seconds."""
    if not values:
        return {"n": 0, "p50": None, "p95": None, "p99": None, "max": None}
    ordered = sorted(values)

    def rank(p):
        return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] * 1000, 1)

    return {"n": len(ordered), "p50": rank(50), "p95": rank(95), "p99": rank(99), "max": round(ordered[-1] * 1000, 1)}


class Recorder:
    """Times every HTTP attempt of the engines it is attached to and keeps what each push
    carried and what the server answered for each mutation."""

    def __init__(self):
        self.lock = threading.Lock()
        self.calls: list[tuple[str, float, int | None, str | None]] = []  # kind, seconds, status, error
        self.outcomes: dict[str, list[str]] = {}  # mutation id -> statuses told (one per answer)
        self.sent: set[str] = set()

    def attach(self, transport) -> None:
        send = transport.session.request

        def timed(method, url, **kwargs):
            kind = "push" if "/sync/push" in url else "pull" if "/sync/pull" in url else url.rsplit("/", 1)[-1]
            started = time.perf_counter()
            try:
                response = send(method, url, **kwargs)
            except Exception as exc:  # recorded, then handled by the transport as usual
                with self.lock:
                    self.calls.append((kind, time.perf_counter() - started, None, type(exc).__name__))
                raise
            with self.lock:
                self.calls.append((kind, time.perf_counter() - started, response.status_code, None))
            return response

        transport.session.request = timed
        request = transport.request

        def recorded(method, path, *, body=None, **kwargs):
            if path == "/sync/push":
                with self.lock:
                    self.sent.update(m["mutation_id"] for m in body["mutations"])
            reply = request(method, path, body=body, **kwargs)
            if path == "/sync/push":
                with self.lock:
                    for result in reply["results"]:
                        self.outcomes.setdefault(result["mutation_id"], []).append(result["status"])
            return reply

        transport.request = recorded


class LoadEngine(SyncEngine):
    """A SyncEngine whose every transport reports to a Recorder."""

    def __init__(self, store, recorder: Recorder, **kwargs):
        super().__init__(store, **kwargs)
        self.recorder = recorder

    def _transport(self, token=None, **overrides):
        transport = super()._transport(token, **overrides)
        self.recorder.attach(transport)
        return transport


# -- the setting ------------------------------------------------------------------------
@dataclass
class Client:
    number: int
    user: str
    role: str
    url: str
    engine: LoadEngine | None = None
    customers: list[str] = field(default_factory=list)
    own_customers: list[str] = field(default_factory=list)
    own_activities: list[str] = field(default_factory=list)
    actions: dict = field(default_factory=dict)
    syncs: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def accounts(clients: int) -> list[tuple[str, str]]:
    """(user, role) per client: an admin, a manager over every rep, and reps with about
    four devices each."""
    reps = max(1, math.ceil(max(1, clients - 2) / 4))
    out = []
    for i in range(clients):
        if i == 0 and clients >= 3:
            out.append(("load-admin", "admin"))
        elif i == 1 and clients >= 3:
            out.append(("load-mgr", "manager"))
        else:
            out.append((f"load-rep{i % reps:02d}", "rep"))
    return out


def prepare_database(backend: str, folder: Path, admin_url: str | None):
    """A fresh server database: (url, drop) where drop() removes it afterwards."""
    if backend == "sqlite":
        return f"sqlite:///{folder / 'server.sqlite'}", lambda: None
    import psycopg

    admin_url = admin_url or os.environ.get("LTC_TEST_POSTGRES_URL", DEFAULT_PG)
    name = f"ltc_load_{uuid.uuid4().hex[:10]}"
    dsn = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{admin_url.rsplit('/', 1)[0]}/{name}", drop


def fill(url: str, plan: list[tuple[str, str]], per_rep: int) -> None:
    """Accounts for the plan and a small book per rep, straight into the server database."""
    from app.seed import generate
    from server import bulk, dictionary
    from server.db import Database
    from server.users import create_user

    db = Database(url)
    try:
        db.migrate()
        dictionary.seed_defaults(db)
        made = {}
        roles = dict(plan)
        for user in sorted(roles, key=lambda u: {"admin": 0, "manager": 1}.get(roles[u], 2)):
            manager = "load-mgr" if roles[user] == "rep" and "load-mgr" in roles else None
            made[user] = create_user(db, user, role=roles[user], password=PASSWORD, manager=manager)["id"]
        reps = [made[u] for u in sorted(roles) if roles[u] == "rep"]
        with db.read() as conn:
            current = dictionary.current(conn)
        bulk.load(db, generate(customers=per_rep * len(reps), deals=per_rep * len(reps),
                               activities=2 * per_rep * len(reps), seed=7, owner_ids=reps, dictionary=current))
    finally:
        db.dispose()


# -- what a client does ------------------------------------------------------------------
def _refresh(client: Client) -> None:
    with client.engine.store.read() as s:
        client.customers = [r for r, in s.execute(sa.text("SELECT id FROM customers WHERE deleted_at IS NULL"))]


def act(client: Client, rng: random.Random, n: int) -> str:
    """One user action; returns its name. A refused action (a record deleted meanwhile)
    is a domain error the caller counts, as a user would see it."""
    store = client.engine.store
    roll = rng.random()
    if client.role != "rep" or roll < 0.5:
        if not client.customers:
            return "idle"
        target = rng.choice(client.customers)
        name = rng.choice(("notes", "address", "phone") if client.role == "rep" else ("notes", "address"))
        value = (f"+86139{rng.randrange(10**8):08d}" if name == "phone"
                 else f"{name} {client.number}-{n} {rng.randrange(1000)}")
        store.run(customers.update_customer, target, {name: value})
        return "edit"
    if roll < 0.65:
        made = store.run(customers.create_customer,
                         {"name": f"负载客户 {client.number}-{n} {uuid.uuid4().hex[:8]}",
                          "phone": f"+86138{rng.randrange(10**8):08d}"}, allow_duplicate=True)
        client.own_customers.append(made["id"])
        client.customers.append(made["id"])
        return "create_customer"
    if roll < 0.75 and client.own_customers:
        store.run(customers.create_contact, {"name": f"联系人 {n}", "customer_id": rng.choice(client.own_customers),
                                             "title": "采购经理"})
        return "create_contact"
    if roll < 0.93 and client.customers:
        made = store.run(activities.log_activity, "call", f"回访 {client.number}-{n}",
                         customer_id=rng.choice(client.customers))
        client.own_activities.append(made["id"])
        return "create_activity"
    if client.own_activities:
        target = client.own_activities.pop(rng.randrange(len(client.own_activities)))
        store.run(lambda uow: uow.delete("activity", target))
        return "delete_activity"
    return "idle"


def timed_sync(client: Client) -> None:
    started = time.perf_counter()
    try:
        client.engine.sync()
    except SyncError as exc:
        client.errors.append(f"sync: {exc.message}")
        return
    client.syncs.append(time.perf_counter() - started)
    _refresh(client)


def run_client(client: Client, start: threading.Event, deadline_box: list, think: tuple, sync_every: float,
               seed: int) -> None:
    rng = random.Random(seed * 1000 + client.number)
    start.wait()
    deadline = deadline_box[0]
    next_sync = time.monotonic() + rng.uniform(0, sync_every)
    n = 0
    while time.monotonic() < deadline:
        time.sleep(rng.uniform(*think))
        n += 1
        try:
            name = act(client, rng, n)
        except DomainError as exc:
            name = f"refused:{exc.code}"
        except Exception as exc:  # noqa: BLE001 - counted as an error of the run, never lost
            client.errors.append(f"action: {type(exc).__name__}: {exc}")
            name = "error"
        client.actions[name] = client.actions.get(name, 0) + 1
        if time.monotonic() >= next_sync:
            timed_sync(client)
            next_sync = time.monotonic() + sync_every * rng.uniform(0.5, 1.5)


# -- proofs -----------------------------------------------------------------------------
def replica(store: Store) -> dict:
    """Every live record of the compared entities: {entity: {id: (version, fields...)}}."""
    out = {}
    with store.read() as s:
        for entity in COMPARED:
            spec = entity_spec(entity)
            names = ["id", "version", *[n for n in spec.data_fields() if n != "id"]]
            rows = s.execute(sa.text(f"SELECT {', '.join(names)} FROM {spec.table} WHERE deleted_at IS NULL"))
            out[entity] = {r[0]: tuple(r[1:]) for r in rows}
    return out


def open_work(store: Store) -> int:
    with store.read() as s:
        return s.execute(sa.text("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent')")).scalar()


def drain(clients: list[Client]) -> int:
    """Sync everyone until nothing is queued and everyone has pulled everyone's last push;
    returns the number of rounds."""
    for rounds in range(1, 6):
        for client in clients:
            timed_sync(client)
        if rounds >= 2 and all(open_work(c.engine.store) == 0 for c in clients):
            return rounds
    return rounds


def stored_outcomes(url: str, ids: list[str]) -> dict[str, list[str]]:
    """mutation id -> statuses stored on the server (a list: exactly one is the proof)."""
    engine = sa.create_engine(url)
    found: dict[str, list[str]] = {}
    try:
        with engine.connect() as conn:
            for i in range(0, len(ids), 500):
                rows = conn.execute(sa.text("SELECT mutation_id, result FROM mutation_results "
                                            "WHERE mutation_id IN :ids").bindparams(
                    sa.bindparam("ids", expanding=True)), {"ids": ids[i:i + 500]})
                for mid, result in rows:
                    found.setdefault(mid, []).append(orjson.loads(result)["status"])
    finally:
        engine.dispose()
    return found


def server_log_statuses(paths: list[Path]) -> dict:
    statuses: dict[str, int] = {}
    errors = 0
    pattern = re.compile(r'HTTP/1\.[01]" (\d{3})')
    for path in paths:
        for line in path.read_text(errors="replace").splitlines():
            m = pattern.search(line)
            if m:
                statuses[m.group(1)] = statuses.get(m.group(1), 0) + 1
            elif "Traceback" in line or " ERROR " in line:
                errors += 1
    return {"statuses": statuses, "error_lines": errors,
            "5xx": sum(n for s, n in statuses.items() if s.startswith("5"))}


# -- the run ----------------------------------------------------------------------------
def run_load(backend: str = "sqlite", clients: int = 50, seconds: float = 60.0, *, think=(0.5, 1.5),
             sync_every: float = 3.0, per_rep: int = 30, seed: int = 1, folder: Path | None = None,
             admin_url: str | None = None, faults: float = 0.0, log=print) -> dict:
    """Run the load and its proofs; returns the report (see the module doc)."""
    import keyring

    from tests.keyring_backend import MemoryKeyring
    from tests.support.proxy import FaultyProxy
    from tests.support.server import ServerProcess

    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}")
    own_folder = folder is None
    folder = Path(folder or tempfile.mkdtemp(prefix=f"ltc-load-{backend}-"))
    folder.mkdir(parents=True, exist_ok=True)
    plan = accounts(clients)
    url, drop = prepare_database(backend, folder, admin_url)
    servers: list = []
    proxies: list = []
    opened: list[Store] = []
    # Fifty threads read their tokens at every sync: keep them in memory for the run.
    previous_keyring = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        fill(url, plan, per_rep)
        for i in range(2 if backend == "postgres2" else 1):
            # One after the other: each migrates the (shared) database before it serves.
            servers.append(ServerProcess(url, log_path=folder / f"server-{i}.log", log_level="info").start())
        recorder = Recorder()
        entry = [s.url for s in servers]
        if faults:
            chance, lock = random.Random(seed), threading.Lock()

            def rule(n, method, path):
                with lock:
                    hit, kind = chance.random() < faults, chance.choice(FAULTS)
                return kind if hit and "/sync/" in path else None

            proxies = [FaultyProxy(s.url, rule, delay=0.3).__enter__() for s in servers]
            entry = [p.url for p in proxies]
        load_average = [round(x, 2) for x in os.getloadavg()]
        people = [Client(i, user, role, entry[i % len(entry)]) for i, (user, role) in enumerate(plan)]
        for client in people:
            store = Store.open(folder / f"client-{client.number:02d}")
            opened.append(store)
            client.engine = LoadEngine(store, recorder, device_name=f"load-device-{client.number:02d}")
            client.engine.login(client.url, client.user, PASSWORD)
        for client in people:
            timed_sync(client)
        initial_errors = [e for c in people for e in c.errors]
        recorder.calls.clear()
        for client in people:
            client.syncs.clear()
        start, deadline_box = threading.Event(), [0.0]
        threads = [threading.Thread(target=run_client, args=(c, start, deadline_box, think, sync_every, seed),
                                    name=f"load-client-{c.number}", daemon=True) for c in people]
        for t in threads:
            t.start()
        log(f"{backend}: {len(people)} clients on {len(servers)} server(s) for {seconds:.0f} s "
            f"(load average {load_average[0]})")
        began = time.monotonic()
        deadline_box[0] = began + seconds
        start.set()
        for t in threads:
            t.join(seconds + 120)
        elapsed = time.monotonic() - began
        calls = list(recorder.calls)
        run_syncs = [s for c in people for s in c.syncs]
        load_after = [round(x, 2) for x in os.getloadavg()]
        rounds = drain(people)

        sent = sorted(recorder.sent)
        stored = stored_outcomes(url, sent)
        missing = [m for m in sent if m not in stored]
        doubled = [m for m, s in stored.items() if len(s) != 1]
        told = recorder.outcomes
        mismatched = [m for m in sent if m in stored and set(told.get(m, [])) != set(stored[m])]
        unanswered = [m for m in sent if m not in told]
        outcomes: dict[str, int] = {}
        for statuses in stored.values():
            outcomes[statuses[0]] = outcomes.get(statuses[0], 0) + 1
        rejected_left = 0
        for client in people:
            with client.engine.store.read() as s:
                rejected_left += s.execute(sa.text("SELECT count(*) FROM outbox WHERE state = 'rejected'")).scalar()

        fresh = {}
        for user in sorted({c.user for c in people}):
            store = Store.open(folder / f"fresh-{user}")
            opened.append(store)
            engine = SyncEngine(store, device_name=f"fresh-{user}")
            engine.login(servers[0].url, user, PASSWORD)
            engine.sync()
            fresh[user] = replica(store)
        diverged = []
        for client in people:
            mine, theirs = replica(client.engine.store), fresh[client.user]
            if mine != theirs:
                diff = {e: len(set(mine[e].items()) ^ set(theirs[e].items())) for e in COMPARED
                        if mine[e] != theirs[e]}
                diverged.append({"client": client.number, "user": client.user, "differences": diff})
        queued_left = sum(open_work(c.engine.store) for c in people)

        http_5xx = sum(1 for _, _, status, _ in calls if status is not None and status >= 500)
        failed = [e for c in people for e in c.errors]
        connection_errors = sum(1 for _, _, status, _ in calls if status is None)
        logs = server_log_statuses([s.log_path for s in servers])
        actions: dict[str, int] = {}
        for client in people:
            for name, count in client.actions.items():
                actions[name] = actions.get(name, 0) + count
        push = percentiles([s for kind, s, status, _ in calls if kind == "push" and status == 200])
        pull = percentiles([s for kind, s, status, _ in calls if kind == "pull" and status == 200])
        injected: dict[str, int] = {}
        for proxy in proxies:
            for _, _, fault in proxy.seen:
                if fault:
                    injected[fault] = injected.get(fault, 0) + 1
        report = {
            "backend": backend, "servers": len(servers), "clients": len(people), "seconds": round(elapsed, 1),
            "faults": {"share": faults, "injected": injected},
            "users": {role: len({u for u, r in plan if r == role}) for role in ("rep", "manager", "admin")},
            "load_average_before": load_average, "load_average_after": load_after,
            "push_ms": push, "pull_ms": pull, "sync_ms": percentiles(run_syncs),
            "throughput": {"requests_per_s": round(len(calls) / elapsed, 1),
                           "syncs_per_s": round(len(run_syncs) / elapsed, 1),
                           "mutations_per_s": round(len(sent) / elapsed, 1)},
            "actions": actions, "outcomes": outcomes, "rejected_left_on_clients": rejected_left,
            "errors": {"http_5xx": http_5xx, "connection_errors": connection_errors, "failed_syncs": len(failed),
                       "examples": (initial_errors + failed)[:5], "server_log": logs},
            "exactly_once": {"sent": len(sent), "stored": len(stored), "missing": len(missing),
                             "stored_twice": len(doubled), "told_differently": len(mismatched),
                             "never_answered": len(unanswered)},
            "convergence": {"clients": len(people), "diverged": diverged, "queued_left": queued_left,
                            "drain_rounds": rounds},
        }
        report["ok"] = (http_5xx == 0 and logs["5xx"] == 0 and logs["error_lines"] == 0 and not failed
                        and not initial_errors and not missing and not doubled and not mismatched
                        and not unanswered and not diverged and queued_left == 0)
        report["push_p95_within_budget"] = push["p95"] is not None and push["p95"] <= BUDGET_PUSH_P95_MS
        return report
    finally:
        for store in opened:
            store.close()
        for proxy in proxies:
            proxy.__exit__(None, None, None)
        for server in servers:
            server.stop()
        keyring.set_keyring(previous_keyring)
        drop()
        if own_folder:
            shutil.rmtree(folder, ignore_errors=True)


def summary_line(r: dict) -> str:
    e, x = r["errors"], r["exactly_once"]
    return (f"{r['backend']} ({r['servers']} server(s), {r['clients']} clients, {r['seconds']} s): "
            f"push p50/p95/p99 {r['push_ms']['p50']}/{r['push_ms']['p95']}/{r['push_ms']['p99']} ms "
            f"(n={r['push_ms']['n']}), pull {r['pull_ms']['p50']}/{r['pull_ms']['p95']}/{r['pull_ms']['p99']} ms "
            f"(n={r['pull_ms']['n']}); {r['throughput']['mutations_per_s']} mutations/s, "
            f"{r['throughput']['syncs_per_s']} syncs/s; outcomes {r['outcomes']}; 5xx {e['http_5xx']}, "
            f"failed syncs {e['failed_syncs']}; sent {x['sent']}, missing {x['missing']}, "
            f"told differently {x['told_differently']}; diverged {len(r['convergence']['diverged'])}; "
            f"{'OK' if r['ok'] else 'FAILED'} (load average {r['load_average_before'][0]} -> "
            f"{r['load_average_after'][0]})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=BACKENDS, action="append",
                        help="repeat for several (default: sqlite)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--sync-every", type=float, default=3.0, help="mean seconds between a client's syncs")
    parser.add_argument("--faults", type=float, default=0.0, help="share of sync requests a proxy breaks (0 to 1)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "load.json")
    args = parser.parse_args(argv)
    reports = []
    for backend in args.backend or ["sqlite"]:
        report = run_load(backend, args.clients, args.seconds, sync_every=args.sync_every, faults=args.faults,
                          log=lambda m: print(m, file=sys.stderr))
        print(summary_line(report))
        reports.append(report)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(reports, indent=2, ensure_ascii=False))
    return 0 if all(r["ok"] and r["push_p95_within_budget"] for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
